import Foundation

/// Writes a run's report folder: `report.md`, `results.json`, `predictions.csv`, the SVG charts
/// and `timings.json`, each whole or not at all (`AtomicFile`).
public enum CrossValidationReportWriter {
    /// Wall-clock facts, kept out of the files whose bytes must repeat.
    public struct Timings: Sendable, Codable, Equatable {
        public var wallSeconds: Double
        public var jobs: Int
        public var resumedTasks: Int
        public var taskSeconds: [Double]
        public var trainingSamples: Int
        public init(wallSeconds: Double, jobs: Int, resumedTasks: Int, taskSeconds: [Double], trainingSamples: Int) {
            self.wallSeconds = wallSeconds
            self.jobs = jobs
            self.resumedTasks = resumedTasks
            self.taskSeconds = taskSeconds
            self.trainingSamples = trainingSamples
        }
    }

    public static func write(results: CrossValidationResults, tasks: [TaskResult], dataset: Dataset, folder: String, timings: Timings) throws {
        try AtomicFile.write(Data(CrossValidationMarkdown.render(results).utf8), to: folder + "/report.md")
        try AtomicFile.write(ReportJSON.encode(results), to: folder + "/results.json")
        try AtomicFile.write(Data(predictionsCSV(tasks: tasks, dataset: dataset).utf8), to: folder + "/predictions.csv")
        try AtomicFile.write(Data(learningCurves(results).utf8), to: folder + "/learning-curves.svg")
        try AtomicFile.write(
            Data(SVGCharts.confusion(classNames: results.data.classes.map(\.name), counts: results.confusion, title: "Confusion matrix (pooled out-of-fold)").utf8),
            to: folder + "/confusion.svg")
        if results.command != "split" {
            try AtomicFile.write(Data(foldsChart(results).utf8), to: folder + "/folds.svg")
        }
        try AtomicFile.write(ReportJSON.encode(timings), to: folder + "/timings.json")
    }

    /// `row,repeat,fold,true,predicted,p_<class>…`, ordered by repeat, then row; fields quoted per RFC 4180.
    static func predictionsCSV(tasks: [TaskResult], dataset: Dataset) -> String {
        var lines = [(["row", "repeat", "fold", "true", "predicted"] + dataset.classNames.map { "p_" + $0 }).map(csvField).joined(separator: ",")]
        var rows: [(repetition: Int, row: Int, line: String)] = []
        let classes = dataset.classCount
        for task in tasks where !task.diverged {
            for (position, row) in task.testRows.enumerated() {
                let probabilities = task.probabilities[position * classes..<(position + 1) * classes].map { "\($0)" }
                let fields = [String(row), String(task.repetition), String(task.fold), csvField(dataset.classNames[Int(dataset.labels[row])]),
                              csvField(dataset.classNames[Int(task.predicted[position])])] + probabilities
                rows.append((task.repetition, row, fields.joined(separator: ",")))
            }
        }
        rows.sort { ($0.repetition, $0.row) < ($1.repetition, $1.row) }
        lines += rows.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func learningCurves(_ r: CrossValidationResults) -> String {
        let epochs = r.curves.map(\.epoch)
        func series(_ name: String, _ path: KeyPath<CrossValidationResults.CurvePoint, CrossValidationResults.Band?>) -> BandSeries {
            BandSeries(name: name, mean: r.curves.map { $0[keyPath: path]?.mean ?? .nan },
                       lower: r.curves.map { $0[keyPath: path]?.min ?? .nan }, upper: r.curves.map { $0[keyPath: path]?.max ?? .nan })
        }
        let heldOut = r.command == "split" ? "validation" : "held-out fold"
        return SVGCharts.learningCurves(
            epochs: epochs, loss: [series("training", \.trainLoss), series(heldOut, \.heldOutLoss)],
            accuracy: [series("training", \.trainAccuracy), series(heldOut, \.heldOutAccuracy)],
            title: "Learning curves: \(r.command) on \(r.data.path.split(separator: "/").last.map(String.init) ?? r.data.path)")
    }

    static func foldsChart(_ r: CrossValidationResults) -> String {
        let repeated = r.protocol.repeats > 1
        let labels = r.folds.map { repeated ? "r\($0.repetition + 1) f\($0.fold + 1)" : "\($0.fold + 1)" }
        return SVGCharts.folds(
            labels: labels, scores: r.folds.map(\.accuracy), mean: r.summary.accuracy.mean, interval: r.summary.accuracy.ci95,
            baseline: r.summary.baselineAccuracy, title: "Test accuracy per fold (mean and 95 % interval)", yLabel: "accuracy")
    }
}

/// The JSON encoding of every file and `--json` output: sorted keys, pretty, slashes unescaped,
/// so the bytes are stable.
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Reports keep non-finite numbers out (diverged folds have null scores); should one slip
        // through, it is written as a string rather than failing the whole report.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
