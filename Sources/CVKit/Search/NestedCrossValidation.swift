import Foundation

/// Nested cross-validation: an honest estimate of "tune, then train" as a whole.
///
/// For each outer fold: the search runs on the outer training rows only, each trial scored by
/// inner K-fold CV on those rows (`NestedSplits`); the best configuration is retrained on all
/// outer training rows and scored once on the outer test rows, which no choice has seen. The mean
/// of those outer scores estimates the accuracy of the tuning procedure; the best inner scores
/// overstate it (they are maxima over trials), and the gap is the optimism nested CV removes.
/// Trials of outer fold `o` are drawn from `derive(seed, [11, o, t])`. Methods: random and grid.
public struct NestedCrossValidation: Sendable, Equatable, Codable {
    public var base: RunSettings
    public var outerK: Int
    public var innerK: Int
    public var space: SearchSpace
    public var method: HyperparameterSearch.Method
    public var trials: Int
    /// How each outer fold's winner is chosen (`--select`).
    public var selection: TrialScoring.Selection = .best
    /// Racing inside each outer fold's search (`--race`); nil runs every trial on every inner fold.
    public var racing: Racing?

    public init(base: RunSettings, outerK: Int, innerK: Int, space: SearchSpace, method: HyperparameterSearch.Method, trials: Int) {
        self.base = base
        self.outerK = outerK
        self.innerK = innerK
        self.space = space
        self.method = method
        self.trials = trials
    }

    public var commandLine: String {
        var extra = ["--outer", String(outerK), "--inner", String(innerK), "--method", method.rawValue, "--space", Shell.quote(space.description)]
        if method != .grid { extra += ["--trials", String(trials)] }
        if selection != .best { extra += ["--select", selection.rawValue] }
        if let racing { extra += ["--race", "--race-min-folds", String(racing.minFolds), "--race-alpha", Shell.number(racing.alpha)] }
        let rest = base.commandLine.dropFirst("cvkit kfold".count).replacingOccurrences(of: " --k \(base.k) --repeats 1", with: "")
        return "cvkit nested" + rest + " " + extra.joined(separator: " ")
    }

    func configs(outer: Int) throws -> [[String: String]] {
        switch method {
        case .grid: return try space.grid()
        case .random:
            return (0..<trials).map { trial in
                var random = RandomSource(seed: RandomSource.derive(base.seed, [11, UInt64(outer), UInt64(trial)]))
                return space.sample(&random)
            }
        case .coarseToFine:
            throw CVKitError.invalidArgument("nested cross-validation runs random or grid search inside each outer fold; use --method random or grid")
        }
    }

    public func taskCount() throws -> Int { outerK * (try configs(outer: 0).count) * innerK + outerK }

}

extension NestedCrossValidation: Experiment {
    /// Two phases: the inner searches of every outer fold (independent of each other), then the
    /// refit of each outer fold's winner on its outer training part, scored on its outer test part.
    /// Unit index: outer fold o's inner units from o × (trials × inner k); the refits after all of them.
    public func step(dataset: Dataset, finished: [Int: TaskResult]) throws -> ExperimentStep<NestedResults> {
        let outer = KFold(k: outerK, stratified: base.stratified, seed: base.seed)
        let inner = KFold(k: innerK, stratified: base.stratified, seed: base.seed)
        let nested = try NestedSplits.make(outer: outer, inner: inner, labels: dataset.labels)
        let perOuter = try configs(outer: 0).count * innerK
        var chosen: [(trial: TrialResult, all: [TrialResult])] = []
        var needed: [ExperimentRunner.Unit] = []
        for (index, item) in nested.enumerated() {
            let configs = try configs(outer: index)
            let step: ExperimentStep<[TrialResult]>
            if let racing {
                step = try TrialScoring.race(configs: configs, firstTrial: 0, round: 1, base: base, splits: item.inner, dataset: dataset,
                                             indexOffset: index * perOuter, racing: racing, finished: finished)
            } else {
                let units = try TrialScoring.units(configs: configs, firstTrial: 0, base: base, splits: item.inner, dataset: dataset,
                                                   indexOffset: index * perOuter)
                step = try ExperimentStep.collect(units, finished) { tasks in
                    try TrialScoring.trials(configs: configs, firstTrial: 0, round: 1, base: base, splitCount: item.inner.count, dataset: dataset, tasks: tasks)
                }
            }
            switch step {
            case .needs(let missing): needed += missing
            case .done(let scored):
                guard let best = TrialScoring.select(scored, rule: selection) else { throw CVKitError.invalidArgument("no trials to choose from") }
                chosen.append((best, scored.sorted(by: TrialScoring.better)))
            }
        }
        if !needed.isEmpty { return .needs(needed) }
        let refitBase = outerK * perOuter
        let units = try nested.enumerated().map { index, item in
            ExperimentRunner.Unit(index: refitBase + index,
                                  runner: TaskRunner(dataset: dataset, settings: try SearchConfig.apply(chosen[index].trial.sampled, to: base)),
                                  split: item.outer)
        }
        return try ExperimentStep.collect(units, finished) { refits in try assemble(dataset: dataset, chosen: chosen, refits: refits) }
    }

