/// The model a diverged fold is scored as: the featureless majority-class predictor, fitted on
/// the fold's training labels only (mlr3's fallback learner, `lrn("classif.featureless")`; as
/// scikit-learn's `DummyClassifier(strategy="prior")`).
///
/// It predicts the training part's most frequent class (ties: the lowest class code) for every
/// test row, with the training class frequencies as probabilities. Scoring a diverged fold this
/// way — instead of dropping it (biased upward: the hard folds vanish) or calling it 0 (a score no
/// model gets) — charges the configuration with what a user would get by falling back to the
/// simplest model, which is what a pipeline with a fallback actually delivers.
public struct FallbackPredictor: Sendable, Equatable {
    /// The predicted class for every row.
    public var majority: Int32
    /// Training class frequencies, `classCount` values summing to 1.
    public var prior: [Float]

    /// Fitted on `trainLabels` (codes in 0..<classCount). An empty training part predicts class 0
    /// with a uniform prior.
    public init(trainLabels: [Int32], classCount: Int) {
        var counts = [Int](repeating: 0, count: max(classCount, 1))
        for label in trainLabels where (0..<counts.count).contains(Int(label)) { counts[Int(label)] += 1 }
        var top = 0
        for c in counts.indices where counts[c] > counts[top] { top = c }
        majority = Int32(top)
        let total = counts.reduce(0, +)
        prior = counts.map { total > 0 ? Float(Double($0) / Double(total)) : Float(1.0 / Double(counts.count)) }
    }

    /// Predictions for `rows` rows: the class of each and the probabilities (`rows × classCount`).
    public func predict(rows: Int) -> (predicted: [Int32], probabilities: [Float]) {
        var probabilities: [Float] = []
        probabilities.reserveCapacity(rows * prior.count)
        for _ in 0..<rows { probabilities += prior }
        return ([Int32](repeating: majority, count: rows), probabilities)
    }
}
