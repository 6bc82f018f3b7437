extension CrossValidationResults {
    /// Assembles the results from task results in task order.
    public static func make(settings: RunSettings, dataset: Dataset, tasks: [TaskResult], warnings extraWarnings: [String]) -> CrossValidationResults {
        var config = settings.network
        // The encoded width on all rows (a fold's width can differ when a category is missing from its training part).
        config.inputs = Preprocessing.width(of: dataset, minCategoryCount: settings.csv.minCategoryCount)
        config.classes = dataset.classCount
        let data = DataInfo(dataset, path: settings.dataPath)
        let scheme: String
        switch settings.scheme {
        case .kfold: scheme = (settings.stratified ? "stratified " : "") + (settings.groups != nil || settings.groupDuplicates ? "group k-fold" : "k-fold")
        case .loocv: scheme = "leave-one-out"
        case .split: scheme = settings.stratified ? "stratified train/validation/test split" : "train/validation/test split"
        }
        let protocolInfo = ProtocolInfo(
            scheme: scheme, k: settings.scheme == .kfold ? settings.k : (settings.scheme == .loocv ? dataset.rowCount : 1),
            repeats: settings.scheme == .kfold ? settings.repeats : 1,
            stratified: settings.scheme == .loocv ? false : settings.stratified,
            groups: settings.groups ?? (settings.groupDuplicates ? "(identical rows)" : nil), validation: settings.scheme == .split ? settings.validation : nil,
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
        let nothingFinished = alive.isEmpty
        var confusion = ConfusionMatrix(classCount: dataset.classCount)
        // The pooled predictions live only in this block: freed before the duplicate-row check below
        // (on a million rows, 20 MB that would sit under the check's own 24).
        let pooled: Scores?
        var pooledCount = 0, pooledCorrect = 0
        do {
            // Truth and predictions pooled (8 bytes a row); the probabilities read in each task's
            // result (`probabilityParts`), not copied. Sized once: grown by appending, a million
            // rows' pooled predictions were held up to twice their size.
            var pooledTruth: [Int32] = [], pooledPredicted: [Int32] = []
            var probabilityParts: [(truth: [Int32], probabilities: [Float])] = []
            let pooledRows = tasks.reduce(0) { $0 + $1.testRows.count }
            pooledTruth.reserveCapacity(pooledRows)
            pooledPredicted.reserveCapacity(pooledRows)
            // Every task with predictions counts — a diverged one by its fallback predictor's —, unless
            // no task finished: then there is no model to score at all.
            for (index, task) in tasks.enumerated() where !nothingFinished {
                let truth = task.truth(labels: dataset.labels)
                guard let scores = task.scores(truth: truth, classCount: dataset.classCount) else { continue }
                for (t, predicted) in zip(truth, task.predicted) { confusion.add(truth: t, predicted: predicted) }
                if task.diverged {
                    folds[index].accuracy = scores.accuracy
                    folds[index].macroF1 = scores.macroF1
                    folds[index].logLoss = scores.logLoss
                }
                folds[index].balancedAccuracy = scores.balancedAccuracy
                folds[index].rocAuc = scores.rocAuc
                folds[index].prAuc = scores.prAuc
                folds[index].brier = scores.brier
                folds[index].ece = scores.ece
                pooledTruth += truth
                pooledPredicted += task.predicted
                probabilityParts.append((truth, task.probabilities))
            }
            pooled = pooledTruth.isEmpty ? nil
                : Scores(truth: pooledTruth, predicted: pooledPredicted, probabilityParts: probabilityParts, classCount: dataset.classCount)
            pooledCount = pooledTruth.count
            pooledCorrect = zip(pooledTruth, pooledPredicted).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        }
        // An older journal's diverged task has no predictions: its majority-class accuracy still counts.
        for (index, task) in tasks.enumerated() where !nothingFinished && task.diverged && folds[index].accuracy == nil {
            folds[index].accuracy = task.baselineAccuracy
        }
        let baseline = tasks.isEmpty ? 0 : tasks.map(\.baselineAccuracy).reduce(0, +) / Double(tasks.count)
        // Repeats reuse the same rows, so k·r fold scores are far from independent: the default
        // interval for them is Nadeau and Bengio's corrected resampled t.
        let corrected = settings.scheme == .kfold && settings.repeats > 1
        let ratio = testToTrainRatio(tasks)
        func foldSummary(_ values: [Double]) -> Summary {
            corrected ? Summary(correctedResampled: values, testToTrainRatio: ratio) : Summary(values)
        }
        func summary(_ values: [Double?], pooled value: Double?) -> Summary {
            if settings.scheme == .loocv {
                // One row per fold: only the pooled value means anything.
                return value.map { Summary(n: tasks.count, mean: $0, sd: 0, ci95: [], pooled: $0) } ?? Summary([])
            }
            var result = foldSummary(values.compactMap { $0 })
            result.pooled = value
            return result
        }
        let extra = (
            balanced: summary(folds.map(\.balancedAccuracy), pooled: pooled?.balancedAccuracy),
            rocAuc: summary(folds.map(\.rocAuc), pooled: pooled?.rocAuc), prAuc: summary(folds.map(\.prAuc), pooled: pooled?.prAuc),
            brier: summary(folds.map(\.brier), pooled: pooled?.brier), ece: summary(folds.map(\.ece), pooled: pooled?.ece))
        var summary: SummaryInfo
        if settings.scheme == .loocv {
            let hits = folds.compactMap(\.accuracy)
            let correct = hits.filter { $0 == 1 }.count
            var accuracy = Summary(hits)
            accuracy.ci95 = hits.isEmpty ? [] : WilsonInterval.interval(successes: correct, trials: hits.count)
            let macro = nothingFinished ? Summary([]) : Summary(n: hits.count, mean: confusion.macroF1(), sd: 0, ci95: [])
            summary = SummaryInfo(
                accuracy: accuracy, macroF1: macro, logLoss: Summary(folds.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: "wilson", folds: tasks.count, diverged: tasks.count - alive.count, balancedAccuracy: extra.balanced,
                rocAuc: extra.rocAuc, prAuc: extra.prAuc, brier: extra.brier, ece: extra.ece, headline: settings.metric.rawValue)
        } else {
            summary = SummaryInfo(
                accuracy: foldSummary(folds.compactMap(\.accuracy)), macroF1: foldSummary(folds.compactMap(\.macroF1)),
                logLoss: foldSummary(folds.compactMap(\.logLoss)), baselineAccuracy: baseline,
                interval: corrected ? "corrected-t" : "t", folds: tasks.count, diverged: tasks.count - alive.count, balancedAccuracy: extra.balanced,
                rocAuc: extra.rocAuc, prAuc: extra.prAuc, brier: extra.brier, ece: extra.ece, headline: settings.metric.rawValue)
        }
        summary.accuracy.pooled = pooled?.accuracy
        summary.macroF1.pooled = pooled?.macroF1
        summary.logLoss.pooled = pooled?.logLoss
        if nothingFinished && !tasks.isEmpty {
            summary.reason = "no fold finished: every fold's training diverged, so there is no model to score"
        } else if !alive.isEmpty && alive.count < tasks.count {
            // The survivors-only figure, beside the fallback-scored one.
            let values = alive.compactMap { $0.score(settings.metric, labels: dataset.labels, classCount: dataset.classCount) }
            summary.survivors = settings.scheme == .loocv ? Summary(values) : foldSummary(values)
        }
        var warnings = extraWarnings
        // Fold scores without spread give a zero-width t-interval; the pooled predictions still
        // carry the binomial uncertainty of the test rows.
        if settings.scheme != .loocv, summary.accuracy.n >= 2, summary.accuracy.sd == 0, pooledCount > 0 {
            summary.accuracy.ci95 = WilsonInterval.interval(successes: pooledCorrect, trials: pooledCount)
            summary.interval = "wilson-pooled"
            warnings.append("Every fold scored the same accuracy (\(NumberText.fixed4(summary.accuracy.mean))): the fold scores have no spread, "
                + "so a t-interval would have width zero. The accuracy interval is the Wilson interval of the \(pooledCount) pooled out-of-fold predictions instead; "
                + "with this few distinct outcomes, read it as a lower bound on the uncertainty.")
        }
        // Rates have their intervals cut to [0, 1], losses to [0, ∞).
        var clipped = summary
        for path in [\SummaryInfo.accuracy, \.macroF1, \.balancedAccuracy, \.rocAuc, \.prAuc, \.ece] {
            clipped[keyPath: path].ci95 = summary[keyPath: path].ci95.map { min(max($0, 0), 1) }
        }
        for path in [\SummaryInfo.logLoss, \.brier] { clipped[keyPath: path].ci95 = summary[keyPath: path].ci95.map { max($0, 0) } }
        if var survivors = clipped.survivors {
            survivors.ci95 = survivors.ci95.map { settings.metric.isRate ? min(max($0, 0), 1) : max($0, 0) }
            clipped.survivors = survivors
        }
        let perClass = zip(dataset.classNames, confusion.perClass()).map {
            ClassInfo(name: $0, precision: $1.precision, recall: $1.recall, f1: $1.f1, support: $1.support)
        }
        let diverged = tasks.filter(\.diverged)
        if !diverged.isEmpty {
            let list = diverged.prefix(10).map { task in
                let epoch = task.history.divergedAtEpoch ?? task.history.epochs.count
                return settings.scheme == .kfold && settings.repeats > 1
                    ? "repeat \(task.repetition + 1) fold \(task.fold + 1) at epoch \(epoch)" : "fold \(task.fold + 1) at epoch \(epoch)"
            }.joined(separator: ", ")
            let scoredAs = nothingFinished ? "there is no model to score"
                : "each is scored as the majority-class predictor of its training part (mlr3's fallback learner) in every summary"
                + (clipped.survivors.map { ", and the \(alive.count) that finished score \(settings.metric.title) \(NumberText.fixed4($0.mean)) on their own" } ?? "")
            warnings.append("\(diverged.count) of \(tasks.count) folds diverged (the training loss became NaN, infinite or over 3× the initial loss: \(list)\(diverged.count > 10 ? ", …" : "")); "
                + "\(scoredAs). Lower the learning rate (--lr) or add --lr-decay.")
        }
        if let patience = settings.training.patience {
            // Early stopping that never stopped: every epoch ran, so the epoch budget, not the
            // validation loss, ended training.
            let ranAll = alive.filter { $0.nValidation > 0 && $0.history.epochs.count == settings.training.epochs }
            if !ranAll.isEmpty {
                let best = ranAll.compactMap(\.history.bestEpoch)
                warnings.append("Early stopping never triggered in \(ranAll.count) of \(alive.count) \(settings.scheme == .split ? "runs" : "folds"): all \(settings.training.epochs) epochs ran "
                    + "(the validation loss never went \(patience) epochs without improving; best epoch \(best.map(String.init).joined(separator: ", ")))"
                    + (best.contains(settings.training.epochs) ? ", and the best was the last: raise --epochs." : "."))
            }
        }
        // Only where it bites: the two largest classes within one row of each other.
        let largest = dataset.classCounts().sorted(by: >)
        if settings.scheme == .loocv, largest.count >= 2, largest[0] - largest[1] <= 1 {
            warnings.append("The majority-class baseline is pessimistic under leave-one-out: taking a row out makes its class rarer in the training part, "
                + "so with balanced classes the majority guess is always wrong. Compare with the K-fold baseline instead.")
        }
        if settings.scheme == .kfold && settings.repeats > 1 {
            warnings.append("With \(settings.repeats) repeats, every row is predicted \(settings.repeats) times: the confusion matrix and per-class table count each prediction.")
        }
        warnings += usefulnessWarnings(metric: settings.metric, summary: clipped, confusion: confusion, classNames: dataset.classNames,
                                       counts: dataset.classCounts())
        let twins = DuplicateRows(dataset)
        let rowNumbers = RowNumberColumns.detect(dataset)
        let leakage = LeakageInfo(
            duplicateRows: twins.duplicateRows, twinSets: twins.sets, disagreeingSets: twins.disagreeingSets,
            testRowsWithTwin: tasks.reduce(0) { $0 + twins.testRowsWithTwin(test: $1.testRows) }, testPredictions: tasks.reduce(0) { $0 + $1.testRows.count },
            looksLikeCopies: twins.looksLikeCopies, rowNumberColumns: rowNumbers)
        if leakage.looksLikeCopies && leakage.testRowsWithTwin > 0 {
            warnings.append("\(leakage.testRowsWithTwin) of \(leakage.testPredictions) test predictions were of rows with an exact twin (identical features) outside their test part, "
                + "and \(NumberText.percent(Double(twins.sets - twins.disagreeingSets) / Double(twins.sets))) of the \(twins.sets) twin sets agree on the label: "
                + "they look like copied rows, so the score partly measures memory. Rerun with --group-duplicates (identical rows share a fold) for the score on new rows.")
        }
        warnings += RowNumberColumns.warning(rowNumbers)
        let curves = curves(tasks: alive)
        var findings = diagnosis(curves: curves, classCount: dataset.classCount, baseline: baseline, diverged: diverged.count, runs: tasks.count,
                                 heldOutIsTest: settings.scheme != .split && tasks.allSatisfy { $0.nValidation == 0 })
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
            curves: curves, diagnosis: findings, warnings: warnings, leakage: leakage)
    }

    /// The mean of n_test / n_train over `tasks` (the training part without any validation slice),
    /// the overlap term of the corrected resampled t; 0 without tasks.
    static func testToTrainRatio(_ tasks: [TaskResult]) -> Double {
        let ratios = tasks.filter { $0.nTrain > 0 }.map { Double($0.nTest) / Double($0.nTrain) }
        return ratios.isEmpty ? 0 : ratios.reduce(0, +) / Double(ratios.count)
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
        // Rare: under 10 % of the rows and under half a balanced class's share (not digits' 9.7 % of
        // ten classes: ignoring that class would cost a tenth of the accuracy, not look fine).
        if metric == .accuracy, total > 0, let minority = counts.indices.min(by: { counts[$0] < counts[$1] }),
           Double(counts[minority]) / Double(total) < min(0.1, 0.5 / Double(counts.count)) {
            warnings.append("The class \"\(classNames[minority])\" is \(NumberText.percent(Double(counts[minority]) / Double(total))) of the rows and accuracy is the headline: "
                + "a model that never predicts it scores high. Use --metric balanced-accuracy (or roc-auc) to see it.")
        }
        return warnings
    }

    /// The diagnosis of the mean curves; an epoch where no run has a value reads as missing (NaN).
    /// `heldOutIsTest`: the held-out curves are test parts (K-fold or LOOCV without a validation
    /// slice). They are left out: advice read from them would be tuning on the test folds; the
    /// diagnosis then reads the training curves only.
    static func diagnosis(curves: [CurvePoint], classCount: Int, baseline: Double, diverged: Int, runs: Int, heldOutIsTest: Bool) -> [DiagnosisFinding] {
        Diagnosis.diagnose(
            trainLoss: curves.map { $0.trainLoss?.mean ?? .nan }, trainAccuracy: curves.map { $0.trainAccuracy?.mean ?? .nan },
            heldOutLoss: heldOutIsTest ? [] : curves.map { $0.heldOutLoss?.mean ?? .nan },
            heldOutAccuracy: heldOutIsTest ? [] : curves.map { $0.heldOutAccuracy?.mean ?? .nan },
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
