import ArgumentParser
import CVKit
import Foundation

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Train the final model on every row and save it (docs/model-format.md).",
        discussion: """
            The preprocessing is fitted on all rows, the network trained on all of them with the same seed rules \
            as a run; the file holds the schema, the preprocessing, the classes, the network and training \
            specification, the training curve and the weights. Use it with cvkit predict.
            Example: cvkit fit datasets/penguins.csv --label species --out penguins.cvkit
            """)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var model: ModelOptions
    @Option(help: ArgumentHelp("The model file to write.", valueName: "file")) var out: String
    @Flag(help: "Overwrite the model file if it exists.") var force = false
    @Option(help: "Seed for the initial weights and the batch order.") var seed: UInt64 = 0
    @Flag(help: "Print the model's header as JSON instead of the summary.") var json = false
    @Flag(name: [.customShort("q"), .long], help: "No per-epoch lines on stderr.") var quiet = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a file name") }
        if model.stopsEarly { throw ValidationError("--patience needs a validation part: fit trains on every row") }
    }

    func run() throws {
        try reportingErrors {
            if !force, FileManager.default.fileExists(atPath: out) {
                throw CVKitError.invalidArgument("\(out) exists; pass --force to replace it")
            }
            try OutputPath.checkCreatable(out)
            let settings = RunSettings(scheme: .kfold, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(),
                                       network: try model.network(), training: try model.training(), seed: seed)
            let dataset = try CSVLoader.load(path: settings.dataPath, options: settings.csv)
            let file = try FinalModel.fit(dataset, settings: settings) { record in
                if !quiet {
                    Standard.status(String(format: "epoch %d: training loss %.4f, accuracy %.4f", record.epoch, record.trainLoss, record.trainAccuracy))
                }
            }
            if !quiet { Standard.endStatus() }
            try AtomicFile.write(try file.encoded(), to: out)
            if json {
                FileHandle.standardOutput.write(try ReportJSON.encode(file.header))
                return
            }
            let last = file.header.curve.last
            print("fit on \(dataOptions.data): \(dataset.rowCount) rows, \(file.header.network.inputs) inputs after preprocessing, \(dataset.classCount) classes")
            print("  \(file.header.curve.count) epochs; final training loss \(NumberFormat.fixed(last?.trainLoss ?? .nan, 4)), "
                + "accuracy \(NumberFormat.fixed(last?.trainAccuracy ?? .nan, 4)) (on the training rows: cvkit kfold estimates new data)")
            print("model: \(out) (\(NumberText.grouped(file.header.parameterCount)) parameters)")
        }
    }
}
