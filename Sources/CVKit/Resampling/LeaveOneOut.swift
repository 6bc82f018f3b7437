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
        return (0..<n).map { row in
            Split(repetition: 0, fold: row, train: Array(0..<row) + Array(row + 1..<n), test: [row])
        }
    }
}
