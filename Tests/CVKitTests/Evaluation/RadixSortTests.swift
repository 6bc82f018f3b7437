import Testing
@testable import CVKit

@Suite struct RadixSortTests {
    /// The same order as the standard library's sort, value for value, on probabilities (shared top
    /// bytes: skipped passes), on numbers of both signs and magnitudes, with ties, ±infinity and
    /// zeros; −0.0 sorts just below +0.0.
    @Test(arguments: [0, 1, 2, 3, 255, 256, 1_000, 65_537])
    func sortsAsTheStandardLibrary(count: Int) {
        var random = RandomSource(seed: UInt64(count) + 1)
        let probabilities = (0..<count).map { _ in Double(Float(random.nextDouble())) }
        var mixed = (0..<count).map { i -> Double in
            switch i % 7 {
            case 0: return -random.nextDouble() * 1e6
            case 1: return random.nextDouble() * 1e-300
            case 2: return Double(i % 13)                          // ties
            case 3: return i % 2 == 0 ? .infinity : -.infinity
            case 4: return -Double(i % 5)
            default: return random.nextGaussian()
            }
        }
        if count > 2 { mixed[0] = 0.0; mixed[1] = -0.0 }
        for values in [probabilities, mixed] {
            let sorted = RadixSort.descending(values)
            #expect(sorted.count == values.count)
            #expect(zip(sorted, values.sorted(by: >)).allSatisfy { $0 == $1 })   // == : −0.0 equals +0.0
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.bitPattern == $1.bitPattern || $0 > $1 || ($0 == 0 && $1 == 0 && $0.sign == .plus) })
            #expect(sorted.map(\.bitPattern).sorted() == values.map(\.bitPattern).sorted())   // the same values, bit for bit
        }
    }

    /// Floats sort as the Doubles they convert to (same order, same ties, −0.0 below +0.0, same
    /// bits), on 32-bit keys: what the ranking metrics rely on to sort probabilities as Float.
    @Test(arguments: [0, 1, 2, 3, 255, 256, 1_000, 65_537])
    func floatsSortAsTheirDoubles(count: Int) {
        var random = RandomSource(seed: UInt64(count) + 7)
        var values = (0..<count).map { i -> Float in
            switch i % 5 {
            case 0: return Float(random.nextDouble())
            case 1: return Float(i % 11) / 10                       // ties
            case 2: return -Float(random.nextGaussian()) * 1e-30
            case 3: return i % 2 == 0 ? .infinity : -.greatestFiniteMagnitude
            default: return Float(random.nextGaussian())
            }
        }
        if count > 2 { values[0] = 0.0; values[1] = -0.0 }
        let floats = RadixSort.descending(values)
        let doubles = RadixSort.descending(values.map(Double.init))
        #expect(floats.count == values.count)
        #expect(zip(floats, doubles).allSatisfy { Double($0).bitPattern == $1.bitPattern })
        #expect(zip(floats, values.sorted(by: >)).allSatisfy { $0 == $1 })
    }
}
