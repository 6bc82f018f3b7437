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
        let sorted = sortedScores(positive: positive, scores: scores)   // sorted once, walked once or twice
        var total = origin == nil ? 0 : 1
        if thinned { forEachScore(sorted) { _, _ in total += 1 } }
        let step = thinned && total > 401 ? (total + 399) / 400 : 1
        var points: [(x: Double, y: Double)] = []
        var index = 0
        func add(_ p: (x: Double, y: Double)) {
            if index % step == 0 || (thinned && index == total - 1) { points.append(p) }
            index += 1
        }
        if let origin { add(origin) }
        var tp = 0, fp = 0
        forEachScore(sorted) { positives, negatives in
            tp += positives
            fp += negatives
            add(point(tp, fp))
        }
        return points
    }

    /// Calls `group(positives, negatives)` once per distinct score, from the highest down, with how
    /// many positive and negative rows have that score. The positive and the negative rows' scores
    /// are sorted apart (`RadixSort`) and walked together: every caller needs only the counts per
    /// score, and sorting row indices by their scores had taken a fifth of a two-epoch synthetic run.
    static func forEachScore(positive: [Bool], scores: [Double], _ group: (_ positives: Int, _ negatives: Int) -> Void) {
        forEachScore(sortedScores(positive: positive, scores: scores), group)
    }

    /// The positive and the negative rows' scores, each sorted from the highest down.
    static func sortedScores(positive: [Bool], scores: [Double]) -> (positives: [Double], negatives: [Double]) {
        var positives: [Double] = [], negatives: [Double] = []
        positives.reserveCapacity(scores.count)
        negatives.reserveCapacity(scores.count)
        for (score, isPositive) in zip(scores, positive) {
            if isPositive { positives.append(score) } else { negatives.append(score) }
        }
        return (RadixSort.descending(positives), RadixSort.descending(negatives))
    }

    /// `forEachScore(positive:scores:_:)` on columns `sortedScores` made.
    static func forEachScore(_ sorted: (positives: [Double], negatives: [Double]), _ group: (_ positives: Int, _ negatives: Int) -> Void) {
        let (positives, negatives) = sorted
        var i = 0, j = 0
        while i < positives.count || j < negatives.count {
            let score = i < positives.count && (j == negatives.count || positives[i] >= negatives[j]) ? positives[i] : negatives[j]
            var p = 0, n = 0
            while i < positives.count && positives[i] == score { p += 1; i += 1 }
            while j < negatives.count && negatives[j] == score { n += 1; j += 1 }
            group(p, n)
        }
    }
}
