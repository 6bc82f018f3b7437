/// One scored configuration.
public struct TrialResult: Sendable, Equatable, Codable {
    /// The effective settings of the trial (what `commandLine` would pass).
    public struct Config: Sendable, Equatable, Codable {
        public var lr: Double
        public var l2: Double
        public var hidden: [Int]
        public var batchSize: Int
        public var epochs: Int
        public var optimizer: String
        public var beta1: Double
        public var beta2: Double

        init(_ settings: RunSettings) {
            lr = settings.training.learningRate
            l2 = settings.network.l2
            hidden = settings.network.hidden
            batchSize = settings.training.batchSize
            epochs = settings.training.epochs
            optimizer = settings.training.optimizer.rawValue
            beta1 = settings.training.beta1
            beta2 = settings.training.beta2
        }

        /// The numeric value of a searched parameter, for charts and stability tables.
        public func value(of name: String) -> Double? {
            switch name {
            case "lr": lr
            case "l2": l2
            case "batch": Double(batchSize)
            case "epochs": Double(epochs)
            case "beta1": beta1
            case "beta2": beta2
            case "layers": Double(hidden.count)
            case "units": hidden.first.map(Double.init)
            default: nil
            }
        }
    }

    public var trial: Int
    public var round: Int
    /// The sampled values, as drawn (`lr` → `"0.00316228"`).
    public var sampled: [String: String]
    public var config: Config
    /// The metric over the folds (`metric`, accuracy when nil): the mean, a diverged fold counting as
    /// the worst an uninformed model scores (0 for a rate, ln C for log loss, the uniform
    /// prediction's Brier score: a configuration that diverges is a bad one); `sd` over folds, n − 1;
    /// for F1 and the AUCs also `pooled`, the value over all the trial's out-of-fold predictions,
    /// which then ranks (those metrics are unstable on small folds).
    public var score: Summary
    /// The ranking metric (`--metric`); nil is accuracy, and leaves results.json as it was.
    public var metric: MetricName?
    /// Per fold, the metric's value (accuracy unless `metric` says otherwise); nil when diverged.
    public var foldAccuracies: [Double?]
    public var divergedFolds: Int
    public var commandLine: String
    /// What the trial's learning curves say (mean over its folds); see `Diagnosis`.
    public var diagnosis: [DiagnosisFinding]
    /// The network's parameter count on this data (ranks simplicity in ties and the one-SE rule).
    public var parameters: Int?
    /// Racing (`--race`): the number of folds after which this configuration was dropped, and the
    /// one-sided p-value that dropped it (`Racing`); nil for a configuration that ran every fold.
    public var droppedAtFold: Int?
    public var raceP: Double?
}

/// What `cvkit search` found: `results.json` and the source of `search.md`.
public struct SearchResults: Sendable, Equatable, Codable {
    public struct Best: Sendable, Equatable, Codable {
        public var trial: Int
        public var config: TrialResult.Config
        public var score: Summary
        public var commandLine: String
    }

    public struct Round: Sendable, Equatable, Codable {
        public var round: Int
        public var space: String
        public var trials: Int
    }

    public var command: String
    public var cvkitVersion: String
    public var commandLine: String
    public var data: CrossValidationResults.DataInfo
    public var method: String
    public var k: Int
    public var seed: UInt64
    public var space: String
    public var rounds: [Round]
    /// Sorted by score, best first (ties: `TrialScoring.better`).
    public var trials: [TrialResult]
    public var best: Best
    public var warnings: [String]
    /// The model file of the best configuration refitted on every row (`search --refit-out`), when asked.
    public var refitModel: String?
    /// Trials within one standard error of the best (the best included; `TrialScoring.withinOneSE`).
    public var withinOneSE: Int?
    /// The selection rule that chose `best` (`TrialScoring.Selection`).
    public var selection: String?
}
