import Foundation

/// Hyperparameter search scored by K-fold cross-validation through the engine.
///
/// Every trial is trained and scored on the same K-fold splits of `base` (same seed), so
/// differences between trials are differences between configurations, not between splits. A
/// trial × fold is one task: tasks run on the thread pool, go to the journal and resume like any
/// run. Trial `t` of round `r` is drawn from `RandomSource(derive(seed, [7, r, t]))`.
/// - `random`: `trials` draws from the space.
/// - `grid`: every combination of the listed values (`trials` is ignored).
/// - `coarseToFine`: `rounds` rounds of `trials` random draws; after each round every numeric
///   range is narrowed around the best `keep` fraction of that round (`SearchSpace.narrowed`).
public struct HyperparameterSearch: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case random, grid
        case coarseToFine = "coarse-to-fine"
    }

    public var base: RunSettings
    public var space: SearchSpace
    public var method: Method
    public var trials: Int
    public var rounds: Int
    public var keep: Double
    /// How the winner is chosen (`--select`); `.best` by default.
    public var selection: TrialScoring.Selection = .best
    /// Racing (`--race`): nil scores every configuration on every fold.
    public var racing: Racing?

    public init(base: RunSettings, space: SearchSpace, method: Method, trials: Int, rounds: Int = 3, keep: Double = 0.25) {
        self.base = base
        self.space = space
        self.method = method
        self.trials = trials
        self.rounds = rounds
        self.keep = keep
    }

    /// Rounds × trials per round, as fixed before any result is known (the journal's task count).
    public func trialCount() throws -> Int {
        switch method {
        case .random: trials
        case .grid: try space.grid().count
        case .coarseToFine: trials * rounds
        }
    }

    public var commandLine: String {
        var extra = ["--method", method.rawValue, "--space", Shell.quote(space.description)]
        if method != .grid { extra += ["--trials", String(trials)] }
        if method == .coarseToFine { extra += ["--rounds", String(rounds), "--keep", Shell.number(keep)] }
        if selection != .best { extra += ["--select", selection.rawValue] }
        if let racing { extra += ["--race", "--race-min-folds", String(racing.minFolds), "--race-alpha", Shell.number(racing.alpha)] }
        let rest = base.commandLine.dropFirst("cvkit kfold".count).replacingOccurrences(of: " --repeats \(base.repeats)", with: "")
        return "cvkit search" + rest + " " + extra.joined(separator: " ")
    }

    /// The trials and the rounds' log of a finished search.
    public struct Outcome: Sendable {
        public var trials: [TrialResult]
        public var rounds: [SearchResults.Round]
    }
}

extension HyperparameterSearch: Experiment {
    /// Round by round: a round's units are needed once the earlier rounds are scored (coarse-to-fine
    /// narrows the space from them); random and grid searches have one round.
    public func step(dataset: Dataset, finished: [Int: TaskResult]) throws -> ExperimentStep<Outcome> {
        if trials < 1 && method != .grid { throw CVKitError.invalidArgument("--trials must be at least 1") }
        if method == .coarseToFine && (rounds < 1 || !(keep > 0 && keep <= 1)) {
            throw CVKitError.invalidArgument("coarse-to-fine needs --rounds ≥ 1 and --keep in (0, 1]")
        }
        let splits = try base.resampler().splits(labels: dataset.labels, groups: dataset.groups)
        var results: [TrialResult] = []
        var roundLog: [SearchResults.Round] = []
        var currentSpace = space
        let roundCount = method == .coarseToFine ? rounds : 1
        for round in 0..<roundCount {
            let configs: [[String: String]]
            if method == .grid {
                configs = try space.grid()
            } else {
                configs = (0..<trials).map { trial in
                    var random = RandomSource(seed: RandomSource.derive(base.seed, [7, UInt64(round), UInt64(trial)]))
                    return currentSpace.sample(&random)
                }
            }
            roundLog.append(SearchResults.Round(round: round + 1, space: currentSpace.description, trials: configs.count))
            let first = results.count
            let step: ExperimentStep<[TrialResult]>
            if let racing {
                step = try TrialScoring.race(configs: configs, firstTrial: first, round: round + 1, base: base, splits: splits, dataset: dataset,
                                             racing: racing, finished: finished)
            } else {
                let units = try TrialScoring.units(configs: configs, firstTrial: first, base: base, splits: splits, dataset: dataset)
                step = try ExperimentStep.collect(units, finished) { tasks in
                    try TrialScoring.trials(configs: configs, firstTrial: first, round: round + 1, base: base, splitCount: splits.count,
                                            dataset: dataset, tasks: tasks)
                }
            }
            guard case .done(let scored) = step else {
                if case .needs(let missing) = step { return .needs(missing) }
                continue
            }
            results += scored
            if method == .coarseToFine && round + 1 < roundCount {
                let best = scored.sorted(by: TrialScoring.better).prefix(max(1, Int((keep * Double(scored.count)).rounded(.up))))
                currentSpace = currentSpace.narrowed(around: best.map(\.sampled))
            }
        }
        return .done(Outcome(trials: results, rounds: roundLog))
    }
}

