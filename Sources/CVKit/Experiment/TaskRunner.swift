import Foundation

/// Trains and scores one split: the unit of work of every run.
///
/// 1. Preprocessing (imputation, one-hot encoding, standardization) is fitted on the split's
///    training rows only and applied to the others (the leakage rule; see `Preprocessing`).
/// 2. The network and the mini-batch order get their own seeds derived from (run seed,
///    repetition, fold), so a task's numbers do not depend on which thread runs it, or when.
/// 3. A diverged task keeps nil scores and carries the `FallbackPredictor`'s test predictions,
///    by which every summary scores it.
/// 4. With a validation part (holdout), it feeds early stopping; the test part is touched once, at
///    the end. Without one (K-fold, LOOCV), the test part is scored after every epoch for the
///    learning curves only — no choice is made from it.
public struct TaskRunner: Sendable {
    public let dataset: Dataset
    public let settings: RunSettings

    public init(dataset: Dataset, settings: RunSettings) {
        self.dataset = dataset
        self.settings = settings
    }

    /// `spareCores`: the run's idle cores, where the held-out rows may be scored beside training
    /// (`Trainer.spareCores`; the same numbers either way; `onEpoch` sees the epochs scored there
    /// without their held-out figures).
    public func run(index: Int, split given: Split, spareCores: SpareCores? = nil, onEpoch: ((EpochRecord) -> Void)? = nil) throws -> TaskResult {
        let started = Date()
        let labels = dataset.labels
        let split = try Self.withValidationSlice(given, settings: settings, labels: labels)
        // Made once: a K-fold or LOOCV split makes its training rows on each access.
        let trainRows = split.train
        if trainRows.count < 2 {
            throw CVKitError.invalidArgument("fold \(split.fold + 1) has \(trainRows.count) training row\(trainRows.count == 1 ? "" : "s"): a model needs at least 2 to train on. "
                + "Use fewer folds (--k), a smaller --val-fraction, or more rows")
        }
        let scaler = Preprocessing.fit(dataset, rows: trainRows, minCategoryCount: settings.csv.minCategoryCount)
        let trainY = trainRows.map { labels[$0] }
        // Scored a chunk at a time through the preprocessing: no copy of the test fold.
        let testX = PreprocessedRows(dataset: dataset, rows: split.test, preprocessing: scaler)
        let testY = split.test.map { labels[$0] }
        var config = settings.network
        config.inputs = scaler.width
        config.classes = dataset.classCount
        let ids = [UInt64(split.repetition), UInt64(split.fold)]
        let network = try Network<Float>(config: config, seed: RandomSource.derive(settings.seed, [1] + ids))
        var training = settings.training
        let monitor: (rows: PreprocessedRows, labels: [Int32])
        if split.validation.isEmpty {
            training.patience = nil
            monitor = (testX, testY)
        } else {
            monitor = (PreprocessedRows(dataset: dataset, rows: split.validation, preprocessing: scaler), split.validation.map { labels[$0] })
        }
        // What the training labels decide besides the training, taken before the trainer takes
        // the rows and labels over (it shuffles them in place: a task holds its rows once).
        let trainCount = trainRows.count
        let fallback = FallbackPredictor(trainLabels: trainY, classCount: config.classes)
        let baselineAccuracy = Metrics.majorityBaseline(trainLabels: trainY, testLabels: testY, classCount: config.classes)
        // The training rows are standardized as they are gathered: no per-task copy of them.
        var trainer = Trainer(options: training)
        trainer.spareCores = spareCores
        let history = try trainer.train(
            network, dataset: dataset, rows: consume trainRows, preprocessing: scaler, labels: consume trainY, validation: monitor,
            seed: RandomSource.derive(settings.seed, [2] + ids), onEpoch: onEpoch)
        var result = TaskResult(
            index: index, repetition: split.repetition, fold: split.fold, nTrain: trainCount, nValidation: split.validation.count,
            nTest: split.test.count, accuracy: nil, macroF1: nil, logLoss: nil,
            baselineAccuracy: baselineAccuracy,
            history: history, testRows: [], predicted: [], packedProbabilities: PackedFloats([]), seconds: 0)
        let fitted = scaler.summary(dataset, test: split.test)
        result.preprocessing = fitted.isEmpty ? nil : fitted
        if !history.diverged {
            var probabilities = network.probabilities(testX)
            let classes = config.classes
            // A test row the trained network cannot score (an input so extreme the logits overflow)
            // gets the fallback predictor's prediction: whether the fold diverged is judged on the
            // training loss only, never on test rows.
            if !probabilities.allSatisfy(\.isFinite) {
                for row in 0..<testY.count where !probabilities[row * classes..<(row + 1) * classes].allSatisfy(\.isFinite) {
                    probabilities.replaceSubrange(row * classes..<(row + 1) * classes, with: fallback.prior)
                }
            }
            let predicted = probabilities.withUnsafeBufferPointer { p in
                (0..<testY.count).map { Int32(Network<Float>.argmax(p.baseAddress! + $0 * classes, classes)) }
            }
            result.testRows = split.test
            result.predicted = predicted
            result.probabilities = probabilities
            result.accuracy = Metrics.accuracy(truth: testY, predicted: predicted)
            result.macroF1 = ConfusionMatrix(truth: testY, predicted: predicted, classCount: config.classes).macroF1()
            result.logLoss = Metrics.logLoss(truth: testY, probabilities: probabilities, classCount: config.classes)
        }
        if result.diverged {
            // Scored as the majority-class predictor of this training part (see `FallbackPredictor`);
            // `accuracy` stays nil, which marks the fold as diverged.
            let scored = fallback.predict(rows: split.test.count)
            result.testRows = split.test
            result.predicted = scored.predicted
            result.probabilities = scored.probabilities
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// With early stopping and no validation part (K-fold, LOOCV, search, nested, compare): the
    /// split with a stratified `settings.validationFraction` of its training rows moved to its
    /// validation part (`Holdout` on the training labels, seeded by (run seed, 3, repetition,
    /// fold)), so the epoch is chosen on training data and the test part decides nothing.
    /// Otherwise `split` unchanged. Throws when the training part is too small to carve.
    public static func withValidationSlice(_ split: Split, settings: RunSettings, labels: [Int32]) throws -> Split {
        guard settings.training.patience != nil, split.validation.isEmpty, settings.scheme != .split else { return split }
        let rows = split.train
        let trainLabels = rows.map { labels[$0] }
        let seed = RandomSource.derive(settings.seed, [3, UInt64(split.repetition), UInt64(split.fold)])
        guard let carved = try Holdout(test: settings.validationFraction, stratified: true, seed: seed).splits(labels: trainLabels).first else { return split }
        var result = split
        result.validation = carved.test.map { rows[$0] }.sorted()
        result.train = carved.train.map { rows[$0] }.sorted()
        return result
    }
}
