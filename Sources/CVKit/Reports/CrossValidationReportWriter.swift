import Foundation

/// Writes a run's report folder: `report.md`, `results.json`, `predictions.csv`, the SVG charts
/// and `timings.json`, as one set written whole or not at all (`ReportFiles`).
public enum CrossValidationReportWriter {
    /// Wall-clock facts, kept out of the files whose bytes must repeat.
    public struct Timings: Sendable, Codable, Equatable {
        public var wallSeconds: Double
        public var jobs: Int
        public var resumedTasks: Int
        public var taskSeconds: [Double]
        /// Rows × epochs trained, summed over the tasks (resumed ones included).
        public var trainingSamples: Int
        /// Wall time of the training phase, from making the splits to the last task's end (loading,
        /// the metrics and the report excluded): with `trainingSamples`, the run's training
        /// throughput. nil unless this process trained every task (a resumed or merged run: the
        /// time would not cover all of `trainingSamples`).
        public var trainingSeconds: Double?
        /// The BLAS kernels that ran the products (`BLASKernels.coreName`, e.g. "Haswell"): they
        /// decide the last bits of every number, so runs on two machines are comparable bit for
        /// bit only when this agrees. nil on Accelerate.
        public var blasKernels: String?
        public init(wallSeconds: Double, jobs: Int, resumedTasks: Int, taskSeconds: [Double], trainingSamples: Int,
                    trainingSeconds: Double? = nil, blasKernels: String? = BLASKernels.coreName) {
            self.wallSeconds = wallSeconds
            self.jobs = jobs
            self.resumedTasks = resumedTasks
            self.taskSeconds = taskSeconds
            self.trainingSamples = trainingSamples
            self.trainingSeconds = trainingSeconds
            self.blasKernels = blasKernels
        }
    }

    /// Writes the whole folder as one set (`ReportFiles`): if any file cannot be written, none of
    /// them appears. `sink` is the file system unless a test injects a failing one.
    public static func write(results: CrossValidationResults, tasks: [TaskResult], dataset: Dataset, folder: String, timings: Timings,
                             sink: FileSink = DiskSink()) throws {
        var files = ReportFiles()
        files.add(CrossValidationMarkdown.render(results), to: folder + "/report.md")
        files.add(try ReportJSON.encode(results), to: folder + "/results.json")
        files.add(streaming: predictionsCSV(tasks: tasks, dataset: dataset), to: folder + "/predictions.csv")
        files.add(learningCurves(results), to: folder + "/learning-curves.svg")
        files.add(SVGCharts.confusion(classNames: results.data.classes.map(\.name), counts: results.confusion, title: "Confusion matrix (pooled out-of-fold)"),
                  to: folder + "/confusion.svg")
        if results.command != "split" { files.add(foldsChart(results), to: folder + "/folds.svg") }
        for (name, chart) in probabilityCharts(tasks: tasks, dataset: dataset) { files.add(chart, to: folder + "/" + name) }
        files.add(try ReportJSON.encode(timings), to: folder + "/timings.json")
        try files.write(sink: sink)
    }

