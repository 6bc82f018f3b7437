/// Mean, sample standard deviation and 95 % t-interval of a set of scores (one per fold or repeat).
///
/// - `sd` is the sample standard deviation (divisor n − 1), 0 when n < 2.
/// - `ci95` is [lo, hi] = mean ± t(0.975, n − 1) · sd / √n, Student's t quantile from `StudentT`;
///   [mean, mean] when n = 1 (no spread to measure), [] when n = 0 (and then mean = 0).
///
/// The t-interval treats the fold scores as independent, which they are not: the training sets of
/// cross-validation folds overlap, so the scores are positively correlated. The interval is therefore
/// approximate and tends to be too narrow, undercovering the model's true accuracy (Bates, Hastie &
/// Tibshirani 2021, "Cross-validation: what does it estimate and how well does it do it?",
/// arXiv:2104.00673). Read it as a description of the spread over folds, not a guarantee.
///
/// The mean and variance are computed in two passes (mean, then squared deviations), which stays
/// accurate when the scores are large against their spread.
public struct Summary: Sendable, Equatable, Codable {
    public var n: Int
    public var mean: Double
    public var sd: Double
    public var ci95: [Double]
    /// The metric of all out-of-fold predictions pooled (scikit-learn's `cross_val_predict` then
    /// the metric), when known: absent for a summary of anything else.
    public var pooled: Double?

    /// The summary of `values`.
    public init(_ values: [Double]) {
        n = values.count
        guard n > 0 else {
            mean = 0; sd = 0; ci95 = []
            return
        }
        let count = Double(n)
        mean = values.reduce(0, +) / count
        guard n > 1 else {
            sd = 0; ci95 = [mean, mean]
            return
        }
        let center = mean
        sd = (values.reduce(0) { $0 + ($1 - center) * ($1 - center) } / (count - 1)).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: count - 1) * sd / count.squareRoot()
        ci95 = [mean - half, mean + half]
    }

    /// The summary of `values`, scores of J = k·r resampled splits (repeated K-fold), with the
    /// corrected resampled t-interval of Nadeau & Bengio (2003, "Inference for the Generalization
    /// Error", Machine Learning 52:239–281, eq. for the corrected resampled t):
    /// mean ± t(0.975, J − 1) · √((1/J + n_test/n_train) · s²), s² the sample variance (n − 1).
    /// The plain interval's 1/J assumes independent scores; repeats reuse the same rows, so the
    /// k·r scores of repeated K-fold are far from independent and it comes out too narrow.
    /// `testToTrainRatio` (≥ 0, finite) is n_test / n_train, 1/(k − 1) for K-fold. `mean`, `sd`
    /// and the edge cases (n ≤ 1) are those of `init(_:)`; the same test as `CorrectedTTest`.
    public init(correctedResampled values: [Double], testToTrainRatio: Double) {
        self.init(values)
        guard n > 1, testToTrainRatio.isFinite, testToTrainRatio >= 0 else { return }
        let j = Double(n)
        let half = StudentT.quantile(0.975, degreesOfFreedom: j - 1) * ((1 / j + testToTrainRatio) * sd * sd).squareRoot()
        ci95 = [mean - half, mean + half]
    }

    private enum CodingKeys: String, CodingKey { case n, mean, sd, ci95, pooled }

    /// Of no values (every fold diverged), `mean` and `sd` are written as null: a made-up 0 would read
    /// as a score (a "perfect" log loss of 0).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        if n == 0 {
            try c.encodeNil(forKey: .mean)
            try c.encodeNil(forKey: .sd)
        } else {
            try c.encode(mean, forKey: .mean)
            try c.encode(sd, forKey: .sd)
        }
        try c.encode(ci95, forKey: .ci95)
        try c.encodeIfPresent(pooled, forKey: .pooled)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        n = try c.decode(Int.self, forKey: .n)
        mean = try c.decodeIfPresent(Double.self, forKey: .mean) ?? 0
        sd = try c.decodeIfPresent(Double.self, forKey: .sd) ?? 0
        ci95 = try c.decode([Double].self, forKey: .ci95)
        pooled = try c.decodeIfPresent(Double.self, forKey: .pooled)
    }

    /// A summary from its parts, e.g. read back from a report; not checked for consistency.
    public init(n: Int, mean: Double, sd: Double, ci95: [Double], pooled: Double? = nil) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ci95 = ci95
        self.pooled = pooled
    }
}
