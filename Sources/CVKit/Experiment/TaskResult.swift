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
    /// empty when training diverged.
    public var testRows: [Int]
    public var predicted: [Int32]
    public var packedProbabilities: PackedFloats
    public var seconds: Double

    public var probabilities: [Float] {
        get { packedProbabilities.values }
        set { packedProbabilities = PackedFloats(newValue) }
    }

    public var diverged: Bool { history.diverged || accuracy == nil }

    private enum CodingKeys: String, CodingKey {
        case index, repetition, fold, nTrain, nValidation, nTest, accuracy, macroF1, logLoss, baselineAccuracy, history
        case testRows, predicted, packedProbabilities, seconds
    }

    /// `testRows` and `predicted` are stored packed (`PackedIntegers`); everything else as the
    /// synthesized coding would (optionals left out when nil).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(repetition, forKey: .repetition)
        try c.encode(fold, forKey: .fold)
        try c.encode(nTrain, forKey: .nTrain)
        try c.encode(nValidation, forKey: .nValidation)
        try c.encode(nTest, forKey: .nTest)
        try c.encodeIfPresent(accuracy, forKey: .accuracy)
        try c.encodeIfPresent(macroF1, forKey: .macroF1)
        try c.encodeIfPresent(logLoss, forKey: .logLoss)
        try c.encode(baselineAccuracy, forKey: .baselineAccuracy)
        try c.encode(history, forKey: .history)
        try c.encode(PackedIntegers.encode(testRows), forKey: .testRows)
        try c.encode(PackedIntegers.encode(predicted), forKey: .predicted)
        try c.encode(packedProbabilities, forKey: .packedProbabilities)
        try c.encode(seconds, forKey: .seconds)
    }
}

// In an extension, so the memberwise initializer stays.
extension TaskResult {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decode(Int.self, forKey: .index)
        repetition = try c.decode(Int.self, forKey: .repetition)
        fold = try c.decode(Int.self, forKey: .fold)
        nTrain = try c.decode(Int.self, forKey: .nTrain)
        nValidation = try c.decode(Int.self, forKey: .nValidation)
        nTest = try c.decode(Int.self, forKey: .nTest)
        accuracy = try c.decodeIfPresent(Double.self, forKey: .accuracy)
        macroF1 = try c.decodeIfPresent(Double.self, forKey: .macroF1)
        logLoss = try c.decodeIfPresent(Double.self, forKey: .logLoss)
        baselineAccuracy = try c.decode(Double.self, forKey: .baselineAccuracy)
        history = try c.decode(TrainingHistory.self, forKey: .history)
        testRows = try PackedIntegers.decodeInts(c, forKey: .testRows)
        predicted = try PackedIntegers.decodeInt32s(c, forKey: .predicted)
        packedProbabilities = try c.decode(PackedFloats.self, forKey: .packedProbabilities)
        seconds = try c.decode(Double.self, forKey: .seconds)
    }
}
