import Foundation

/// Everything that decides a `sanity` run's results, normalized, like `RunSettings` for the
/// cross-validation commands.
///
/// The checks use the model flags as `kfold` does: the architecture and l2 for every check, and
/// the optimizer, learning rate and batch size for the learning-rate sweep (whose verdict is on
/// the configured rate). `--epochs` and `--lr-decay` are accepted so that the same flags as a
/// `kfold` run can be passed, but no check uses them, so they are not part of `commandLine`.
public struct SanitySettings: Sendable, Equatable {
    public var dataPath: String
    public var csv: CSVOptions
    public var network: NetworkConfig
    public var training: TrainingOptions
    public var seed: UInt64
    /// Rows of the tiny subset the network must memorize (stratified).
    public var subset: Int
    /// The bound on epochs for memorizing the subset.
    public var overfitEpochs: Int
    /// Epochs at each learning rate of the sweep.
    public var sweepEpochs: Int

    /// The share of rows held out; the checks see only the rest (the training part).
    public static let heldOutFraction = 0.2
    /// Adam's learning rate for memorizing the subset: high enough to get there in a few dozen
    /// full-batch steps on standardized data, low enough not to bounce.
    public static let overfitLearningRate = 1e-2

    public init(dataPath: String, csv: CSVOptions = CSVOptions(), network: NetworkConfig, training: TrainingOptions = TrainingOptions(),
                seed: UInt64 = 0, subset: Int = 20, overfitEpochs: Int = 300, sweepEpochs: Int = 3) {
        self.dataPath = dataPath
        self.csv = csv
        self.network = network
        self.training = training
        self.seed = seed
        self.subset = subset
        self.overfitEpochs = overfitEpochs
        self.sweepEpochs = sweepEpochs
    }

    /// Why these settings cannot be used, or nil.
    public var problem: String? {
        if subset < 2 { return "the tiny subset needs at least 2 rows (got \(subset))" }
        if overfitEpochs < 1 { return "the overfit check needs at least 1 epoch (got \(overfitEpochs))" }
        if sweepEpochs < 1 { return "the learning-rate sweep needs at least 1 epoch per rate (got \(sweepEpochs))" }
        return network.problem ?? ModelSpecification(network: network, training: training).problem
    }

    /// The command that reproduces these results: every option that changes them, in a fixed
    /// order, defaults included; never `--epochs`, `--lr-decay`, `--report-dir`, `--json` or `--quiet`.
    public var commandLine: String {
        var words = ["cvkit", "sanity"] + RunSettings.dataWords(dataPath: dataPath, csv: csv)
        words += ModelSpecification(network: network, training: training).words(omitting: [.epochs, .lrDecay, .patience]).flatMap(\.words)
        words += ["--subset", String(subset), "--overfit-epochs", String(overfitEpochs), "--sweep-epochs", String(sweepEpochs),
                  "--seed", String(seed)]
        return words.joined(separator: " ")
    }

    /// `<data file stem>-sanity-<first 8 hex of SHA-256 of commandLine>`.
    public var reportFolderName: String {
        RunSettings.reportFolderName(dataPath: dataPath, command: "sanity", commandLine: commandLine)
    }
}