/// Scoring configurations by cross-validation on given splits (shared by search and nested CV).
public enum TrialScoring {
    /// How the winner is chosen (`--select`).
    public enum Selection: String, Sendable, Codable, CaseIterable {
        /// The best objective (ties: `better`'s order).
        case best
        /// The one-standard-error rule (Hastie, Tibshirani & Friedman, ESL §7.10; scikit-learn's
        /// "refit callable" example): among the trials within one standard error of the best
        /// (SE = the best trial's sd over folds / √folds), the simplest by `simpler`.
        case oneSE = "one-se"
    }

    /// The better objective first (the higher mean, or the lower for a loss; the pooled value for
    /// F1 and the AUCs), then fewer diverged folds, then the simpler (`simpler`), then the earlier trial.
    public static func better(_ a: TrialResult, _ b: TrialResult) -> Bool {
        // A configuration a race dropped never ranks above one that ran every fold.
        if (a.droppedAtFold == nil) != (b.droppedAtFold == nil) { return a.droppedAtFold == nil }
        let metric = a.metric ?? .accuracy
        let x = objective(a), y = objective(b)
        if x != y { return metric.lowerIsBetter ? x < y : x > y }
        if a.divergedFolds != b.divergedFolds { return a.divergedFolds < b.divergedFolds }
        if let order = simplerOrder(a, b) { return order }
        return a.trial < b.trial
    }

    /// The simpler configuration first: fewer parameters, then stronger l2, then smaller lr, then
    /// the earlier trial.
    public static func simpler(_ a: TrialResult, _ b: TrialResult) -> Bool { simplerOrder(a, b) ?? (a.trial < b.trial) }

    static func simplerOrder(_ a: TrialResult, _ b: TrialResult) -> Bool? {
        let pa = a.parameters ?? 0, pb = b.parameters ?? 0
        if pa != pb { return pa < pb }
        if a.config.l2 != b.config.l2 { return a.config.l2 > b.config.l2 }
        if a.config.lr != b.config.lr { return a.config.lr < b.config.lr }
        return nil
    }

    /// The trials within one standard error of the best (the best included), best first.
    public static func withinOneSE(_ trials: [TrialResult]) -> [TrialResult] {
        let sorted = trials.filter { $0.droppedAtFold == nil }.sorted(by: better)
        guard let best = sorted.first else { return [] }
        let se = best.score.n > 1 ? best.score.sd / Double(best.score.n).squareRoot() : 0
        let lower = (best.metric ?? .accuracy).lowerIsBetter
        return sorted.filter { lower ? objective($0) <= objective(best) + se : objective($0) >= objective(best) - se }
    }

    /// The chosen trial under `rule`, nil without trials.
    public static func select(_ trials: [TrialResult], rule: Selection) -> TrialResult? {
        switch rule {
        case .best: trials.sorted(by: better).first
        case .oneSE: withinOneSE(trials).sorted(by: simpler).first
        }
    }

    /// The value a trial is ranked by.
    public static func objective(_ trial: TrialResult) -> Double {
        (trial.metric ?? .accuracy).pooledHeadline ? trial.score.pooled ?? trial.score.mean : trial.score.mean
    }

    /// The units of `configs` on `splits`: unit index = `indexOffset` + trial × splits + split.
    public static func units(configs: [[String: String]], firstTrial: Int, base: RunSettings, splits: [Split], dataset: Dataset,
                             indexOffset: Int = 0) throws -> [ExperimentRunner.Unit] {
        var units: [ExperimentRunner.Unit] = []
        for (offset, config) in configs.enumerated() {
            let runner = TaskRunner(dataset: dataset, settings: try SearchConfig.apply(config, to: base))
            for (index, split) in splits.enumerated() {
                units.append(ExperimentRunner.Unit(index: indexOffset + (firstTrial + offset) * splits.count + index, runner: runner, split: split))
            }
        }
        return units
    }

