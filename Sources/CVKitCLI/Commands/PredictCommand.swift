import ArgumentParser
import CVKit
import Foundation

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict rows with a model from cvkit fit: one output row per input row.",
        discussion: """
            Writes CSV: the identifier (when the model has one) or the 1-based data row, the predicted class name, \
            and p_<class> per class. When the data has the label column, prints the metrics on stderr. A column the \
            model needs that is missing, or of another kind, is exit 65; a category the model never saw encodes as \
            zeros and is counted.
            Example: cvkit predict penguins.cvkit datasets/penguins.csv --out predictions.csv
            """)

    @Argument(help: ArgumentHelp("The model file.", valueName: "model")) var model: String
    @OptionGroup var dataOptions: DataOptions
    @Option(help: ArgumentHelp("Write the predictions to this file (default: standard output).", valueName: "file")) var out: String?
    @Flag(name: [.customShort("q"), .long], help: "No metrics or notes on stderr.") var quiet = false
    @Flag(help: "Print a JSON summary on stdout (rows, metrics when DATA has the label, unseen categories); needs --out for the predictions.")
    var json = false

    struct PredictJSON: Encodable {
        var rows: Int
        var predictions: String
        var scores: Scores?
        var unseenCategories: [String: Int]
        var unknownLabels: [String]
    }

    func validate() throws {
        if model.isEmpty { throw ValidationError("the model path is empty") }
        if let out, out.isEmpty { throw ValidationError("--out needs a file name") }
        if json && out == nil { throw ValidationError("--json prints a summary on stdout: write the predictions with --out FILE") }
    }

    func run() throws {
        try reportingErrors {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: model)) } catch {
                throw CVKitError.unreadableInput(path: model, reason: FileManager.default.fileExists(atPath: model) ? "cannot be read" : "no such file")
            }
            let file = try ModelFile.decode(data, path: model)
            let base = try dataOptions.csvOptions()
            let header = try CSVLoader.headerNames(path: dataOptions.data, options: base)
            try FinalModel.checkColumns(of: file, header: header, path: dataOptions.data)
            let dataset = try CSVLoader.load(path: dataOptions.data, options: FinalModel.readingOptions(for: file, base: base, header: header))
            let result = try FinalModel.predict(file, on: dataset)
            let classes = file.header.classNames
            var lines = [([SpreadsheetText.field(file.header.identifierName.flatMap { _ in dataset.identifierName } ?? "row"), "predicted"]
                + classes.map { SpreadsheetText.field("p_" + $0) }).joined(separator: ",")]
            for row in 0..<dataset.rowCount {
                let first = result.identifiers.isEmpty ? String(row + 1) : SpreadsheetText.field(result.identifiers[row])
                let p = result.probabilities[row * classes.count..<(row + 1) * classes.count].map(\.description)
                lines.append(([first, SpreadsheetText.field(classes[Int(result.predicted[row])])] + p).joined(separator: ","))
            }
            let text = Data((lines.joined(separator: "\n") + "\n").utf8)
            if let out { try AtomicFile.write(text, to: out) } else { FileHandle.standardOutput.write(text) }
            if json, let out {
                try JSONOutput.print(PredictJSON(rows: dataset.rowCount, predictions: out, scores: result.scores, unseenCategories: result.unseen,
                                                 unknownLabels: result.unknownLabels))
            }
            guard !quiet else { return }
            for (column, count) in result.unseen.sorted(by: { $0.key < $1.key }) {
                Standard.error("cvkit: note: \(count) row\(count == 1 ? "" : "s") of column \"\(column)\" \(count == 1 ? "holds" : "hold") a category the model never saw (encoded as zeros)")
            }
            if !result.unknownLabels.isEmpty {
                Standard.error("cvkit: note: labels the model does not know (" + result.unknownLabels.prefix(5).joined(separator: ", ") + "): no metrics")
            }
            if let s = result.scores {
                func f(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 4) } ?? "—" }
                Standard.error("predict on \(dataOptions.data): \(dataset.rowCount) rows with labels · accuracy \(f(s.accuracy)) · balanced accuracy \(f(s.balancedAccuracy)) · "
                    + "macro-F1 \(f(s.macroF1)) · log loss \(f(s.logLoss)) · ROC AUC \(f(s.rocAuc)) · Brier \(f(s.brier))")
            }
            if let out { Standard.error("predictions: \(out) (\(dataset.rowCount) rows)") }
        }
    }
}