    /// `row[,<identifier>],repeat,fold,true,predicted,p_<class>…`, ordered by repeat, then row, to join
    /// back to the data without work: `row` is the data row counted from 0 as pandas indexes a data
    /// frame (the header line is not counted; this is the first round's contract, which `cvkit folds`
    /// shares), the identifier column (when the data has one, under its own name) its text, `repeat`
    /// and `fold` count from 1 as the report does, `true` and `predicted` are class names and
    /// `p_<class>` the probability of each class, in the order of `results.json`'s `data.classes`.
    /// Every text from the data (identifier, class names, headers) goes through `SpreadsheetText`:
    /// CSV-quoted, markup characters escaped, and a leading `=`, `+`, `-` or `@` neutralized.
    ///
    /// Streamed (`ReportFiles.add(streaming:to:)`) in pieces of about 1 MiB, each number's text
    /// appended as it is made: the predictions of a million rows are never held as one text (they
    /// were 50 MB, twice, on a 1,000,000-row table). Each `p_<class>` is Swift's shortest text that
    /// reads back as the same Float (`Float.description`).
    /// `pieceSize`: bytes gathered before they are handed on (tests make it small).
    static func predictionsCSV(tasks: [TaskResult], dataset: Dataset, pieceSize: Int = 1 << 20) -> ByteProducer {
        return { emit in
            let classes = dataset.classCount
            var out = [UInt8]()
            out.reserveCapacity(pieceSize + 4096)
            let identifiers = dataset.identifierName.map { _ in dataset.identifiers } ?? []
            let names = dataset.classNames.map(SpreadsheetText.field)
            let header = ["row"] + (identifiers.isEmpty ? [] : [SpreadsheetText.field(dataset.identifierName ?? "id")]) + ["repeat", "fold", "true", "predicted"]
                + dataset.classNames.map { SpreadsheetText.field("p_" + $0) }
            out.append(contentsOf: header.joined(separator: ",").utf8)
            out.append(0x0A)
            let probabilities = tasks.map { $0.diverged ? [] : $0.probabilities }   // shared, not copied
            func line(task index: Int, position: Int, row: Int) {
                let task = tasks[index]
                out.append(contentsOf: "\(row)".utf8)
                if !identifiers.isEmpty { out.append(contentsOf: ",\(SpreadsheetText.field(identifiers[row]))".utf8) }
                out.append(contentsOf: ",\(task.repetition + 1),\(task.fold + 1),\(names[Int(dataset.labels[row])]),\(names[Int(task.predicted[position])])".utf8)
                let first = position * classes
                for value in probabilities[index][first..<first + classes] {
                    out.append(0x2C)
                    out.append(contentsOf: value.description.utf8)
                }
                out.append(0x0A)
            }
            // Ordered by a counting sort on the row within each repetition, stable (a row tested twice
            // in one repetition keeps task order): 16 bytes a prediction, one repetition at a time —
            // a comparison sort's entries and merge buffer had been 36 bytes a prediction at once.
            for repetition in Set(tasks.map(\.repetition)).sorted() {
                let members = tasks.indices.filter { tasks[$0].repetition == repetition && !tasks[$0].diverged }
                var end = [Int](repeating: 0, count: dataset.rowCount + 1)   // end[r + 1]: entries of rows ≤ r
                for index in members { for row in tasks[index].testRows { end[row + 1] += 1 } }
                for row in 0..<dataset.rowCount { end[row + 1] += end[row] }
                var taskOf = [Int32](repeating: 0, count: end[dataset.rowCount]), positionOf = taskOf
                for index in members {
                    for (position, row) in tasks[index].testRows.enumerated() {
                        taskOf[end[row]] = Int32(index)
                        positionOf[end[row]] = Int32(position)
                        end[row] += 1   // now the start of row + 1's entries, once row is placed
                    }
                }
                var entry = 0
                for row in 0..<dataset.rowCount {
                    while entry < end[row] {
                        line(task: Int(taskOf[entry]), position: Int(positionOf[entry]), row: row)
                        entry += 1
                        if out.count >= pieceSize {
                            try out.withUnsafeBytes(emit)
                            out.removeAll(keepingCapacity: true)
                        }
                    }
                }
            }
            try out.withUnsafeBytes(emit)
        }
    }

    /// `roc.svg`, `precision-recall.svg` and `reliability.svg` from the pooled out-of-fold
    /// predictions: binary, the second class against the first; multiclass, one curve per class
    /// against the rest. The reliability diagram shows each of the 15 bins' accuracy against its
    /// mean top probability, labelled with its row count.
    static func probabilityCharts(tasks: [TaskResult], dataset: Dataset) -> [(String, String)] {
        // The tasks' predictions read in place, as if pooled: a million rows' pooled copy is not made.
        let parts = tasks.filter { !$0.diverged }.map { (truth: $0.truth(labels: dataset.labels), probabilities: $0.probabilities) }
        let classes = dataset.classCount
        let targets = classes == 2 ? [1] : Array(0..<classes)
        func name(_ c: Int) -> String { classes == 2 ? "\(dataset.classNames[1]) against \(dataset.classNames[0])" : dataset.classNames[c] }
        // Each class's scores sorted once for both curves, and each curve thinned as it is made.
        var roc: [(name: String, points: [(x: Double, y: Double)])] = [], pr = roc
        for c in targets {
            let sorted = Metrics.sortedScores(parts, class: c, classCount: classes)
            roc.append((name(c), Metrics.rocCurve(sorted: sorted, thinned: true)))
            pr.append((name(c), Metrics.precisionRecallCurve(sorted: sorted, thinned: true)))
        }
        let bins = Metrics.calibrationBins(parts, classCount: classes).filter { $0.count > 0 }
        let reliability = [(name: "accuracy of each bin of the top probability", points: bins.map { (x: $0.confidence, y: $0.accuracy) })]
        return [
            ("roc.svg", SVGCharts.curves(series: roc, xLabel: "false-positive rate", yLabel: "true-positive rate",
                                         title: "ROC curve (pooled out-of-fold predictions)", diagonal: true)),
            ("precision-recall.svg", SVGCharts.curves(series: pr, xLabel: "recall", yLabel: "precision",
                                                      title: "Precision–recall curve (pooled out-of-fold predictions)", diagonal: false)),
            ("reliability.svg", SVGCharts.curves(series: reliability, xLabel: "predicted probability (top class)", yLabel: "observed accuracy",
                                                 title: "Reliability diagram (15 bins; labels are row counts)", diagonal: true,
                                                 markers: bins.map { String($0.count) })),
        ]
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
            labels: labels, scores: r.folds.map { $0.diverged ? nil : $0.accuracy }, mean: r.summary.accuracy.mean, interval: r.summary.accuracy.ci95,
            baseline: r.summary.baselineAccuracy, title: "Test accuracy per fold (mean and 95 % interval)", yLabel: "accuracy")
    }
}
