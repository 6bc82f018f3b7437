import Testing
@testable import CVKit

@Suite struct RandomSourceTests {
    /// First outputs of xoshiro256** seeded through SplitMix64, from an independent Python implementation.
    @Test func matchesReferenceStream() {
        var zero = RandomSource(seed: 0)
        #expect((0..<4).map { _ in zero.next() } == [0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0, 0x6aa5_94f1_262d_2d2c])
        var answer = RandomSource(seed: 42)
        #expect((0..<4).map { _ in answer.next() } == [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1])
    }

    @Test func boundedIntegersAreInRangeAndRoughlyUniform() {
        var random = RandomSource(seed: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[random.nextInt(below: 7)] += 1 }
        // Each bucket expects 10,000; 5 standard deviations is about ±470.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
    }

    @Test func doublesAndGaussians() {
        var random = RandomSource(seed: 2)
        let uniforms = (0..<20_000).map { _ in random.nextDouble() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        let gaussians = (0..<50_000).map { _ in random.nextGaussian() }
        let mean = gaussians.reduce(0, +) / Double(gaussians.count)
        let variance = gaussians.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaussians.count - 1)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.03)
    }

    @Test func shuffleIsAPermutationAndSeeded() {
        var a = RandomSource(seed: 3), b = RandomSource(seed: 3)
        var x = Array(0..<100), y = Array(0..<100)
        a.shuffle(&x)
        b.shuffle(&y)
        #expect(x == y && x != Array(0..<100) && x.sorted() == Array(0..<100))
    }

    @Test func derivedSeedsAreDistinct() {
        let seeds = (0..<1000).map { RandomSource.derive(7, [UInt64($0)]) }
        #expect(Set(seeds).count == 1000)
        #expect(RandomSource.derive(7, [1, 2]) != RandomSource.derive(7, [2, 1]))
        #expect(RandomSource.derive(7, [1]) != RandomSource.derive(8, [1]))
        #expect(RandomSource.derive(7, [1]) == RandomSource.derive(7, [1]))
    }
}
