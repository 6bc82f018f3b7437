extension Metrics {
    /// The ROC curve of one class against the rest: (false-positive rate, true-positive rate) at
    /// every distinct score, from (0, 0) to (1, 1) — scikit-learn's `roc_curve(drop_intermediate=False)`.
    /// Empty when the class has no row or every row. `thinned`: the points `SVGCharts.thinned` keeps
    /// of that curve, made without holding the whole curve (a million points for a million rows).
    public static func rocCurve(positive: [Bool], scores: [Double], thinned: Bool = false) -> [(x: Double, y: Double)] {
        let p = positive.filter { $0 }.count, n = positive.count - p
        guard p > 0, n > 0 else { return [] }
        return curve(positive: positive, scores: scores, origin: (0, 0), thinned: thinned) { tp, fp in (Double(fp) / Double(n), Double(tp) / Double(p)) }
    }

    /// The precision–recall curve of one class: (recall, precision) at every distinct score, from
    /// high thresholds to low — scikit-learn's `precision_recall_curve`. Empty without a positive row.
    /// `thinned` as for `rocCurve`.
    public static func precisionRecallCurve(positive: [Bool], scores: [Double], thinned: Bool = false) -> [(x: Double, y: Double)] {
        let p = positive.filter { $0 }.count
        guard p > 0 else { return [] }
        return curve(positive: positive, scores: scores, origin: nil, thinned: thinned) { tp, fp in (Double(tp) / Double(p), Double(tp) / Double(tp + fp)) }
    }

    /// `origin`, then `point(tp, fp)` after each group of equal scores from the highest down; with
    /// `thinned`, only the points `SVGCharts.thinned` would keep (every k-th and the last, counted
    /// first).
    private static func curve(positive: [Bool], scores: [Double], origin: (x: Double, y: Double)?, thinned: Bool,
                              point: (_ tp: Int, _ fp: Int) -> (x: Double, y: Double)) -> [(x: Double, y: Double)] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var total = origin == nil ? 0 : 1
        if thinned { forEachThreshold(order: order, positive: positive, scores: scores) { _ in } after: { total += 1 } }
        let step = thinned && total > 401 ? (total + 399) / 400 : 1
        var points: [(x: Double, y: Double)] = []
        var index = 0
        func add(_ p: (x: Double, y: Double)) {
            if index % step == 0 || (thinned && index == total - 1) { points.append(p) }
            index += 1
        }
        if let origin { add(origin) }
        var tp = 0, fp = 0
        forEachThreshold(order: order, positive: positive, scores: scores) { isPositive in if isPositive { tp += 1 } else { fp += 1 } } after: {
            add(point(tp, fp))
        }
        return points
    }

    /// Visits rows in `order` (by score, highest first), calling `row` for each and `after` once per
    /// group of equal scores.
    private static func forEachThreshold(order: [Int], positive: [Bool], scores: [Double], row: (Bool) -> Void, after: () -> Void) {
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
