import ArgumentParser
import CVKit

/// `--metric`: the headline of the terminal table and the report.
struct MetricOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The headline metric: accuracy (default), balanced-accuracy, macro-f1, log-loss, roc-auc, pr-auc or brier.",
                               valueName: "name"))
    var metric: String = "accuracy"

    func validate() throws {
        do { _ = try MetricName(parsing: metric) } catch let error as CVKitError { throw ValidationError(error.description) }
    }

    func name() throws -> MetricName { try MetricName(parsing: metric) }
}