    private func assemble(dataset: Dataset, chosen: [(trial: TrialResult, all: [TrialResult])], refits: [TaskResult]) throws -> NestedResults {
        let metric = base.metric
        let folds = try zip(chosen, refits).enumerated().map { index, pair in
            let refit = pair.1
            // A diverged refit is scored as its fallback predictor (`FallbackPredictor`).
            let accuracy = refit.score(.accuracy, labels: dataset.labels, classCount: dataset.classCount) ?? refit.baselineAccuracy
            guard let outer = refit.score(metric, labels: dataset.labels, classCount: dataset.classCount) else {
                throw CVKitError.invalidArgument("\(metric.title) is undefined on outer fold \(index + 1) (its test part lacks a class): "
                    + "use fewer outer folds (--outer) or another --metric")
            }
            return NestedResults.OuterFold(
                fold: index, config: pair.0.trial.config, sampled: pair.0.trial.sampled, innerScore: TrialScoring.objective(pair.0.trial),
                innerSD: pair.0.trial.score.sd, outerScore: outer, outerDiverged: refit.diverged,
                nTrain: refit.nTrain, nTest: refit.nTest, trialsTried: pair.0.all.count, outerAccuracy: metric == .accuracy ? nil : accuracy,
                racedOut: racing == nil ? nil : pair.0.all.filter { $0.droppedAtFold != nil }.count)
        }
        return NestedResults.make(nested: self, dataset: dataset, folds: folds)
    }
}

/// What `cvkit nested` found: `results.json` and the source of its report.
public struct NestedResults: Sendable, Equatable, Codable {
    public struct OuterFold: Sendable, Equatable, Codable {
        public var fold: Int
        public var config: TrialResult.Config
        public var sampled: [String: String]
        /// The chosen configuration's inner-CV score in the run's metric (accuracy unless `--metric`):
        /// the best of the trials (`TrialScoring.objective`).
        public var innerScore: Double
        public var innerSD: Double
        /// Its score in the metric on the outer test rows after retraining on all outer training rows
        /// (the fallback predictor's score if the refit diverged).
        public var outerScore: Double
        public var outerDiverged: Bool
        public var nTrain: Int
        public var nTest: Int
        public var trialsTried: Int
        /// Its outer accuracy, when the metric is another one.
        public var outerAccuracy: Double?
        /// Racing: the inner configurations the race dropped before their last inner fold (nil without racing).
        public var racedOut: Int?
    }

    /// How much the chosen value of a parameter moves between outer folds.
    public struct Stability: Sendable, Equatable, Codable {
        public var parameter: String
        public var values: [String]
        /// For numeric parameters: max/min ratio of the chosen values (log parameters) or their range.
        public var spread: String
    }

