import Foundation

/// Scores of predicted labels and probabilities against the truth, computed in Double.
///
/// Class codes are 0..<classCount; a code outside that range, or inputs of different lengths, are
/// programming errors and trap. An empty test set scores 0 rather than NaN, so reports stay valid JSON.
public enum Metrics {
    /// The fraction of rows whose prediction equals the truth; 0 for no rows.
    public static func accuracy(truth: [Int32], predicted: [Int32]) -> Double {
        precondition(truth.count == predicted.count, "truth and predicted differ in length")
        guard truth.isEmpty == false else { return 0 }
        let correct = zip(truth, predicted).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(truth.count)
    }

    /// Mean of −log(clip(p[row, truth], 1e-15, 1)); probabilities row-major rows × classCount.
    ///
    /// The natural logarithm, as scikit-learn's `log_loss`. The clip at 1e-15 (scikit-learn's former
    /// `eps`) bounds the loss of a confidently wrong row at −ln 1e-15 ≈ 34.5 instead of +∞. Rows are
    /// not renormalized: pass softmax outputs. A NaN probability gives NaN (a diverged model should
    /// show, not be clipped away); 0 for no rows.
    public static func logLoss(truth: [Int32], probabilities: [Float], classCount: Int) -> Double {
        logLoss([(truth, probabilities)], classCount: classCount)
    }

    /// `logLoss` of parts read in order, as if pooled (the same sum in the same order).
    static func logLoss(_ parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) -> Double {
        var sum = 0.0, rows = 0
        for (truth, probabilities) in parts {
            precondition(classCount > 0 && probabilities.count == truth.count * classCount,
                         "probabilities must be rows × classCount")
            for (row, label) in truth.enumerated() {
                precondition((0..<classCount).contains(Int(label)), "class code outside 0..<classCount")
                let p = Double(probabilities[row * classCount + Int(label)])
                sum -= log(p.isNaN ? p : Swift.min(Swift.max(p, 1e-15), 1))
            }
            rows += truth.count
        }
        return rows == 0 ? 0 : sum / Double(rows)
    }

    /// Accuracy on `testLabels` of always predicting the most frequent class of `trainLabels` (ties: lowest code).
    ///
    /// scikit-learn's `DummyClassifier(strategy="most_frequent")`, which also breaks ties toward the
    /// lowest code. The floor a model must beat; empty training labels predict class 0, an empty test
    /// set scores 0.
    public static func majorityBaseline(trainLabels: [Int32], testLabels: [Int32], classCount: Int) -> Double {
        precondition(classCount > 0, "majorityBaseline needs classCount > 0")
        var frequency = [Int](repeating: 0, count: classCount)
        for label in trainLabels {
            precondition((0..<classCount).contains(Int(label)), "class code outside 0..<classCount")
            frequency[Int(label)] += 1
        }
        var majority = 0
        for c in 1..<classCount where frequency[c] > frequency[majority] { majority = c }
        return accuracy(truth: testLabels, predicted: Array(repeating: Int32(majority), count: testLabels.count))
    }
}
