/// K-fold cross-validation of a network on a data set, as a value: the library's shortest path to an
/// estimate (`cvkit kfold` without the journal and report files).
///
/// ```swift
/// let data = try CSVLoader.load(path: "datasets/iris.csv")
/// let results = try CrossValidation(k: 10).run(data)
/// print(results.summary.accuracy.mean, results.summary.accuracy.ci95)
/// ```
/// Defaults are `cvkit kfold`'s: stratified 10-fold, one repeat, the `[128, 64]` BatchNorm network,
/// Adam at 1e-3 for 20 epochs in batches of 64, seed 0; preprocessing fitted on each training part
/// (`Preprocessing`). The same seed gives the same results, bit for bit, for any `jobs`.
public struct CrossValidation: Sendable {
    public var k: Int
    public var repeats: Int
    /// Whether folds keep the class shares of the data (scikit-learn's `StratifiedKFold`).
    public var stratified: Bool
    /// The network's shape; its `inputs` and `classes` are taken from the data.
    public var network: NetworkConfig
    public var training: TrainingOptions
    public var seed: UInt64

    public init(k: Int = 10, repeats: Int = 1, stratified: Bool = true, network: NetworkConfig = NetworkConfig(),
                training: TrainingOptions = TrainingOptions(), seed: UInt64 = 0) {
        self.k = k
        self.repeats = repeats
        self.stratified = stratified
        self.network = network
        self.training = training
        self.seed = seed
    }

    /// The settings of the equivalent `cvkit kfold` run on `dataset`.
    public func settings(for dataset: Dataset) -> RunSettings {
        RunSettings(scheme: .kfold, dataPath: dataset.source.path, k: k, repeats: repeats, stratified: stratified,
                    network: network, training: training, seed: seed)
    }

    /// Trains and scores every fold on `jobs` threads and summarizes them.
    /// Throws `CVKitError.invalidArgument` when k or repeats cannot split the data (k < 2, k > rows,
    /// a class with fewer rows than k when stratified) or a setting is out of range.
    public func run(_ dataset: Dataset, jobs: Int = 1) throws -> CrossValidationResults {
        let settings = settings(for: dataset)
        let resampler = settings.resampler()
        let tasks = try CrossValidationExperiment(settings: settings).run(dataset: dataset, jobs: jobs)
        return CrossValidationResults.make(settings: settings, dataset: dataset, tasks: tasks,
                                           warnings: resampler.warnings(labels: dataset.labels, groups: dataset.groups, classNames: dataset.classNames))
    }
}
