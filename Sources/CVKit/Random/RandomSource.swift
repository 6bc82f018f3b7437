import Foundation

/// cvkit's random numbers: xoshiro256** streams seeded through SplitMix64, with our own bounded
/// integers, floats, Gaussians and shuffle.
///
/// Everything random in cvkit (fold assignment, mini-batch order, initial weights, search trials)
/// comes from a `RandomSource` made from an explicit seed, so the same seed gives the same bytes on
/// every platform and Swift version. The standard library's `shuffle(using:)` and
/// `random(in:using:)` are not used: their algorithms "may change in a future version of Swift".
///
/// - xoshiro256** 1.0 (Blackman & Vigna, 2018, https://prng.di.unimi.it/): 256-bit state, period 2²⁵⁶ − 1.
/// - SplitMix64 (Steele, Lea & Flood, 2014) expands a 64-bit seed into the state, as the authors advise.
/// - `derive(_:_:)` makes independent child seeds, e.g. one per task from (run seed, task id), so a
///   task's numbers do not depend on which thread runs it or in what order.
public struct RandomSource: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A stream seeded from `seed` through SplitMix64.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = RandomSource.splitMix64(&mixer)
        s1 = RandomSource.splitMix64(&mixer)
        s2 = RandomSource.splitMix64(&mixer)
        s3 = RandomSource.splitMix64(&mixer)
    }

    /// A seed for an independent child stream identified by `ids` (e.g. repeat, fold, task).
    /// Pure: `derive(7, [2, 3])` is the same everywhere, and differs for other seeds or ids.
    public static func derive(_ seed: UInt64, _ ids: [UInt64]) -> UInt64 {
        var state = seed
        var result = splitMix64(&state)
        for id in ids {
            state = result ^ (id &+ 0x6A09_E667_F3BC_C909)
            result = splitMix64(&state)
        }
        return result
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject: unbiased). `bound` must be > 0.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal sample (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func nextGaussian() -> Double {
        var u = nextDouble()
        while u == 0 { u = nextDouble() }
        let v = nextDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Shuffles `array` in place: Fisher–Yates, from the last element down.
    public mutating func shuffle<T>(_ array: inout [T]) {
        fisherYates(count: array.count) { array.swapAt($0, $1) }
    }

    /// Shuffles `first` and `second` (of equal length) in place by the same permutation — the one
    /// `shuffle(_:)` applies to an array of that length, swap for swap — so two parallel arrays
    /// stay paired without a third array of positions.
    public mutating func shuffle<A, B>(_ first: inout [A], _ second: inout [B]) {
        precondition(first.count == second.count, "parallel arrays of \(first.count) and \(second.count) elements")
        fisherYates(count: first.count) { first.swapAt($0, $1); second.swapAt($0, $1) }
    }

    /// The swaps of a Fisher–Yates shuffle of `count` elements, from the last down (none that
    /// would swap an element with itself).
    private mutating func fisherYates(count: Int, swap: (Int, Int) -> Void) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { swap(i, j) }
        }
    }

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
