import ArgumentParser
import CVKit

struct KFoldCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "kfold",
        abstract: "K-fold cross-validation: what accuracy to expect, with what uncertainty.",
        discussion: """
            Trains the network on each training part (standardized on that part only) and scores it on the \
            held-out fold. Prints per-fold scores, the mean ± sd and a 95 % t-interval, and writes a report \
            folder (report.md, results.json, predictions.csv, charts).
            Example: cvkit kfold datasets/iris.csv --k 10
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(name: [.customShort("k"), .long], help: "Number of folds.") var k: Int = 10
    @Option(help: "Repeat K-fold with a new shuffle each time.") var repeats: Int = 1
    @Flag(help: "Plain K-fold: do not keep class proportions in each fold.") var noStratify = false
    @Option(help: ArgumentHelp("Group K-fold on this column: no group in two folds, class shares as even as whole groups allow (--no-stratify: fold sizes only). The column is not a feature.", valueName: "column"))
    var groups: String?
    @Flag(help: "Identical rows (same features) share a group, so no test row has an exact twin in its training part.")
    var groupDuplicates = false
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if let problem = KFold.problem(k: k, repeats: repeats) { throw ValidationError(problem) }
        if groupDuplicates && groups != nil { throw ValidationError("--group-duplicates and --groups both choose the groups: use one") }
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        var settings = RunSettings(
            scheme: .kfold, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), groups: groups, k: k, repeats: repeats,
            stratified: !noStratify, network: try model.network(), training: try model.training(), seed: execution.seed, metric: try metric.name())
        settings.groupDuplicates = groupDuplicates
        settings.validationFraction = model.valFraction
        return .crossValidation(CrossValidationExperiment(settings: settings))
    }
}
