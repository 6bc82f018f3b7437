/// Leave-one-out: `n` splits, split `i` tests on row `i` alone and trains on all others.
///
/// Nearly unbiased but high-variance, and `n` trainings: for small data sets. No randomness; the
/// seed is kept only to satisfy `Resampler` (training inside each split still uses seeds).
public struct LeaveOneOut: Resampler {
    public var seed: UInt64

    public init(seed: UInt64 = 0) { self.seed = seed }

    public func splits(labels: [Int32], groups: [Int32] = []) throws -> [Split] {
        let n = labels.count
        if n < 2 { throw CVKitError.invalidArgument("leave-one-out needs at least 2 rows (got \(n))") }
        // Each split stores its one test row; its training rows are made when its task runs (O(n) in all).
        return (0..<n).map { row in Split(repetition: 0, fold: row, complementOf: [row], rowCount: n) }
    }
}
