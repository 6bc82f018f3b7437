import ArgumentParser
import CVKit

struct SplitCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "One train/validation/test split: early stopping on validation, the test part scored once.",
        discussion: """
            Trains on the training part, keeps the weights of the epoch with the lowest validation loss \
            (--patience, default 10), and touches the test part exactly once, at the end.
            Example: cvkit split datasets/wine.csv --val 0.15 --test 0.15 --epochs 100
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Fraction of rows for validation, in (0, 1).") var val: Double = 0.15
    @Option(help: "Fraction of rows for the test, in (0, 1).") var test: Double = 0.15
    @Flag(help: "Do not keep class proportions in each part.") var noStratify = false
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        guard val > 0, val < 1, test > 0, test < 1, val + test < 1 else {
            throw ValidationError("--val and --test must be in (0, 1) and sum to less than 1 (got \(val) and \(test))")
        }
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        let settings = RunSettings(
            scheme: .split, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), stratified: !noStratify, validation: val, test: test,
            network: try model.network(), training: try model.training(defaultPatience: 10), seed: execution.seed, metric: try metric.name())
        return .crossValidation(CrossValidationExperiment(settings: settings))
    }
}