    public struct SummaryInfo: Sendable, Equatable, Codable {
        /// The nested estimate of accuracy (outer test accuracy over the outer folds).
        public var accuracy: Summary
        /// The best inner scores, in the run's metric.
        public var innerBest: Summary
        /// With `--metric`: the nested estimate in that metric, and its name.
        public var score: Summary?
        public var headline: String?
    }

    public var command: String
    public var cvkitVersion: String
    public var commandLine: String
    public var data: CrossValidationResults.DataInfo
    public var outerK: Int
    public var innerK: Int
    public var method: String
    public var trials: Int
    public var space: String
    public var seed: UInt64
    public var outer: [OuterFold]
    public var summary: SummaryInfo
    /// Mean best inner score minus mean outer score: how much tuning on the same folds overstates.
    public var optimism: Double
    public var stability: [Stability]
    public var warnings: [String]
    /// With `--refit-out`: the search run again on every row, its winner fitted on every row.
    public var refit: Refit?

    public struct Refit: Sendable, Equatable, Codable {
        public var model: String
        public var sampled: [String: String]
        public var commandLine: String

        public init(model: String, sampled: [String: String], commandLine: String) {
            self.model = model
            self.sampled = sampled
            self.commandLine = commandLine
        }
    }

    static func make(nested: NestedCrossValidation, dataset: Dataset, folds: [OuterFold]) -> NestedResults {
        let metric = nested.base.metric
        let accuracy = Summary(folds.map { $0.outerAccuracy ?? $0.outerScore })
        let inner = Summary(folds.map(\.innerScore))
        var clipped = accuracy
        clipped.ci95 = accuracy.ci95.map { Swift.min(Swift.max($0, 0), 1) }
        var score: Summary?
        if metric != .accuracy {
            var s = Summary(folds.map(\.outerScore))
            s.ci95 = s.ci95.map { metric.isRate ? Swift.min(Swift.max($0, 0), 1) : Swift.max($0, 0) }
            score = s
        }
        let outerMean = score?.mean ?? accuracy.mean
        // How much the best inner score flatters the procedure (for a loss, the inner loss is the lower one).
        let optimism = metric.lowerIsBetter ? outerMean - inner.mean : inner.mean - outerMean
        let stability = nested.space.parameters.map { parameter -> Stability in
            let values = folds.map { $0.sampled[parameter.name] ?? "" }
            let numbers = values.compactMap(Double.init)
            var spread = "\(Set(values).count) distinct value\(Set(values).count == 1 ? "" : "s") over \(folds.count) folds"
            if parameter.distribution.isNumeric, let low = numbers.min(), let high = numbers.max() {
                spread = parameter.distribution.isLogScale && low > 0
                    ? "max/min = \(SearchConfig.format(high / low))" : "range \(SearchConfig.format(high - low))"
            }
            return Stability(parameter: parameter.name, values: values, spread: spread)
        }
        var warnings: [String] = []
        let diverged = folds.filter(\.outerDiverged)
        if !diverged.isEmpty {
            warnings.append("\(diverged.count) outer refit\(diverged.count == 1 ? "" : "s") diverged and \(diverged.count == 1 ? "is" : "are") scored as the majority-class "
                + "predictor of \(diverged.count == 1 ? "its" : "their") outer training part (mlr3's fallback learner).")
        }
        return NestedResults(
            command: "nested", cvkitVersion: CVKitVersion.current, commandLine: nested.commandLine, data: CrossValidationResults.DataInfo(dataset, path: nested.base.dataPath),
            outerK: nested.outerK, innerK: nested.innerK, method: nested.method.rawValue, trials: folds.first?.trialsTried ?? nested.trials,
            space: nested.space.description, seed: nested.base.seed, outer: folds,
            summary: SummaryInfo(accuracy: clipped, innerBest: inner, score: score, headline: metric == .accuracy ? nil : metric.rawValue),
            optimism: optimism, stability: stability, warnings: warnings)
    }
}
