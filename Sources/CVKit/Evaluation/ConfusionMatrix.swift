/// Counts of (true class, predicted class) pairs for classes coded 0..<classCount.
///
/// `counts[t][p]` is the number of rows of true class `t` predicted as `p`: rows are the truth and
/// columns the prediction, as in scikit-learn's `confusion_matrix`. Matrices from several folds add
/// up with `add(_:)`, which gives the pooled ("micro over folds") matrix.
///
/// Codes outside 0..<classCount are programming errors (the encoder made them) and trap; decoding
/// checks the shape and throws `DecodingError.dataCorrupted` instead of building an invalid matrix.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    public let classCount: Int
    /// `counts[truth][predicted]`, classCount × classCount, all ≥ 0.
    public private(set) var counts: [[Int]]

    /// An all-zero matrix. `classCount` must be ≥ 0.
    public init(classCount: Int) {
        precondition(classCount >= 0, "a confusion matrix needs classCount >= 0")
        self.classCount = classCount
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    }

    /// The matrix of paired labels; `truth` and `predicted` must have the same length.
    public init(truth: [Int32], predicted: [Int32], classCount: Int) {
        precondition(truth.count == predicted.count, "truth and predicted differ in length")
        self.init(classCount: classCount)
        for (t, p) in zip(truth, predicted) { add(truth: t, predicted: p) }
    }

    /// Counts one row.
    public mutating func add(truth: Int32, predicted: Int32) {
        precondition(
            (0..<classCount).contains(Int(truth)) && (0..<classCount).contains(Int(predicted)),
            "class code outside 0..<classCount")
        counts[Int(truth)][Int(predicted)] += 1
    }

    /// Adds another matrix cell by cell; both must have the same `classCount`.
    public mutating func add(_ other: ConfusionMatrix) {
        precondition(other.classCount == classCount, "confusion matrices of different class counts")
        for t in 0..<classCount {
            for p in 0..<classCount { counts[t][p] += other.counts[t][p] }
        }
    }

    /// The number of rows counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The diagonal: rows whose prediction is their true class.
    public var correct: Int { (0..<classCount).reduce(0) { $0 + counts[$1][$1] } }

    /// correct / total, 0 when the matrix is empty.
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Precision, recall, F1 and support of each class, in class order.
    ///
    /// For class c with TP = counts[c][c], FP = column c without TP, FN = row c without TP:
    /// precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2PR / (P + R), computed as the
    /// equal 2TP / (2TP + FP + FN). A ratio whose denominator is 0 is 0, as scikit-learn's
    /// `zero_division=0`: a class never predicted has precision 0, a class absent from the truth has
    /// recall 0, and either way its F1 is 0 when TP = 0.
    public func perClass() -> [ClassMetrics] {
        (0..<classCount).map { c in
            let truePositives = counts[c][c]
            let support = counts[c].reduce(0, +)
            let predictedCount = counts.reduce(0) { $0 + $1[c] }
            func ratio(_ numerator: Int, _ denominator: Int) -> Double {
                denominator == 0 ? 0 : Double(numerator) / Double(denominator)
            }
            return ClassMetrics(
                precision: ratio(truePositives, predictedCount),
                recall: ratio(truePositives, support),
                f1: ratio(2 * truePositives, support + predictedCount),
                support: support)
        }
    }

    /// The unweighted mean of F1 over the classes that occur in the truth or in the predictions
    /// (scikit-learn's `f1_score(average="macro")` with its default `labels`); 0 if no class occurs.
    ///
    /// Classes that occur nowhere are left out rather than counted as F1 = 0, so a fold missing a
    /// rare class is not penalized for it; a class that is predicted but absent from the truth counts
    /// with F1 = 0.
    public func macroF1() -> Double {
        let present = perClass().enumerated().filter { c, metrics in
            metrics.support > 0 || counts.contains { $0[c] > 0 }
        }
        guard present.isEmpty == false else { return 0 }
        return present.reduce(0) { $0 + $1.element.f1 } / Double(present.count)
    }

    private enum CodingKeys: String, CodingKey { case classCount, counts }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        classCount = try container.decode(Int.self, forKey: .classCount)
        counts = try container.decode([[Int]].self, forKey: .counts)
        let square = classCount >= 0 && counts.count == classCount && counts.allSatisfy { $0.count == classCount }
        guard square, counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.counts],
                debugDescription: "counts must be a classCount × classCount matrix of non-negative integers"))
        }
    }
}

/// Precision, recall and F1 of one class against the rest, and its number of true rows.
/// Conventions in `ConfusionMatrix.perClass()`.
public struct ClassMetrics: Sendable, Equatable, Codable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// The number of rows whose true class is this one.
    public var support: Int
}
