extension Metrics {
    /// scikit-learn's `brier_score_loss(y, p, labels=…)`: binary, the mean squared difference
    /// between class 1's probability and the 0/1 truth; multiclass, the mean over rows of the squared
    /// error of the whole probability vector against the one-hot truth. Lower is better; 0 for no rows.
    public static func brier(truth: [Int32], probabilities: [Float], classCount: Int) -> Double {
        brier([(truth, probabilities)], classCount: classCount)
    }

    /// `brier` of parts read in order, as if pooled (the same sum in the same order).
    static func brier(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> Double {
        var sum = 0.0, rows = 0
        for (truth, probabilities) in parts {
            precondition(probabilities.count == truth.count * classCount, "probabilities must be rows × classCount")
            for (row, label) in truth.enumerated() {
                if classCount == 2 {
                    let d = Double(probabilities[row * 2 + 1]) - (label == 1 ? 1 : 0)
                    sum += d * d
                } else {
                    for c in 0..<classCount {
                        let d = Double(probabilities[row * classCount + c]) - (Int(label) == c ? 1 : 0)
                        sum += d * d
                    }
                }
            }
            rows += truth.count
        }
        return rows == 0 ? 0 : sum / Double(rows)
    }

    /// Bins of the expected calibration error.
    public static let calibrationBins = 15

    /// Expected calibration error (Guo et al. 2017, "On calibration of modern neural networks"):
    /// rows binned by their top probability into 15 equal-width bins (bin b holds (b/15, (b+1)/15], the
    /// first also 0), then Σ_b (n_b / n) · |accuracy_b − mean confidence_b|. The prediction is the
    /// first class of highest probability. Lower is better; 0 for no rows.
    public static func expectedCalibrationError(truth: [Int32], probabilities: [Float], classCount: Int) -> Double {
        expectedCalibrationError([(truth, probabilities)], classCount: classCount)
    }

    /// `expectedCalibrationError` of parts read in order, as if pooled.
    static func expectedCalibrationError(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> Double {
        let bins = calibrationBins(parts, classCount: classCount)
        let n = Double(parts.reduce(0) { $0 + $1.truth.count })
        guard n > 0 else { return 0 }
        return bins.reduce(0) { $0 + ($1.count > 0 ? Double($1.count) / n * abs($1.accuracy - $1.confidence) : 0) }
    }

    /// One bin of a reliability diagram: rows, their accuracy and mean top probability.
    public struct CalibrationBin: Sendable, Equatable, Codable {
        public var count: Int
        public var accuracy: Double
        public var confidence: Double
    }

    /// The 15 bins `expectedCalibrationError` uses (empty bins have count 0).
    public static func calibrationBins(truth: [Int32], probabilities: [Float], classCount: Int) -> [CalibrationBin] {
        calibrationBins([(truth, probabilities)], classCount: classCount)
    }

    /// `calibrationBins` of parts read in order, as if pooled (the same sums in the same order),
    /// without pooling them.
    static func calibrationBins(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> [CalibrationBin] {
        var count = [Int](repeating: 0, count: calibrationBins), right = count
        var confidence = [Double](repeating: 0, count: calibrationBins)
        for (truth, probabilities) in parts {
            precondition(probabilities.count == truth.count * classCount, "probabilities must be rows × classCount")
            for (row, label) in truth.enumerated() {
                var best = 0
                for c in 1..<classCount where probabilities[row * classCount + c] > probabilities[row * classCount + best] { best = c }
                let top = Double(probabilities[row * classCount + best])
                let bin = min(max(Int((top * Double(calibrationBins)).rounded(.up)) - 1, 0), calibrationBins - 1)
                count[bin] += 1
                confidence[bin] += top
                if best == Int(label) { right[bin] += 1 }
            }
        }
        return (0..<calibrationBins).map { b in
            CalibrationBin(count: count[b], accuracy: count[b] > 0 ? Double(right[b]) / Double(count[b]) : 0,
                           confidence: count[b] > 0 ? confidence[b] / Double(count[b]) : 0)
        }
    }
}