    /// `configs` on `splits`, raced (`Racing`): the units of the next fold for the live
    /// configurations, or the trials — those a race dropped scored on the folds they ran, with the
    /// fold and p-value that dropped them. Unit indices are `units`'.
    public static func race(configs: [[String: String]], firstTrial: Int, round: Int, base: RunSettings, splits: [Split], dataset: Dataset,
                            indexOffset: Int = 0, racing: Racing, finished: [Int: TaskResult]) throws -> ExperimentStep<[TrialResult]> {
        let k = splits.count
        let all = try units(configs: configs, firstTrial: firstTrial, base: base, splits: splits, dataset: dataset, indexOffset: indexOffset)
        let metric = base.metric
        func score(_ task: TaskResult) -> Double {
            task.score(metric, labels: dataset.labels, classCount: dataset.classCount) ?? metric.uninformedValue(classCount: dataset.classCount)
        }
        var live = Array(configs.indices)
        var dropped: [Int: (fold: Int, p: Double)] = [:]
        for fold in 0..<k {
            let needed = live.map { all[$0 * k + fold] }.filter { finished[$0.index] == nil }
            if !needed.isEmpty { return .needs(needed) }
            guard fold + 1 >= racing.minFolds, fold + 1 < k, live.count > 1 else { continue }
            let scores = live.map { c in (0...fold).map { f in finished[all[c * k + f].index].map(score) ?? 0 } }
            for (position, p) in racing.eliminate(scores: scores, lowerIsBetter: metric.lowerIsBetter).enumerated() {
                if let p { dropped[live[position]] = (fold + 1, p) }
            }
            live = live.filter { dropped[$0] == nil }
        }
        let inputs = Preprocessing.width(of: dataset, minCategoryCount: base.csv.minCategoryCount)
        return .done(try configs.indices.map { c in
            let ran = dropped[c]?.fold ?? k
            let tasks = (0..<ran).compactMap { finished[all[c * k + $0].index] }
            guard var trial = try trials(configs: [configs[c]], firstTrial: firstTrial + c, round: round, base: base, splitCount: ran,
                                         dataset: dataset, tasks: tasks, inputs: inputs).first else {
                throw CVKitError.invalidArgument("no trial to score")
            }
            trial.droppedAtFold = dropped[c]?.fold
            trial.raceP = dropped[c]?.p
            return trial
        })
    }

    /// The scored trials of `configs` from their `tasks` (in unit order, as `units` lists them).
    public static func trials(configs: [[String: String]], firstTrial: Int, round: Int, base: RunSettings, splitCount: Int, dataset: Dataset,
                              tasks: [TaskResult], inputs knownInputs: Int? = nil) throws -> [TrialResult] {
        let settings = try configs.map { try SearchConfig.apply($0, to: base) }
        let inputs = knownInputs ?? Preprocessing.width(of: dataset, minCategoryCount: base.csv.minCategoryCount)
        return settings.enumerated().map { offset, trialSettings in
            let own = Array(tasks[offset * splitCount..<(offset + 1) * splitCount])
            let metric = base.metric
            // A diverged fold counts as its fallback predictor's score (`FallbackPredictor`).
            let accuracies = own.map { task in
                task.diverged ? nil : task.score(metric, labels: dataset.labels, classCount: dataset.classCount)
            }
            var score = Summary(own.compactMap { $0.score(metric, labels: dataset.labels, classCount: dataset.classCount) })
            if metric.pooledHeadline {
                var truth: [Int32] = [], predicted: [Int32] = [], probabilities: [Float] = []
                for task in own where !task.testRows.isEmpty {
                    truth += task.truth(labels: dataset.labels)
                    predicted += task.predicted
                    probabilities += task.probabilities
                }
                if !truth.isEmpty {
                    score.pooled = Scores(truth: truth, predicted: predicted, probabilities: probabilities, classCount: dataset.classCount).value(metric)
                }
            }
            score.ci95 = score.ci95.map { metric.isRate ? min(max($0, 0), 1) : max($0, 0) }
            let alive = own.filter { !$0.diverged }
            let baseline = own.isEmpty ? 0 : own.map(\.baselineAccuracy).reduce(0, +) / Double(own.count)
            let diagnosis = CrossValidationResults.diagnosis(
                curves: CrossValidationResults.curves(tasks: alive), classCount: dataset.classCount, baseline: baseline,
                diverged: own.count - alive.count, runs: own.count, heldOutIsTest: own.allSatisfy { $0.nValidation == 0 })
            return TrialResult(
                trial: firstTrial + offset + 1, round: round, sampled: configs[offset], config: TrialResult.Config(trialSettings),
                score: score, metric: metric == .accuracy ? nil : metric, foldAccuracies: accuracies,
                divergedFolds: own.filter(\.diverged).count, commandLine: trialSettings.commandLine, diagnosis: diagnosis,
                parameters: { var c = trialSettings.network; c.inputs = inputs; c.classes = dataset.classCount; return c.parameterCount }())
        }
    }
}
