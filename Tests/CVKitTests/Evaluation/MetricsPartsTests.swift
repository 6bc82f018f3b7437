import Testing
@testable import CVKit

/// The ranking metrics, curves and calibration bins read predictions in parts (each task's, in
/// place) and score columns as Float; both must give exactly what the pooled Double path gives.
@Suite struct MetricsPartsTests {
    /// 3 classes, 2,000 rows in parts of uneven sizes; half the scores rounded to 0.05 (ties).
    static func data() -> (truth: [Int32], probabilities: [Float], parts: [(truth: [Int32], probabilities: [Float])]) {
        var random = RandomSource(seed: 42)
        let rows = 2_000, classes = 3
        var truth: [Int32] = [], probabilities: [Float] = []
        for row in 0..<rows {
            truth.append(Int32(random.next() % 3))
            var p = (0..<classes).map { _ in Float(random.nextDouble()) + 0.01 }
            if row % 2 == 0 { p = p.map { ($0 * 20).rounded() / 20 + 0.01 } }
            let sum = p.reduce(0, +)
            probabilities += p.map { $0 / sum }
        }
        var parts: [(truth: [Int32], probabilities: [Float])] = []
        var start = 0
        for size in [1, 700, 0, 299, 1_000] {
            parts.append((Array(truth[start..<start + size]), Array(probabilities[start * classes..<(start + size) * classes])))
            start += size
        }
        return (truth, probabilities, parts)
    }

    @Test func partsAndFloatsGiveThePooledDoubleAnswers() {
        let (truth, probabilities, parts) = Self.data()
        for c in 0..<3 {
            let sorted = Metrics.sortedScores(parts, class: c, classCount: 3)
            let pooled = Metrics.sortedScores([(truth, probabilities)], class: c, classCount: 3)
            #expect(sorted.positives == pooled.positives && sorted.negatives == pooled.negatives)
            #expect(sorted.positives.count == truth.filter { $0 == c }.count)
            let positive = truth.map { Int($0) == c }
            let scores = (0..<truth.count).map { Double(probabilities[$0 * 3 + c]) }
            let doubles = Metrics.sortedScores(positive: positive, scores: scores)
            #expect(sorted.positives.map(Double.init) == doubles.positives && sorted.negatives.map(Double.init) == doubles.negatives)
            #expect(Metrics.binaryAUC(sorted) == Metrics.binaryAUC(doubles))
            #expect(Metrics.binaryAP(sorted) == Metrics.binaryAP(doubles))
            // Against references that share nothing with the code: the AUC as the share of
            // (positive, negative) pairs ranked right (ties half), the AP from rows sorted by score.
            let pos = scores.indices.filter { positive[$0] }.map { scores[$0] }, neg = scores.indices.filter { !positive[$0] }.map { scores[$0] }
            var pairs = 0.0
            for p in pos { for n in neg { pairs += p > n ? 1 : (p == n ? 0.5 : 0) } }
            #expect(abs((Metrics.binaryAUC(sorted) ?? .nan) - pairs / Double(pos.count * neg.count)) < 1e-12)
            let order = scores.indices.sorted { scores[$0] > scores[$1] }
            var ap = 0.0, tp = 0, previousRecall = 0.0, i = 0
            while i < order.count {
                var j = i
                while j < order.count && scores[order[j]] == scores[order[i]] { if positive[order[j]] { tp += 1 }; j += 1 }
                let recall = Double(tp) / Double(pos.count)
                ap += (recall - previousRecall) * Double(tp) / Double(j)
                previousRecall = recall
                i = j
            }
            #expect(abs((Metrics.binaryAP(sorted) ?? .nan) - ap) < 1e-12)
            for thinned in [false, true] {
                let roc = Metrics.rocCurve(sorted: sorted, thinned: thinned), reference = Metrics.rocCurve(positive: positive, scores: scores, thinned: thinned)
                #expect(roc.count == reference.count && zip(roc, reference).allSatisfy { $0 == $1 })
                let pr = Metrics.precisionRecallCurve(sorted: sorted, thinned: thinned)
                let prReference = Metrics.precisionRecallCurve(positive: positive, scores: scores, thinned: thinned)
                #expect(pr.count == prReference.count && zip(pr, prReference).allSatisfy { $0 == $1 })
            }
        }
        #expect(Metrics.calibrationBins(parts, classCount: 3) == Metrics.calibrationBins(truth: truth, probabilities: probabilities, classCount: 3))
        // Ties exist, so the groups of equal scores are tested, not only distinct ones.
        #expect(Set(probabilities).count < probabilities.count * 3 / 4)
    }

    /// Every pooled score with the probabilities left in their parts equals the pooled one, exactly.
    @Test func scoresOfPartsEqualPooledScores() {
        let (truth, probabilities, parts) = Self.data()
        var predicted: [Int32] = []
        for row in 0..<truth.count {
            let p = probabilities[row * 3..<row * 3 + 3]
            predicted.append(Int32((p.firstIndex(of: p.max() ?? 0) ?? row * 3) - row * 3))
        }
        let pooled = Scores(truth: truth, predicted: predicted, probabilities: probabilities, classCount: 3)
        #expect(Scores(truth: truth, predicted: predicted, probabilityParts: parts, classCount: 3) == pooled)
        #expect(pooled.rocAuc != nil && pooled.logLoss > 0 && pooled.brier > 0 && pooled.ece > 0)
    }

    /// A NaN score ends the walk in its own group (above +∞ with the sign bit clear, below −∞ with
    /// it set) instead of hanging it: the metrics equal those of the NaN replaced by a score above,
    /// or below, all others.
    @Test(.timeLimit(.minutes(1))) func nanScoresFormTheirOwnGroup() {
        let truth: [Int32] = [0, 1, 1, 0, 1, 0]
        let column: [Float] = [0.2, 0.9, 0.4, 0.6, 0.7, 0.1]
        func probabilities(_ c: [Float]) -> [Float] { c.flatMap { [1 - $0, $0] } }
        for (nan, stand) in [(Float.nan, Float(2)), (-Float.nan, Float(-1))] {
            for row in [1, 3] {
                var withNaN = column, replaced = column
                withNaN[row] = nan
                replaced[row] = stand
                #expect(Metrics.rocAUC(truth: truth, probabilities: probabilities(withNaN), classCount: 2)
                        == Metrics.rocAUC(truth: truth, probabilities: probabilities(replaced), classCount: 2))
                #expect(Metrics.averagePrecision(truth: truth, probabilities: probabilities(withNaN), classCount: 2)
                        == Metrics.averagePrecision(truth: truth, probabilities: probabilities(replaced), classCount: 2))
            }
        }
    }
}
