/// The outcome of one task (one split trained and scored): what the journal stores per line and
/// what reports are built from. Everything here is a pure function of the settings, the data and
/// the split, except `seconds`, which reports keep out of their compared bytes.
public struct TaskResult: Sendable, Equatable, Codable {
    public var index: Int
    public var repetition: Int
    public var fold: Int
    public var nTrain: Int
    public var nValidation: Int
    public var nTest: Int
    /// Test-part scores; nil when training diverged.
    public var accuracy: Double?
    public var macroF1: Double?
    public var logLoss: Double?
    /// Accuracy of predicting the training part's most frequent class on the test part.
    public var baselineAccuracy: Double
    public var history: TrainingHistory
    /// Test rows (data row indices), their predicted classes and probabilities (`rows × classes`),
    /// all three stored packed in the journal. When training diverged they are the
    /// `FallbackPredictor`'s (empty in journals written before it existed).
    @PackedIntegers public var testRows: [Int]
    @PackedIntegers public var predicted: [Int32]
    public var packedProbabilities: PackedFloats
    public var seconds: Double
    /// What the split's preprocessing fitted (imputation values, categories, unseen test
    /// categories); nil for an all-numeric data set without gaps, whose journal lines stay as they were.
    public var preprocessing: [Preprocessing.FittedColumn]?

    public var probabilities: [Float] {
        get { packedProbabilities.values }
        set { packedProbabilities = PackedFloats(newValue) }
    }

    public var diverged: Bool { history.diverged || accuracy == nil }

    /// Every metric of this task's test predictions — the fallback predictor's when it diverged —,
    /// or nil when there are none (a diverged task from an older journal).
    public func scores(labels: [Int32], classCount: Int) -> Scores? {
        scores(truth: truth(labels: labels), classCount: classCount)
    }

    /// `scores(labels:classCount:)` from the test rows' classes already looked up (`truth(labels:)`).
    public func scores(truth: [Int32], classCount: Int) -> Scores? {
        guard !testRows.isEmpty, predicted.count == testRows.count, truth.count == testRows.count else { return nil }
        return Scores(truth: truth, predicted: predicted, probabilities: probabilities, classCount: classCount)
    }

    /// The true class of each test row, in `testRows` order.
    public func truth(labels: [Int32]) -> [Int32] { testRows.map { labels[$0] } }

    /// The task's `metric` for rankings and tests: its test score, the fallback predictor's when it
    /// diverged (an older journal's diverged task: the majority-class accuracy, or the metric's
    /// uninformed value); nil when undefined on this test part.
    public func score(_ metric: MetricName, labels: [Int32], classCount: Int) -> Double? {
        if metric == .accuracy, let accuracy { return accuracy }
        if let scores = scores(labels: labels, classCount: classCount) { return scores.value(metric) }
        return metric == .accuracy ? baselineAccuracy : metric.uninformedValue(classCount: classCount)
    }
}
