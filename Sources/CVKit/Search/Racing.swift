import Foundation

/// Racing (`--race`): every live configuration is scored on the same folds one fold at a time, and
/// after `minFolds` folds a configuration whose score is significantly worse than the current
/// best's is dropped — it never trains on the remaining folds.
///
/// The test is tidymodels finetune's `tune_race_anova` (Kuhn 2014, "Futility analysis in the
/// cross-validation of machine learning models", arXiv:1405.6974): the fold scores of the live
/// configurations are fitted by a two-way ANOVA without interaction (configuration + fold: the
/// folds are shared, so fold difficulty is removed), and each configuration is compared with the
/// best by a one-sided t-test on their mean difference, `t = (ȳ_best − ȳ_c) / √(2 s² / F)`, with
/// `s²` the residual variance, pooled over every live configuration (df = (C − 1)(F − 1)). Pooling
/// is why it is chosen over Optuna's per-configuration Wilcoxon signed-rank test: with 3 to 10 folds
/// a single configuration's differences cannot reach significance, the pooled residual can. A
/// configuration is dropped when p < `alpha`. For a metric where lower is better, "worse" is higher.
/// Decisions depend on the scores only, so a raced run is the same for any `--jobs`, after a resume
/// and on a cluster (one phase per fold).
public struct Racing: Sendable, Equatable, Codable {
    /// Folds every configuration completes before the first elimination (≥ 2).
    public var minFolds: Int
    public var alpha: Double

    public init(minFolds: Int, alpha: Double = 0.05) {
        self.minFolds = minFolds
        self.alpha = alpha
    }

    /// The default for `k` folds: 3, but at most k − 1 (so something can be saved), at least 2.
    public static func defaultMinFolds(k: Int) -> Int { max(2, min(3, k - 1)) }

    /// Why these settings cannot be used, or nil.
    public func problem(k: Int) -> String? {
        if minFolds < 2 { return "--race-min-folds must be at least 2 (got \(minFolds)): the first comparison needs two folds" }
        if !(alpha > 0 && alpha < 1) { return "--race-alpha must be in (0, 1) (got \(alpha))" }
        return nil
    }

    /// One elimination round: `scores[c][f]` for the live configurations (all with the same F folds);
    /// returns for each configuration nil (stays) or the one-sided p-value that removed it.
    public func eliminate(scores: [[Double]], lowerIsBetter: Bool) -> [Double?] {
        let configs = scores.count, folds = scores.first?.count ?? 0
        guard configs >= 2, folds >= 2, folds >= minFolds else { return Array(repeating: nil, count: configs) }
        let sign = lowerIsBetter ? -1.0 : 1.0
        let y = scores.map { $0.map { sign * $0 } }
        let configMeans = y.map { $0.reduce(0, +) / Double(folds) }
        let foldMeans = (0..<folds).map { f in y.reduce(0) { $0 + $1[f] } / Double(configs) }
        let grand = configMeans.reduce(0, +) / Double(configs)
        var residual = 0.0
        for c in 0..<configs { for f in 0..<folds { let e = y[c][f] - configMeans[c] - foldMeans[f] + grand; residual += e * e } }
        let df = Double((configs - 1) * (folds - 1))
        let variance = residual / df
        guard let best = configMeans.indices.max(by: { configMeans[$0] < configMeans[$1] }) else { return Array(repeating: nil, count: configs) }
        return (0..<configs).map { c -> Double? in
            guard c != best else { return nil }
            let gap = configMeans[best] - configMeans[c]
            guard gap > 0 else { return nil }
            if variance <= 0 { return 0 }  // no noise at all: any gap is certain
            let t = gap / (2 * variance / Double(folds)).squareRoot()
            let p = StudentT.twoSidedPValue(t, degreesOfFreedom: df) / 2
            return p < alpha ? p : nil
        }
    }
}
