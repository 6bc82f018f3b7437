extension SearchResults {
    public static func make(search: HyperparameterSearch, dataset: Dataset, trials: [TrialResult], rounds: [Round], warnings: [String]) -> SearchResults {
        let sorted = trials.sorted(by: TrialScoring.better)
        let top = sorted.first
        let best = Best(
            trial: top?.trial ?? 0, config: top?.config ?? TrialResult.Config(search.base), score: top?.score ?? Summary([]),
            commandLine: top?.commandLine ?? search.base.commandLine)
        var notes = warnings
        let diverging = trials.filter { $0.divergedFolds > 0 }
        if !diverging.isEmpty {
            notes.append("\(diverging.count) of \(trials.count) trials had diverged folds (counted as accuracy 0): trials \(diverging.prefix(10).map { String($0.trial) }.joined(separator: ", "))\(diverging.count > 10 ? ", …" : "").")
        }
        return SearchResults(
            command: "search", cvkitVersion: CVKitVersion.current, commandLine: search.commandLine, data: CrossValidationResults.DataInfo(dataset, path: search.base.dataPath),
            method: search.method.rawValue, k: search.base.k, seed: search.base.seed, space: search.space.description,
            rounds: rounds, trials: sorted, best: best, warnings: notes)
    }
}
