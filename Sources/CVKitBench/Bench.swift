import ArgumentParser
import CVKit
import Foundation

/// `cvkit-bench`: release-mode measurements for `make bench` (never timed unit tests).
///
/// Loads a CSV (reporting MB/s), standardizes it, and trains the classifier on all rows with
/// BLAS on one thread, timing only the training loop. Prints the median of `--runs` runs:
/// samples/s, achieved GFLOP/s (training FLOPs per sample × samples / seconds) and its share of
/// one core's fp32 peak.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cvkit-bench", abstract: "Measure loading and training speed.")

    @Argument(help: "CSV file (label in the last column).") var data: String
    @Option var hidden: String = "128,64"
    @Option var epochs: Int = 5
    @Option var batchSize: Int = 64
    @Option var lr: Double = 1e-3
    @Option var runs: Int = 3
    @Flag(help: "Measure loading only, no training.") var loadOnly = false
    @Option(help: "The label column (default: the last).") var label: String?
    @Option(help: ArgumentHelp("Write a step-by-step trace of training here (for bench/torch_steps.py) instead of timing.", valueName: "dir"))
    var traceOut: String?
    @Option(help: "Optimizer steps to trace.") var traceSteps: Int = 20
    @Option(help: "Seed of the traced run.") var seed: UInt64 = 0
    @Option(help: "fp32 rate of one core, GFLOP/s, for the share printed (make bench measures it: bench/core_peak.py; the default is the first machine's 2 FMA units × 8 lanes × 2 × 3.2 GHz).")
    var peak: Double = 102.7

    static func main() {
        // `make bench` sets OPENBLAS_NUM_THREADS=1, as the cvkit binary does for itself (its
        // SingleThreadedBLAS): idle OpenBLAS workers would otherwise cost a quarter of the time.
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil {
            FileHandle.standardError.write(Data("cvkit-bench: warning: OPENBLAS_NUM_THREADS is not set; run with OPENBLAS_NUM_THREADS=1 (make bench does)\n".utf8))
        }
        BLASThreads.useOneThread()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    func run() throws {
        var loadTimes: [Double] = []
        var loadCPUTimes: [Double] = []
        var dataset: Dataset?
        var peakAfterFirstLoad = 0
        let residentBefore = ProcessUsage.peakResidentBytes()
        for run in 0..<runs {
            dataset = nil  // one dataset in memory at a time, so the peak is one load's
            let start = Date()
            let cpuStart = ProcessUsage.cpuSeconds()
            dataset = try CSVLoader.load(path: data, options: CSVOptions(label: label.map(ColumnSelector.init(parsing:)) ?? .last))
            loadTimes.append(Date().timeIntervalSince(start))
            loadCPUTimes.append(ProcessUsage.cpuSeconds() - cpuStart)
            if run == 0 { peakAfterFirstLoad = ProcessUsage.peakResidentBytes() }
        }
        guard let dataset else { return }
        let megabytes = Double(dataset.source.byteCount) / 1e6
        let load = median(loadTimes)
        let name = URL(fileURLWithPath: data).lastPathComponent
        print("\(name): \(dataset.rowCount) rows × \(dataset.featureCount) features, \(dataset.classCount) classes")
        print(String(format: "  load     %8.1f MB/s   (%.3f s for %.1f MB, median of %d; CPU %.3f s, i.e. %.2f cores busy)",
                     megabytes / load, load, megabytes, runs, median(loadCPUTimes), median(loadCPUTimes) / load))
        let matrix = Double(dataset.features.count * 4) / 1e6, loading = Double(peakAfterFirstLoad - residentBefore) / 1e6
        print(String(format: "  memory   peak RSS %.1f MB after the first load: %.1f MB before it (runtime, libraries) + %.1f MB for loading, "
                     + "%.2f × the float matrix's %.1f MB", Double(peakAfterFirstLoad) / 1e6, Double(residentBefore) / 1e6, loading,
                     loading / max(matrix, 1e-9), matrix))
        if loadOnly { return }
        if let traceOut { return try trace(dataset, folder: traceOut) }
        let (x, config) = try prepared(dataset)
        var trainTimes: [Double] = []
        var samples = 0
        var accuracy = 0.0
        for run in 0..<runs {
            let network = try Network<Float>(config: config, seed: UInt64(run))
            let trainer = Trainer(options: TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: lr))
            let start = Date()
            let history = try trainer.train(network, features: x, labels: dataset.labels, seed: UInt64(run))
            trainTimes.append(Date().timeIntervalSince(start))
            samples = history.samplesSeen
            accuracy = history.epochs.last?.trainAccuracy ?? 0
        }
        let train = median(trainTimes)
        let gflops = Double(config.trainingFLOPsPerSample) * Double(samples) / train / 1e9
        print(String(format: "  train    %8.0f samples/s   %.2f s for %d samples (%d epochs, batch %d, hidden [%@], Adam %g, 1 thread)",
                     Double(samples) / train, train, samples, epochs, batchSize, hidden, lr))
        print(String(format: "  compute  %8.2f GFLOP/s   %.1f%% of one core's %.1f GFLOP/s peak (%d FLOPs/sample)",
                     gflops, 100 * gflops / peak, peak, config.trainingFLOPsPerSample))
        print(String(format: "  last-epoch training accuracy %.4f", accuracy))
    }

    /// Every row preprocessed (fitted on all of them) and the `--hidden` network for it.
    func prepared(_ dataset: Dataset) throws -> (x: [Float], config: NetworkConfig) {
        let rows = Array(0..<dataset.rowCount)
        let preprocessing = Preprocessing.fit(dataset, rows: rows)
        let widths = try hidden.isEmpty ? [] : hidden.split(separator: ",").map { part -> Int in
            guard let width = Int(part) else { throw ValidationError("bad --hidden \(hidden)") }
            return width
        }
        return (preprocessing.transform(dataset, rows: rows), NetworkConfig(inputs: preprocessing.width, classes: dataset.classCount, hidden: widths))
    }

    /// The trace: the preprocessed training matrix and labels, the initial parameters and running
    /// statistics, and for each of the first `traceSteps` optimizer steps the batch's rows and the
    /// parameters after the step — little-endian Float32/Int32 files and `meta.json`.
    func trace(_ dataset: Dataset, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (x, config) = try prepared(dataset)
        let network = try Network<Float>(config: config, seed: seed)
        func write(_ values: [Float], _ name: String) throws {
            try Data(values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try write(x, "x.f32")
        try Data(dataset.labels.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }).write(to: URL(fileURLWithPath: folder + "/y.i32"))
        try write(network.parameterValues, "initial.f32")
        try write(network.runningStatistics, "initial-statistics.f32")
        final class Steps: @unchecked Sendable {  // touched by the training thread only
            let network: Network<Float>
            var batches: [[Int]] = []
            var parameters: [Float] = []
            init(_ network: Network<Float>) { self.network = network }
        }
        let steps = Steps(network)
        var trainer = Trainer(options: TrainingOptions(epochs: max(epochs, 1), batchSize: batchSize, learningRate: lr))
        let limit = traceSteps
        trainer.stepObserver = { step, batch in
            steps.batches.append(batch)
            steps.parameters += steps.network.parameterValues
            return step < limit
        }
        _ = try trainer.train(network, features: x, labels: dataset.labels, seed: seed)
        try write(steps.parameters, "steps.f32")
        try write(network.runningStatistics, "final-statistics.f32")
        let meta: [String: Any] = [
            "rows": dataset.rowCount, "inputs": config.inputs, "classes": config.classes, "hidden": config.hidden, "batchNorm": config.batchNorm,
            "lr": lr, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "batchSize": batchSize, "steps": steps.batches.count,
            "batches": steps.batches, "parameterCount": network.parameterCount,
        ]
        try JSONSerialization.data(withJSONObject: meta, options: [.sortedKeys]).write(to: URL(fileURLWithPath: folder + "/meta.json"))
        print("trace: \(steps.batches.count) steps of \(dataset.rowCount) rows × \(config.inputs) inputs written to \(folder)")
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
