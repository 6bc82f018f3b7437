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

        var folds = tasks.map(FoldInfo.init)
        let alive = tasks.filter { !$0.diverged }
        var confusion = ConfusionMatrix(classCount: dataset.classCount)
        var pooledTruth: [Int32] = [], pooledPredicted: [Int32] = [], pooledProbabilities: [Float] = []
        for (index, task) in tasks.enumerated() where !task.diverged {
            let truth = task.testRows.map { dataset.labels[$0] }
            for (t, predicted) in zip(truth, task.predicted) { confusion.add(truth: t, predicted: predicted) }
            let scores = Scores(truth: truth, predicted: task.predicted, probabilities: task.probabilities, classCount: dataset.classCount)
            folds[index].balancedAccuracy = scores.balancedAccuracy
            folds[index].rocAuc = scores.rocAuc
            folds[index].prAuc = scores.prAuc
            folds[index].brier = scores.brier
            folds[index].ece = scores.ece
            pooledTruth += truth
            pooledPredicted += task.predicted
            pooledProbabilities += task.probabilities
        }
        let pooled = pooledTruth.isEmpty ? nil
            : Scores(truth: pooledTruth, predicted: pooledPredicted, probabilities: pooledProbabilities, classCount: dataset.classCount)
        let baseline = tasks.isEmpty ? 0 : tasks.map(\.baselineAccuracy).reduce(0, +) / Double(tasks.count)
        func summary(_ values: [Double?], pooled value: Double?) -> Summary {
            if settings.scheme == .loocv {
                // One row per fold: only the pooled value means anything.
                return Summary(n: alive.count, mean: value ?? 0, sd: 0, ci95: [], pooled: value)
            }
            var result = Summary(values.compactMap { $0 })
            result.pooled = value
            return result
        }
        let extra = (
            balanced: summary(folds.map(\.balancedAccuracy), pooled: pooled?.balancedAccuracy),
            rocAuc: summary(folds.map(\.rocAuc), pooled: pooled?.rocAuc), prAuc: summary(folds.map(\.prAuc), pooled: pooled?.prAuc),
            brier: summary(folds.map(\.brier), pooled: pooled?.brier), ece: summary(folds.map(\.ece), pooled: pooled?.ece))
        var summary: SummaryInfo
        if settings.scheme == .loocv {
            let hits = alive.map { $0.accuracy ?? 0 }
            let correct = hits.filter { $0 == 1 }.count
            var accuracy = Summary(hits)
            accuracy.ci95 = alive.isEmpty ? [] : WilsonInterval.interval(successes: correct, trials: alive.count)
            let macro = Summary(n: alive.count, mean: confusion.macroF1(), sd: 0, ci95: [])
            summary = SummaryInfo(
                accuracy: accuracy, macroF1: macro, logLoss: Summary(alive.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: "wilson", folds: tasks.count, diverged: tasks.count - alive.count, balancedAccuracy: extra.balanced,
                rocAuc: extra.rocAuc, prAuc: extra.prAuc, brier: extra.brier, ece: extra.ece, headline: settings.metric.rawValue)
        } else {
            summary = SummaryInfo(
                accuracy: Summary(alive.compactMap(\.accuracy)), macroF1: Summary(alive.compactMap(\.macroF1)),
                logLoss: Summary(alive.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: "t", folds: tasks.count, diverged: tasks.count - alive.count, balancedAccuracy: extra.balanced,
                rocAuc: extra.rocAuc, prAuc: extra.prAuc, brier: extra.brier, ece: extra.ece, headline: settings.metric.rawValue)
        }
        summary.accuracy.pooled = pooled?.accuracy
        summary.macroF1.pooled = pooled?.macroF1
        summary.logLoss.pooled = pooled?.logLoss
        // Rates have their intervals cut to [0, 1], losses to [0, ∞).
        var clipped = summary
        for path in [\SummaryInfo.accuracy, \.macroF1, \.balancedAccuracy, \.rocAuc, \.prAuc, \.ece] {
            clipped[keyPath: path].ci95 = summary[keyPath: path].ci95.map { min(max($0, 0), 1) }
        }
        for path in [\SummaryInfo.logLoss, \.brier] { clipped[keyPath: path].ci95 = summary[keyPath: path].ci95.map { max($0, 0) } }
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
        warnings += usefulnessWarnings(metric: settings.metric, summary: clipped, confusion: confusion, classNames: dataset.classNames,
                                       counts: dataset.classCounts())
        let curves = curves(tasks: alive)
        var findings = diagnosis(curves: curves, classCount: dataset.classCount, baseline: baseline, diverged: diverged.count, runs: tasks.count)
        if let share = majorityShare(confusion), share.share >= 0.99 {
            // A model that predicts one class is not fixed by a bigger one.
            for index in findings.indices where findings[index].rule == "underfitting" {
                findings[index].advice = "The model predicts the class \"\(dataset.classNames[share.class])\" for \(Int((share.share * 100).rounded())) % of the rows: "
                    + "a bigger model will not change that. Score it with a metric that sees every class (--metric balanced-accuracy or roc-auc), "
                    + "and look for features that separate the classes."
            }
        }
        return CrossValidationResults(
            command: settings.scheme.rawValue, cvkitVersion: CVKitVersion.current, commandLine: settings.commandLine, data: data,
            protocol: protocolInfo, model: model, folds: folds, summary: clipped, confusion: confusion.counts, perClass: perClass,
            curves: curves, diagnosis: findings, warnings: warnings)
    }

    /// The class predicted most often and its share of all predictions (nil without predictions).
    static func majorityShare(_ confusion: ConfusionMatrix) -> (class: Int, share: Double)? {
        let predicted = (0..<confusion.classCount).map { p in confusion.counts.reduce(0) { $0 + $1[p] } }
        let total = predicted.reduce(0, +)
        guard total > 0, let top = predicted.indices.max(by: { predicted[$0] < predicted[$1] }) else { return nil }
        return (top, Double(predicted[top]) / Double(total))
    }

    /// Warnings that catch a model no better than guessing: the headline's interval reaching the
    /// majority baseline (accuracy) or chance (balanced accuracy 1/C, ROC AUC 0.5); a class never
    /// predicted; accuracy as the headline on imbalanced classes.
    static func usefulnessWarnings(metric: MetricName, summary: SummaryInfo, confusion: ConfusionMatrix, classNames: [String], counts: [Int]) -> [String] {
        var warnings: [String] = []
        func interval(_ s: Summary) -> String { s.ci95.count == 2 ? "[\(NumberText.fixed4(s.ci95[0])), \(NumberText.fixed4(s.ci95[1]))]" : "" }
        switch metric {
        case .accuracy where summary.accuracy.ci95.count == 2 && summary.accuracy.ci95[0] <= summary.baselineAccuracy:
            warnings.append("The accuracy interval \(interval(summary.accuracy)) does not exclude the majority-class baseline \(NumberText.fixed4(summary.baselineAccuracy)): "
                + "this model may be no better than always predicting the most frequent class.")
        case .balancedAccuracy where summary.balancedAccuracy.ci95.count == 2 && summary.balancedAccuracy.ci95[0] <= 1 / Double(classNames.count):
            warnings.append("The balanced-accuracy interval \(interval(summary.balancedAccuracy)) does not exclude chance (1/\(classNames.count) = "
                + "\(NumberText.fixed4(1 / Double(classNames.count)))).")
        case .rocAuc where (summary.rocAuc.ci95.count == 2 && summary.rocAuc.ci95[0] <= 0.5) || (summary.rocAuc.pooled ?? 1) <= 0.5:
            warnings.append("ROC AUC does not exclude chance (0.5): interval \(interval(summary.rocAuc)), pooled \(summary.rocAuc.pooled.map(NumberText.fixed4) ?? "—").")
        default: break
        }
        let predicted = (0..<confusion.classCount).map { p in confusion.counts.reduce(0) { $0 + $1[p] } }
        let never = (0..<confusion.classCount).filter { predicted[$0] == 0 && confusion.counts[$0].reduce(0, +) > 0 }
        if !never.isEmpty {
            warnings.append("Never predicted in any fold: " + never.map { "\"\(classNames[$0])\"" }.joined(separator: ", ")
                + ". The model ignores \(never.count == 1 ? "this class" : "these classes").")
        }
        let total = counts.reduce(0, +)
        if metric == .accuracy, total > 0, let minority = counts.indices.min(by: { counts[$0] < counts[$1] }),
           Double(counts[minority]) / Double(total) < 0.1 {
            warnings.append("The class \"\(classNames[minority])\" is \(NumberText.percent(Double(counts[minority]) / Double(total))) of the rows and accuracy is the headline: "
                + "a model that never predicts it scores high. Use --metric balanced-accuracy (or roc-auc) to see it.")
        }
        return warnings
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
