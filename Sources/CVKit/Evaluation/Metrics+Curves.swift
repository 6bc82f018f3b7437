extension Metrics {
    /// The ROC curve of one class against the rest: (false-positive rate, true-positive rate) at
    /// every distinct score, from (0, 0) to (1, 1) — scikit-learn's `roc_curve(drop_intermediate=False)`.
    /// Empty when the class has no row or every row.
    public static func rocCurve(positive: [Bool], scores: [Double]) -> [(x: Double, y: Double)] {
        let p = positive.filter { $0 }.count, n = positive.count - p
        guard p > 0, n > 0 else { return [] }
        var points: [(x: Double, y: Double)] = [(0, 0)]
        var tp = 0, fp = 0
        forEachThreshold(positive: positive, scores: scores) { isPositive in if isPositive { tp += 1 } else { fp += 1 } } after: {
            points.append((Double(fp) / Double(n), Double(tp) / Double(p)))
        }
        return points
    }

    /// The precision–recall curve of one class: (recall, precision) at every distinct score, from
    /// high thresholds to low — scikit-learn's `precision_recall_curve`. Empty without a positive row.
    public static func precisionRecallCurve(positive: [Bool], scores: [Double]) -> [(x: Double, y: Double)] {
        let p = positive.filter { $0 }.count
        guard p > 0 else { return [] }
        var points: [(x: Double, y: Double)] = []
        var tp = 0, fp = 0
        forEachThreshold(positive: positive, scores: scores) { isPositive in if isPositive { tp += 1 } else { fp += 1 } } after: {
            points.append((Double(tp) / Double(p), Double(tp) / Double(tp + fp)))
        }
        return points
    }

    /// Visits rows from the highest score down, calling `row` for each and `after` once per group of equal scores.
    private static func forEachThreshold(positive: [Bool], scores: [Double], row: (Bool) -> Void, after: () -> Void) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { row(positive[order[k]]) }
            after()
            i = j + 1
        }
    }
}
