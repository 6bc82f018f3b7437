/// The results of a `sanity` run: `sanity.json`, and what `sanity.md` shows.
///
/// Built from the settings, the data and the checks only (no wall times), so the same command and
/// seed give the same bytes. `passed` is true when every check passed. `reportDir` is set only for
/// the `--json` output on stdout, not in the file.
public struct SanityResults: Sendable, Equatable, Codable {
    public typealias DataInfo = CrossValidationResults.DataInfo

    /// The rows the checks saw: a stratified holdout keeps `heldOut` rows out of every check.
    public struct TrainingPartInfo: Sendable, Equatable, Codable {
        public var rows: Int
        public var heldOut: Int
        public var heldOutFraction: Double
        public var stratified: Bool
        public var preprocessing: String
        public var measurementRows: Int
    }

    public struct ModelInfo: Sendable, Equatable, Codable {
        public var layers: String
        public var hidden: [Int]
        public var batchnorm: Bool
        public var optimizer: String
        public var lr: Double
        public var l2: Double
        public var batchSize: Int
        public var parameters: Int
    }

    public struct SettingsInfo: Sendable, Equatable, Codable {
        public var seed: UInt64
        public var subset: Int
        public var overfitEpochs: Int
        public var overfitLr: Double
        public var sweepEpochs: Int
    }

    /// The learning-rate sweep behind `lr-sweep` and `lr-sweep.svg`. `loss` is null where training
    /// diverged to a non-finite value; `band` is `[lowest, highest]` good rate, or null.
    public struct SweepInfo: Sendable, Equatable, Codable {
        public struct Point: Sendable, Equatable, Codable {
            public var lr: Double
            public var loss: Double?
            public var verdict: String
            public var fastest: Bool
        }
        public var initialLoss: Double?
        public var epochs: Int
        public var band: [Double]?
        public var configuredLr: Double
        public var points: [Point]
    }

    public var command = "sanity"
    public var commandLine: String
    public var cvkitVersion: String
    public var data: DataInfo
    public var trainingPart: TrainingPartInfo
    public var model: ModelInfo
    public var settings: SettingsInfo
    public var passed: Bool
    public var checks: [SanityCheckResult]
    public var lrSweep: SweepInfo
    public var reportDir: String?
}

extension SanityResults {
    /// `input 13 → Dense 128 → BatchNorm → ReLU → … → Dense 3 → softmax`.
    static func layers(_ config: NetworkConfig) -> String {
        var parts = ["input \(config.inputs)"]
        for width in config.hidden { parts.append(config.batchNorm ? "Dense \(width) → BatchNorm → ReLU" : "Dense \(width) → ReLU") }
        parts.append("Dense \(config.classes) → softmax")
        return parts.joined(separator: " → ")
    }
}
