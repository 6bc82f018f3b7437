import Foundation

/// The model you keep: trained on every row of a data set (preprocessing fitted on all of them),
/// saved as a `ModelFile`, and applied to new rows.
public enum FinalModel {
    /// Trains `settings`' network on every row of `dataset`, with the preprocessing fitted on all
    /// rows, and returns the model file's contents. The network and batch order draw from their own
    /// seed streams of `settings.seed` (`RandomSource.derive(seed, [3, …])`), so the same seed gives
    /// the same model. `onEpoch` sees the training curve as it is made.
    public static func fit(_ dataset: Dataset, settings: RunSettings, onEpoch: ((EpochRecord) -> Void)? = nil) throws -> ModelFile {
        let rows = Array(0..<dataset.rowCount)
        let preprocessing = Preprocessing.fit(dataset, rows: rows, minCategoryCount: settings.csv.minCategoryCount)
        var config = settings.network
        config.inputs = preprocessing.width
        config.classes = dataset.classCount
        let network = try Network<Float>(config: config, seed: RandomSource.derive(settings.seed, [3, 1]))
        var training = settings.training
        training.patience = nil
        let history = try Trainer(options: training).train(
            network, dataset: dataset, rows: rows, preprocessing: preprocessing, labels: dataset.labels,
            seed: RandomSource.derive(settings.seed, [3, 2]), onEpoch: onEpoch)
        if history.diverged {
            throw CVKitError.invalidArgument("training diverged at epoch \(history.divergedAtEpoch ?? history.epochs.count): no model is written; "
                + "lower the learning rate (--lr) and fit again")
        }
        let header = ModelFile.Header(
            format: "cvkit-model", formatVersion: ModelFile.formatVersion, cvkitVersion: CVKitVersion.current,
            dataPath: dataset.source.path, dataSHA256: dataset.source.sha256, rows: dataset.rowCount, seed: settings.seed,
            labelName: dataset.labelName, classNames: dataset.classNames, identifierName: dataset.identifierName, columns: dataset.columns,
            preprocessing: PortablePreprocessing(preprocessing, dataset: dataset), network: config, training: training,
            commandLine: settings.fitCommandLine, curve: history.epochs, parameterCount: network.parameterCount,
            statisticCount: network.runningStatistics.count)
        return ModelFile(header: header, parameters: network.parameterValues, statistics: network.runningStatistics)
    }

    /// The CSV options that read a file for `model`: its label (optional: a file to predict may lack
    /// it), its identifier, the roles of its feature columns, every other column dropped.
    public static func readingOptions(for model: ModelFile, base: CSVOptions, header names: [String]) -> CSVOptions {
        var options = base
        options.label = .name(model.header.labelName)
        options.labelOptional = true
        let features = Set(model.header.preprocessing.columns.map(\.name))
        // Declared only where the file has them: a missing one is named by `predict` (`rebased(on:)`).
        let present = model.header.preprocessing.columns.filter { names.contains($0.name) }
        options.categorical = present.filter { $0.kind == .categorical }.map { .name($0.name) }
        options.numeric = present.filter { $0.kind == .numeric }.map { .name($0.name) }
        options.identifier = model.header.identifierName.flatMap { names.contains($0) ? .name($0) : nil }
        options.drop = names.filter { !features.contains($0) && $0 != model.header.labelName && $0 != model.header.identifierName }.map { .name($0) }
        options.groups = nil
        return options
    }

    /// Throws `badData` naming every feature column of `model` that the header `names` of the file
    /// at `path` lacks — before the file is read, so that a file with none of them is told so, not
    /// that it has no feature columns.
    public static func checkColumns(of model: ModelFile, header names: [String], path: String) throws {
        let missing = model.header.preprocessing.columns.map(\.name).filter { !names.contains($0) }
        guard !missing.isEmpty else { return }
        throw CVKitError.badData(location: nil, message: "\(path): does not fit the model: missing column\(missing.count == 1 ? "" : "s") "
            + missing.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    /// What `predict` gives: one row per data row, in order.
    public struct Predictions: Sendable {
        /// The identifier of each row (the model's identifier column), or empty: rows are then numbered.
        public var identifiers: [String]
        /// Predicted class codes (indices into the model's class names) and probabilities, rows × classes.
        public var predicted: [Int32]
        public var probabilities: [Float]
        /// Rows whose category the model never saw, per column (encoded as zeros).
        public var unseen: [String: Int]
        /// Every metric, when the data has the label column (with labels the model knows).
        public var scores: Scores?
        /// Labels in the data that are not among the model's classes.
        public var unknownLabels: [String]
    }

    /// Applies `model` to `dataset` (loaded with `readingOptions`); throws `badData` naming the
    /// columns that are missing or of another kind.
    public static func predict(_ model: ModelFile, on dataset: Dataset) throws -> Predictions {
        let (preprocessing, unseen) = try model.header.preprocessing.rebased(on: dataset)
        let network = try Network<Float>(config: model.header.network, seed: 0)
        network.parameterValues = model.parameters
        network.runningStatistics = model.statistics
        // Scored a chunk at a time: no preprocessed copy of the file (the same bits as one).
        let probabilities = network.probabilities(PreprocessedRows(dataset: dataset, rows: Array(0..<dataset.rowCount), preprocessing: preprocessing))
        let classes = model.header.classNames.count
        let predicted = probabilities.withUnsafeBufferPointer { p in
            (0..<dataset.rowCount).map { Int32(Network<Float>.argmax(p.baseAddress! + $0 * classes, classes)) }
        }
        var scores: Scores?
        var unknown: [String] = []
        if !dataset.labels.isEmpty {
            let position = Dictionary(uniqueKeysWithValues: model.header.classNames.enumerated().map { ($1, Int32($0)) })
            unknown = dataset.classNames.filter { position[$0] == nil }
            if unknown.isEmpty {
                let truth = dataset.labels.map { position[dataset.classNames[Int($0)]] ?? 0 }
                scores = Scores(truth: truth, predicted: predicted, probabilities: probabilities, classCount: classes)
            }
        }
        return Predictions(identifiers: dataset.identifiers, predicted: predicted, probabilities: probabilities, unseen: unseen,
                           scores: scores, unknownLabels: unknown)
    }
}
