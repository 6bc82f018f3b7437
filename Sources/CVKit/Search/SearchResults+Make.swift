extension SearchResults {
    public static func make(search: HyperparameterSearch, dataset: Dataset, trials: [TrialResult], rounds: [Round], warnings: [String]) -> SearchResults {
        let sorted = trials.sorted(by: TrialScoring.better)
        let top = TrialScoring.select(trials, rule: search.selection)
        let close = TrialScoring.withinOneSE(trials)
        let best = Best(
            trial: top?.trial ?? 0, config: top?.config ?? TrialResult.Config(search.base), score: top?.score ?? Summary([]),
            commandLine: top?.commandLine ?? search.base.commandLine)
        var notes = warnings
        let diverging = trials.filter { $0.divergedFolds > 0 }
        if !diverging.isEmpty {
            notes.append("\(diverging.count) of \(trials.count) trials had diverged folds (each scored as the majority-class predictor of its training part): trials \(diverging.prefix(10).map { String($0.trial) }.joined(separator: ", "))\(diverging.count > 10 ? ", …" : "").")
        }
        let dropped = trials.filter { $0.droppedAtFold != nil }
        if !dropped.isEmpty {
            let saved = dropped.reduce(0) { $0 + search.base.k - ($1.droppedAtFold ?? search.base.k) }
            notes.append("Racing dropped \(dropped.count) of \(trials.count) configurations before their last fold (a one-sided ANOVA test at α = "
                + "\(search.racing.map { Shell.number($0.alpha) } ?? "?"), after ≥ \(search.racing?.minFolds ?? 0) folds), sparing \(saved) of \(trials.count * search.base.k) trainings; "
                + "their scores cover only the folds they ran, and none of them can be chosen.")
        }
        if close.count > 1 {
            notes.append("\(close.count) of \(trials.count) trials lie within one standard error of the best (\(search.selection == .oneSE ? "the simplest of them was chosen, --select one-se" : "ties are broken by fewer diverged folds, fewer parameters, stronger l2, smaller lr, then trial number; --select one-se picks the simplest of them")).")
        }
        return SearchResults(
            command: "search", cvkitVersion: CVKitVersion.current, commandLine: search.commandLine, data: CrossValidationResults.DataInfo(dataset, path: search.base.dataPath),
            method: search.method.rawValue, k: search.base.k, seed: search.base.seed, space: search.space.description,
            rounds: rounds, trials: sorted, best: best, warnings: notes, refitModel: nil, withinOneSE: close.count, selection: search.selection.rawValue)
    }
}
