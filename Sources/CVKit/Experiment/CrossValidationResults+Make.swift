extension CrossValidationResults {
    /// Assembles the results from task results in task order.
    public static func make(settings: RunSettings, dataset: Dataset, tasks: [TaskResult], warnings extraWarnings: [String]) -> CrossValidationResults {
        var config = settings.network
        // The encoded width on all rows (a fold's width can differ when a category is missing from its training part).
        config.inputs = Preprocessing.fit(dataset, rows: Array(0..<dataset.rowCount), minCategoryCount: settings.csv.minCategoryCount).width
        config.classes = dataset.classCount
        let data = DataInfo(dataset, path: settings.dataPath)
        let scheme: String
        switch settings.scheme {
        case .kfold: scheme = settings.groups != nil ? "group k-fold" : (settings.stratified ? "stratified k-fold" : "k-fold")
        case .loocv: scheme = "leave-one-out"
        case .split: scheme = settings.stratified ? "stratified train/validation/test split" : "train/validation/test split"
        }
        let protocolInfo = ProtocolInfo(
            scheme: scheme, k: settings.scheme == .kfold ? settings.k : (settings.scheme == .loocv ? dataset.rowCount : 1),
            repeats: settings.scheme == .kfold ? settings.repeats : 1,
            stratified: settings.scheme == .loocv ? false : settings.stratified && settings.groups == nil,
            groups: settings.groups, validation: settings.scheme == .split ? settings.validation : nil,
            test: settings.scheme == .split ? settings.test : nil, seed: settings.seed,
            preprocessing: PreprocessingText.describe(dataset, minCategoryCount: settings.csv.minCategoryCount))
        let model = ModelInfo(
            layers: layerDescription(config), hidden: config.hidden, batchnorm: config.batchNorm,
            initialization: config.initialization.rawValue, optimizer: settings.training.optimizer.rawValue, lr: settings.training.learningRate,
            lrDecay: settings.training.schedule.description, l2: config.l2, epochs: settings.training.epochs,
            batchSize: settings.training.batchSize, patience: settings.scheme == .split ? settings.training.patience : nil,
            parameters: config.parameterCount, forwardFLOPsPerSample: config.forwardFLOPsPerSample)

        let folds = tasks.map(FoldInfo.init)
        let alive = tasks.filter { !$0.diverged }
        var confusion = ConfusionMatrix(classCount: dataset.classCount)
        for task in alive {
            for (row, predicted) in zip(task.testRows, task.predicted) { confusion.add(truth: dataset.labels[row], predicted: predicted) }
        }
        let baseline = tasks.isEmpty ? 0 : tasks.map(\.baselineAccuracy).reduce(0, +) / Double(tasks.count)
        let summary: SummaryInfo
        if settings.scheme == .loocv {
            let hits = alive.map { $0.accuracy ?? 0 }
            let correct = hits.filter { $0 == 1 }.count
            var accuracy = Summary(hits)
            accuracy.ci95 = alive.isEmpty ? [] : WilsonInterval.interval(successes: correct, trials: alive.count)
            let macro = Summary(n: alive.count, mean: confusion.macroF1(), sd: 0, ci95: [])
            summary = SummaryInfo(
                accuracy: accuracy, macroF1: macro, logLoss: Summary(alive.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: "wilson", folds: tasks.count, diverged: tasks.count - alive.count)
        } else {
            summary = SummaryInfo(
                accuracy: Summary(alive.compactMap(\.accuracy)), macroF1: Summary(alive.compactMap(\.macroF1)),
                logLoss: Summary(alive.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: "t", folds: tasks.count, diverged: tasks.count - alive.count)
        }
        // Accuracy and macro-F1 are rates: their intervals are cut to [0, 1].
        var clipped = summary
        clipped.accuracy.ci95 = summary.accuracy.ci95.map { min(max($0, 0), 1) }
        clipped.macroF1.ci95 = summary.macroF1.ci95.map { min(max($0, 0), 1) }
        let perClass = zip(dataset.classNames, confusion.perClass()).map {
            ClassInfo(name: $0, precision: $1.precision, recall: $1.recall, f1: $1.f1, support: $1.support)
        }
        var warnings = extraWarnings
        let diverged = tasks.filter(\.diverged)
        if !diverged.isEmpty {
            let list = diverged.prefix(10).map { task in
                let epoch = task.history.divergedAtEpoch ?? task.history.epochs.count
                return settings.scheme == .kfold && settings.repeats > 1
                    ? "repeat \(task.repetition + 1) fold \(task.fold + 1) at epoch \(epoch)" : "fold \(task.fold + 1) at epoch \(epoch)"
            }.joined(separator: ", ")
            warnings.append("\(diverged.count) of \(tasks.count) folds diverged (the loss became NaN, infinite or over 3× the initial loss: \(list)\(diverged.count > 10 ? ", …" : "")); "
                + "they are excluded from every mean. Lower the learning rate (--lr) or add --lr-decay.")
        }
        if settings.scheme == .loocv {
            warnings.append("The majority-class baseline is pessimistic under leave-one-out: taking a row out makes its class rarer in the training part, "
                + "so with balanced classes the majority guess is always wrong. Compare with the K-fold baseline instead.")
        }
        if settings.scheme == .kfold && settings.repeats > 1 {
            warnings.append("With \(settings.repeats) repeats, every row is predicted \(settings.repeats) times: the confusion matrix and per-class table count each prediction.")
        }
        let curves = curves(tasks: alive)
        return CrossValidationResults(
            command: settings.scheme.rawValue, cvkitVersion: CVKitVersion.current, commandLine: settings.commandLine, data: data,
            protocol: protocolInfo, model: model, folds: folds, summary: clipped, confusion: confusion.counts, perClass: perClass,
            curves: curves, diagnosis: diagnosis(curves: curves, classCount: dataset.classCount, baseline: baseline, diverged: diverged.count, runs: tasks.count),
            warnings: warnings)
    }

    /// The diagnosis of the mean curves; an epoch where no run has a value reads as missing (NaN).
    static func diagnosis(curves: [CurvePoint], classCount: Int, baseline: Double, diverged: Int, runs: Int) -> [DiagnosisFinding] {
        Diagnosis.diagnose(
            trainLoss: curves.map { $0.trainLoss?.mean ?? .nan }, trainAccuracy: curves.map { $0.trainAccuracy?.mean ?? .nan },
            heldOutLoss: curves.map { $0.heldOutLoss?.mean ?? .nan }, heldOutAccuracy: curves.map { $0.heldOutAccuracy?.mean ?? .nan },
            classCount: classCount, baselineAccuracy: baseline, divergedRuns: diverged, runs: runs)
    }

    static func layerDescription(_ config: NetworkConfig) -> String {
        var parts = ["input \(config.inputs)"]
        for width in config.hidden { parts.append(config.batchNorm ? "Dense \(width) → BatchNorm → ReLU" : "Dense \(width) → ReLU") }
        parts.append("Dense \(config.classes) → softmax")
        return parts.joined(separator: " → ")
    }

    static func curves(tasks: [TaskResult]) -> [CurvePoint] {
        let longest = tasks.map(\.history.epochs.count).max() ?? 0
        func band(_ values: [Double]) -> Band? {
            let finite = values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else { return nil }
            return Band(mean: finite.reduce(0, +) / Double(finite.count), min: low, max: high)
        }
        return (0..<longest).map { index in
            let records = tasks.compactMap { $0.history.epochs.count > index ? $0.history.epochs[index] : nil }
            return CurvePoint(
                epoch: index + 1, trainLoss: band(records.map(\.trainLoss)), trainAccuracy: band(records.map(\.trainAccuracy)),
                heldOutLoss: band(records.compactMap(\.validationLoss)), heldOutAccuracy: band(records.compactMap(\.validationAccuracy)))
        }
    }
}
