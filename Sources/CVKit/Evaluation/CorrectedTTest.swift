/// The corrected resampled t-test (Nadeau & Bengio 2003, "Inference for the Generalization Error",
/// Machine Learning 52:239–281) for comparing two models scored on the same J resampled splits.
///
/// The plain paired t-test divides the variance of the score differences by J as if the splits were
/// independent; they are not (their training sets overlap), so it rejects far too often. Nadeau and
/// Bengio replace 1/J by 1/J + n_test/n_train, which widens the variance roughly in proportion to the
/// overlap. Both statistics are reported; both p-values are two-sided with df = J − 1. The correction
/// was derived for random subsampling; for k-fold CV (n_test/n_train = 1/(k − 1)) it is the usual,
/// still approximate, choice (Bouckaert & Frank 2004).
public struct CorrectedTTest: Sendable, Equatable, Codable {
    /// The mean of d_j = score_a − score_b: positive when model a scores higher.
    public var meanDifference: Double
    public var correctedT: Double
    /// Two-sided, df = J − 1.
    public var pValue: Double
    public var naiveT: Double
    /// The plain paired t-test on the same differences.
    public var naivePValue: Double
    /// 95 % interval of the mean difference from the corrected variance:
    /// mean ± t(0.975, J − 1) · √((1/J + n_test/n_train) · s²); [mean, mean] when s² = 0.
    public var ci95: [Double]

    /// differences d_j = score_a − score_b per split; `testToTrainRatio` = n_test / n_train.
    /// corrected variance = (1/J + n_test/n_train) · s², s² the sample variance of d (n − 1);
    /// naive variance = s² / J. When s² == 0: t = 0 and p = 1 if the mean is 0, else t = ±infinity and p = 0.
    ///
    /// t = mean(d) / √variance for each variance. s² is taken as exactly 0 when all differences are
    /// equal, so identical differences never give a huge t from rounding. An infinite t cannot be
    /// written by `JSONEncoder` without a `nonConformingFloatEncodingStrategy`. Requires J ≥ 2 and a
    /// finite `testToTrainRatio` ≥ 0.
    public init(differences: [Double], testToTrainRatio: Double) {
        precondition(differences.count >= 2, "the corrected t-test needs at least two splits")
        precondition(testToTrainRatio >= 0 && testToTrainRatio.isFinite, "testToTrainRatio must be finite and >= 0")
        let j = Double(differences.count)
        let first = differences[0]
        let allEqual = differences.allSatisfy { $0 == first }
        let mean = allEqual ? first : differences.reduce(0, +) / j
        let variance = allEqual ? 0 : differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (j - 1)
        func test(_ scaledVariance: Double) -> (t: Double, p: Double) {
            if scaledVariance == 0 {
                if mean == 0 { return (0, 1) }
                return (mean > 0 ? .infinity : -.infinity, 0)
            }
            let t = mean / scaledVariance.squareRoot()
            return (t, StudentT.twoSidedPValue(t, degreesOfFreedom: j - 1))
        }
        let corrected = test((1 / j + testToTrainRatio) * variance)
        let naive = test(variance / j)
        meanDifference = mean
        correctedT = corrected.t
        pValue = corrected.p
        naiveT = naive.t
        naivePValue = naive.p
        let half = StudentT.quantile(0.975, degreesOfFreedom: j - 1) * ((1 / j + testToTrainRatio) * variance).squareRoot()
        ci95 = [mean - half, mean + half]
    }
}
