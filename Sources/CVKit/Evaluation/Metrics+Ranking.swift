extension Metrics {
    /// Area under the ROC curve of `probabilities` (rows × classCount, row-major) against `truth`:
    /// binary, the score of class 1 (scikit-learn's positive class, the greater label) —
    /// `roc_auc_score(y, p[:, 1])`; multiclass, the unweighted mean of the one-vs-rest AUCs —
    /// `roc_auc_score(y, p, multi_class="ovr", average="macro")`. Ties count one half (the
    /// Mann–Whitney statistic, equal to the trapezoidal area scikit-learn computes). nil when a
    /// class has no row or every row (the AUC is undefined: scikit-learn warns and gives NaN).
    public static func rocAUC(truth: [Int32], probabilities: [Float], classCount: Int) -> Double? {
        oneVsRest([(truth, probabilities)], classCount: classCount, binaryAUC)
    }

    /// `rocAUC` of parts read in order, as if pooled.
    static func rocAUC(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> Double? {
        oneVsRest(parts, classCount: classCount, binaryAUC)
    }

    /// Average precision, the area under the precision–recall curve as a step sum
    /// Σₖ (Rₖ − Rₖ₋₁) Pₖ over decreasing thresholds: scikit-learn's `average_precision_score` —
    /// binary, of class 1's score; multiclass, the unweighted mean of one-vs-rest APs. nil when a
    /// class has no row (the recall is undefined).
    public static func averagePrecision(truth: [Int32], probabilities: [Float], classCount: Int) -> Double? {
        oneVsRest([(truth, probabilities)], classCount: classCount, binaryAP)
    }

    /// `averagePrecision` of parts read in order, as if pooled.
    static func averagePrecision(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> Double? {
        oneVsRest(parts, classCount: classCount, binaryAP)
    }

    /// A binary ranking metric as scikit-learn extends it: binary, of class 1's score; multiclass,
    /// the unweighted mean over classes of each class against the rest; nil when one is undefined.
    static func oneVsRest(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int,
                          _ metric: (_ sorted: (positives: [Float], negatives: [Float])) -> Double?) -> Double? {
        let targets = classCount == 2 ? [1] : Array(0..<classCount)
        var sum = 0.0
        for c in targets {
            guard let value = metric(sortedScores(parts, class: c, classCount: classCount)) else { return nil }
            sum += value
        }
        return sum / Double(targets.count)
    }

    /// AUC by average ranks: (Σ ranks of positives − P(P+1)/2) / (P·N); nil without both kinds.
    /// Ranks count from the lowest score (1) up; tied scores share their mean rank. The rank sum is
    /// a sum of half-integers, exact in any order.
    static func binaryAUC<Score: FloatingPoint>(_ sorted: (positives: [Score], negatives: [Score])) -> Double? {
        let p = sorted.positives.count, n = sorted.negatives.count
        guard p > 0, n > 0 else { return nil }
        let count = p + n
        var rankSum = 0.0, above = 0
        forEachScore(sorted) { positives, negatives in
            // The group holds positions above ..< above + size from the top: from the bottom,
            // count − above − size ... count − 1 − above, whose mean rank (from 1) is:
            let size = positives + negatives
            let rank = Double((count - above - size) + (count - 1 - above)) / 2 + 1
            rankSum += rank * Double(positives)
            above += size
        }
        return (rankSum - Double(p) * Double(p + 1) / 2) / (Double(p) * Double(n))
    }

    /// Average precision of one class; nil without a positive row.
    static func binaryAP<Score: FloatingPoint>(_ sorted: (positives: [Score], negatives: [Score])) -> Double? {
        let total = sorted.positives.count
        guard total > 0 else { return nil }
        var tp = 0, fp = 0, previousRecall = 0.0, ap = 0.0
        forEachScore(sorted) { positives, negatives in
            tp += positives
            fp += negatives
            let recall = Double(tp) / Double(total)
            ap += (recall - previousRecall) * Double(tp) / Double(tp + fp)
            previousRecall = recall
        }
        return ap
    }
}
