import ArgumentParser
import CVKit

struct LOOCVCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "loocv",
        abstract: "Leave-one-out cross-validation: n trainings, each tested on one row (small data sets).",
        discussion: """
            The accuracy interval is a Wilson score interval over the n predictions.
            Example: cvkit loocv datasets/iris.csv
            """)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        var settings = RunSettings(
            scheme: .loocv, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), network: try model.network(),
            training: try model.training(), seed: execution.seed, metric: try metric.name())
        settings.validationFraction = model.valFraction
        return .crossValidation(CrossValidationExperiment(settings: settings))
    }
}
