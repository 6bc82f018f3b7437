extension Metrics {
    /// The ROC curve of one class against the rest: (false-positive rate, true-positive rate) at
    /// every distinct score, from (0, 0) to (1, 1) — scikit-learn's `roc_curve(drop_intermediate=False)`.
    /// Empty when the class has no row or every row. `thinned`: the points `SVGCharts.thinned` keeps
    /// of that curve, made without holding the whole curve (a million points for a million rows).
    public static func rocCurve(positive: [Bool], scores: [Double], thinned: Bool = false) -> [(x: Double, y: Double)] {
        rocCurve(sorted: sortedScores(positive: positive, scores: scores), thinned: thinned)
    }

    /// The precision–recall curve of one class: (recall, precision) at every distinct score, from
    /// high thresholds to low — scikit-learn's `precision_recall_curve`. Empty without a positive row.
    /// `thinned` as for `rocCurve`.
    public static func precisionRecallCurve(positive: [Bool], scores: [Double], thinned: Bool = false) -> [(x: Double, y: Double)] {
        precisionRecallCurve(sorted: sortedScores(positive: positive, scores: scores), thinned: thinned)
    }

    /// `rocCurve` of score columns `sortedScores` made.
    static func rocCurve<Score: FloatingPoint>(sorted: (positives: [Score], negatives: [Score]), thinned: Bool) -> [(x: Double, y: Double)] {
        let p = sorted.positives.count, n = sorted.negatives.count
        guard p > 0, n > 0 else { return [] }
        return curve(sorted, origin: (0, 0), thinned: thinned) { tp, fp in (Double(fp) / Double(n), Double(tp) / Double(p)) }
    }

    /// `precisionRecallCurve` of score columns `sortedScores` made.
    static func precisionRecallCurve<Score: FloatingPoint>(sorted: (positives: [Score], negatives: [Score]), thinned: Bool) -> [(x: Double, y: Double)] {
        let p = sorted.positives.count
        guard p > 0 else { return [] }
        return curve(sorted, origin: nil, thinned: thinned) { tp, fp in (Double(tp) / Double(p), Double(tp) / Double(tp + fp)) }
    }

    /// `origin`, then `point(tp, fp)` after each group of equal scores from the highest down; with
    /// `thinned`, only the points `CurveThinning` keeps (the points counted first).
    private static func curve<Score: FloatingPoint>(_ sorted: (positives: [Score], negatives: [Score]), origin: (x: Double, y: Double)?, thinned: Bool,
                                                 point: (_ tp: Int, _ fp: Int) -> (x: Double, y: Double)) -> [(x: Double, y: Double)] {
        var thinning: CurveThinning?
        if thinned {
            var total = origin == nil ? 0 : 1
            forEachScore(sorted) { _, _ in total += 1 }
            thinning = CurveThinning(count: total)
        }
        var points: [(x: Double, y: Double)] = []
        var index = 0
        func add(_ p: (x: Double, y: Double)) {
            if thinning?.keeps(index) ?? true { points.append(p) }
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

    /// The positive and the negative rows' scores, each sorted from the highest down (`RadixSort`):
    /// every ranking metric and curve needs only how many positive and negative rows have each
    /// distinct score (`forEachScore`), and sorting row indices by their scores had taken a fifth of
    /// a two-epoch synthetic run.
    static func sortedScores(positive: [Bool], scores: [Double]) -> (positives: [Double], negatives: [Double]) {
        let p = positive.reduce(0) { $0 + ($1 ? 1 : 0) }
        var positives: [Double] = [], negatives: [Double] = []
        positives.reserveCapacity(p)
        negatives.reserveCapacity(positive.count - p)
        for (score, isPositive) in zip(scores, positive) {
            if isPositive { positives.append(score) } else { negatives.append(score) }
        }
        return (RadixSort.descending(consume positives), RadixSort.descending(consume negatives))
    }

    /// The scores of class `c` — column `c` of each part's `probabilities` (rows × classCount) —
    /// of the rows whose truth is `c` apart from the others, each sorted from the highest down, in
    /// Float: the same order and ties as the Doubles they convert to, at 4 bytes a row (and the
    /// sort's scratch of 4 bytes a row of the larger column; a Bool mask and a Double column of a
    /// million pooled rows, sorted with copies, had been the peak of a run's memory). The parts are read in order, as if pooled, without pooling them.
    static func sortedScores(_ parts: [(truth: [Int32], probabilities: [Float])], class c: Int, classCount: Int) -> (positives: [Float], negatives: [Float]) {
        let rows = parts.reduce(0) { $0 + $1.truth.count }
        let p = parts.reduce(0) { $0 + $1.truth.reduce(0) { $0 + (Int($1) == c ? 1 : 0) } }
        var positives: [Float] = [], negatives: [Float] = []
        positives.reserveCapacity(p)
        negatives.reserveCapacity(rows - p)
        for part in parts {
            precondition(part.probabilities.count == part.truth.count * classCount, "probabilities must be rows × classCount")
            for (row, label) in part.truth.enumerated() {
                let score = part.probabilities[row * classCount + c]
                if Int(label) == c { positives.append(score) } else { negatives.append(score) }
            }
        }
        return (RadixSort.descending(consume positives), RadixSort.descending(consume negatives))
    }

    /// Calls `group(positives, negatives)` once per distinct score of columns `sortedScores` made,
    /// from the highest down, with how many positive and negative rows have that score.
    static func forEachScore<Score: FloatingPoint>(_ sorted: (positives: [Score], negatives: [Score]), _ group: (_ positives: Int, _ negatives: Int) -> Void) {
        let (positives, negatives) = sorted
        // A NaN is not equal to itself: NaNs with the sign bit clear form one group above +∞ and
        // those with it set one below −∞, where `RadixSort` puts them, instead of stopping the walk
        // (scikit-learn refuses NaN scores; a run never has one: `TaskRunner` replaces them).
        func end(_ x: Score) -> Int { x.isNaN ? (x.sign == .plus ? 1 : -1) : 0 }
        func atLeast(_ a: Score, _ b: Score) -> Bool { end(a) != end(b) ? end(a) > end(b) : end(a) != 0 || a >= b }
        func same(_ a: Score, _ b: Score) -> Bool { end(a) == end(b) && (end(a) != 0 || a == b) }
        var i = 0, j = 0
        while i < positives.count || j < negatives.count {
            let score = i < positives.count && (j == negatives.count || atLeast(positives[i], negatives[j])) ? positives[i] : negatives[j]
            var p = 0, n = 0
            while i < positives.count && same(positives[i], score) { p += 1; i += 1 }
            while j < negatives.count && same(negatives[j], score) { n += 1; j += 1 }
            group(p, n)
        }
    }
}
