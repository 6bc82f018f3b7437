import ArgumentParser
import CVKit
import Foundation

struct SanityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanity",
        abstract: "Checks that training is sane before you spend hours on it.",
        discussion: """
            Six checks on the training part only (a stratified 20 % holdout is set aside first): initial loss ≈ ln C, \
            l2 raises the loss, analytic gradients match numeric ones (Float64), a tiny subset can be memorized, a \
            learning-rate sweep, and BatchNorm statistics. Prints a table and writes sanity.md, sanity.json and \
            lr-sweep.svg. Exit status 0 when every check passes, 1 when any fails.
            The model flags are kfold's; --epochs and --lr-decay are accepted but no check uses them.
            Example: cvkit sanity datasets/wine.csv --seed 1
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Rows of the tiny stratified subset the network must memorize.") var subset: Int = 20
    @Option(help: "The most epochs the network gets to memorize the subset.") var overfitEpochs: Int = 300
    @Option(help: "Epochs at each rate of the learning-rate sweep.") var sweepEpochs: Int = 3
    @OptionGroup var model: ModelOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if subset < 2 { throw ValidationError("--subset must be at least 2 (got \(subset))") }
        if overfitEpochs < 1 { throw ValidationError("--overfit-epochs must be at least 1 (got \(overfitEpochs))") }
        if sweepEpochs < 1 { throw ValidationError("--sweep-epochs must be at least 1 (got \(sweepEpochs))") }
        if model.stopsEarly { throw ValidationError("--patience does not apply to sanity: no check trains to convergence") }
        if execution.resume { throw ValidationError("--resume does not apply to sanity: it keeps no journal") }
    }

    func run() throws {
        try reportingErrors {
            let settings = SanitySettings(
                dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), network: try model.network(), training: try model.training(),
                seed: execution.seed, subset: subset, overfitEpochs: overfitEpochs, sweepEpochs: sweepEpochs)
            let dataset = try CSVLoader.load(path: settings.dataPath, options: settings.csv)
            var done = 0
            var results = try SanityRunner.run(dataset: dataset, settings: settings) { check in
                done += 1
                if !execution.quiet { Standard.status("[\(done)/\(SanityCheckName.allCases.count)] \(check.name): \(check.passed ? "pass" : "FAIL")") }
            }
            if !execution.quiet { Standard.endStatus() }
            let folder = execution.reportDir + "/" + settings.reportFolderName
            try SanityReportWriter.write(results, folder: folder)
            if execution.json {
                results.reportDir = folder
                FileHandle.standardOutput.write(try ReportJSON.encode(results))
            } else {
                print(SanityText.render(results, folder: folder))
            }
            if !results.passed { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
