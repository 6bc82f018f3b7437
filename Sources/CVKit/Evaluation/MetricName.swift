import Foundation

/// The metrics a run can headline (`--metric`), with their direction and their chance level.
public enum MetricName: String, Sendable, Codable, CaseIterable {
    case accuracy
    case balancedAccuracy = "balanced-accuracy"
    case macroF1 = "macro-f1"
    case logLoss = "log-loss"
    case rocAuc = "roc-auc"
    case prAuc = "pr-auc"
    case brier

    /// Parses a `--metric` value; throws `invalidArgument` naming the choices.
    public init(parsing text: String) throws {
        guard let name = MetricName(rawValue: text) else {
            throw CVKitError.invalidArgument("--metric takes one of \(MetricName.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(text)\")")
        }
        self = name
    }

    /// Losses are minimized; every other metric is maximized.
    public var lowerIsBetter: Bool { self == .logLoss || self == .brier }

    /// The key of this metric in results.json (`summary.<key>`, `folds[].<key>`).
    public var key: String {
        switch self {
        case .accuracy: "accuracy"
        case .balancedAccuracy: "balancedAccuracy"
        case .macroF1: "macroF1"
        case .logLoss: "logLoss"
        case .rocAuc: "rocAuc"
        case .prAuc: "prAuc"
        case .brier: "brier"
        }
    }

    /// How people write it.
    public var title: String {
        switch self {
        case .accuracy: "accuracy"
        case .balancedAccuracy: "balanced accuracy"
        case .macroF1: "macro-F1"
        case .logLoss: "log loss"
        case .rocAuc: "ROC AUC"
        case .prAuc: "PR AUC"
        case .brier: "Brier score"
        }
    }

    /// The worst an uninformed model scores, what a diverged fold counts as in rankings and
    /// comparisons: 0 for a rate, ln C for log loss (the uniform prediction), and the uniform
    /// prediction's Brier score (0.25 binary, 1 − 1/C multiclass).
    public func uninformedValue(classCount: Int) -> Double {
        switch self {
        case .logLoss: log(Double(classCount))
        case .brier: classCount == 2 ? 0.25 : 1 - 1 / Double(classCount)
        default: 0
        }
    }

    /// Whether scores live in [0, 1] (their intervals are clipped to it).
    public var isRate: Bool { self != .logLoss }

    /// Whether the mean over folds is unstable on small or class-less folds (F1, AUC, AP), so the
    /// pooled out-of-fold value is the headline (scikit-learn's `cross_val_predict` caveat).
    public var pooledHeadline: Bool { self == .macroF1 || self == .rocAuc || self == .prAuc }
}

/// Every metric of one set of predictions.
public struct Scores: Sendable, Equatable, Codable {
    public var accuracy: Double
    public var balancedAccuracy: Double
    public var macroF1: Double
    public var logLoss: Double
    /// nil when undefined (a class has no row in this set).
    public var rocAuc: Double?
    public var prAuc: Double?
    public var brier: Double
    public var ece: Double

    /// The scores of `predicted` and `probabilities` (rows × classCount) against `truth`.
    public init(truth: [Int32], predicted: [Int32], probabilities: [Float], classCount: Int) {
        precondition(probabilities.count == truth.count * classCount, "probabilities must be rows × classCount")
        self.init(truth: truth, predicted: predicted, probabilityParts: [(truth, probabilities)], classCount: classCount)
    }

    /// The scores of pooled predictions whose probabilities stay in their parts (each part's truth
    /// and probabilities, in the order of `truth`): the same numbers as with the probabilities
    /// pooled, without a pooled copy of them (12 MB for a million rows of 3 classes).
    init(truth: [Int32], predicted: [Int32], probabilityParts parts: [(truth: [Int32], probabilities: [Float])], classCount: Int) {
        accuracy = Metrics.accuracy(truth: truth, predicted: predicted)
        balancedAccuracy = Metrics.balancedAccuracy(truth: truth, predicted: predicted, classCount: classCount)
        macroF1 = ConfusionMatrix(truth: truth, predicted: predicted, classCount: classCount).macroF1()
        logLoss = Metrics.logLoss(parts, classCount: classCount)
        rocAuc = Metrics.rocAUC(parts, classCount: classCount)
        prAuc = Metrics.averagePrecision(parts, classCount: classCount)
        brier = Metrics.brier(parts, classCount: classCount)
        ece = Metrics.expectedCalibrationError(parts, classCount: classCount)
    }

    /// The value of `metric` (nil when undefined).
    public func value(_ metric: MetricName) -> Double? {
        switch metric {
        case .accuracy: accuracy
        case .balancedAccuracy: balancedAccuracy
        case .macroF1: macroF1
        case .logLoss: logLoss
        case .rocAuc: rocAuc
        case .prAuc: prAuc
        case .brier: brier
        }
    }
}
