import ArgumentParser
import CVKit
import Foundation

struct SearchCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Hyperparameter search (random on a log scale, grid, coarse-to-fine), each trial scored by K-fold CV.",
        discussion: """
            Every trial trains on the same stratified K-fold splits. The report ranks the trials, charts the score \
            against each numeric parameter, and gives the best configuration as a command to paste.
            Example: cvkit search datasets/wine.csv --trials 20 --k 5 --space 'lr=log(1e-4,1e-1) l2=log(1e-6,1e-2)'
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(name: [.customShort("k"), .long], help: "Folds scoring each trial.") var k: Int = 5
    @OptionGroup var searchOptions: SearchOptions
    @Option(help: ArgumentHelp("random, grid or coarse-to-fine.", valueName: "method")) var method: String = "random"
    @Option(help: "Coarse-to-fine: rounds of random search, each of --trials configurations.") var rounds: Int = 3
    @Option(help: "Coarse-to-fine: the best fraction of a round that the next round's ranges are narrowed around.") var keep: Double = 0.25
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @Option(help: ArgumentHelp("Fit the best configuration on every row and write the model here (see cvkit predict).", valueName: "file"))
    var refitOut: String?
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if let problem = KFold.problem(k: k) { throw ValidationError(problem) }
        if HyperparameterSearch.Method(rawValue: method) == nil { throw ValidationError("--method must be random, grid or coarse-to-fine (got \(method))") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1 (got \(rounds))") }
        if !(keep > 0 && keep <= 1) { throw ValidationError("--keep must be in (0, 1] (got \(keep))") }
        if let refitOut, refitOut.isEmpty { throw ValidationError("--refit-out needs a file name") }
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        var base = RunSettings(scheme: .kfold, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), k: k,
                               network: try model.network(), training: try model.training(), seed: execution.seed, metric: try metric.name())
        base.validationFraction = model.valFraction
        return .search(try searchOptions.search(base: base, method: HyperparameterSearch.Method(rawValue: method) ?? .random, rounds: rounds, keep: keep),
                       refitOut: refitOut)
    }
}
