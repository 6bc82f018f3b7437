import ArgumentParser
import CVKit
import Foundation

struct NestedCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "nested",
        abstract: "Nested cross-validation: an honest estimate of tuning and training together.",
        discussion: """
            Each outer fold searches hyperparameters with inner K-fold CV on its training rows only, retrains the \
            best on them, and scores it once on its test rows. Reports the nested estimate and the optimism of the \
            best inner scores.
            Example: cvkit nested datasets/wine.csv --outer 5 --inner 3 --trials 20
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Outer folds (the estimate).") var outer: Int = 5
    @Option(help: "Inner folds (scoring each trial).") var inner: Int = 3
    @Flag(help: "Plain K-fold for both levels.") var noStratify = false
    @OptionGroup var searchOptions: SearchOptions
    @Option(help: ArgumentHelp("random or grid: the search inside each outer fold.", valueName: "method")) var method: String = "random"
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @Option(help: ArgumentHelp("Run the same search on every row (as the inner loop did on each outer training part), fit its winner on every row and write the model here.",
                               valueName: "file"))
    var refitOut: String?
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if let problem = KFold.problem(k: outer, kName: "--outer") ?? KFold.problem(k: inner, kName: "--inner") { throw ValidationError(problem) }
        if method != "random" && method != "grid" { throw ValidationError("--method must be random or grid: nested runs one search inside each outer fold (got \(method))") }
        if let refitOut, refitOut.isEmpty { throw ValidationError("--refit-out needs a file name") }
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        var base = RunSettings(scheme: .kfold, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), k: inner, stratified: !noStratify,
                               network: try model.network(), training: try model.training(), seed: execution.seed, metric: try metric.name())
        base.validationFraction = model.valFraction
        var nested = NestedCrossValidation(
            base: base, outerK: outer, innerK: inner, space: try searchOptions.checkedSpace(base: base),
            method: HyperparameterSearch.Method(rawValue: method) ?? .random, trials: searchOptions.trials)
        nested.selection = searchOptions.selection
        nested.racing = try searchOptions.racing(k: inner)
        return .nested(nested, refitOut: refitOut)
    }
}
