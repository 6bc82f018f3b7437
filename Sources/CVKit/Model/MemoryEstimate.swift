import Foundation

/// What training a network costs in memory, checked before anything is allocated, so that an
/// impossible network (`--hidden 100000,100000`) is refused with a sentence instead of dying in
/// the allocator or being killed by the kernel.
public enum MemoryEstimate {
    /// Bytes one training task holds for `config` with batches of `batch` rows: parameters,
    /// gradients and two optimizer moments (4 × P floats), the running statistics, and the
    /// per-batch workspace (pre-activations, normalized values, activations, BatchNorm buffers and
    /// two gradient buffers, about 6 × batch × the widest layer).
    public static func trainingBytes(_ config: NetworkConfig, batch: Int) -> Double {
        let layout = ParameterLayout(config)
        let widest = Double(([config.inputs, config.classes] + config.hidden).max() ?? 1)
        let layers = Double(config.hidden.count + 1)
        let floats = 4 * Double(layout.parameterCount) + Double(layout.statisticsCount)
            + Double(max(batch, 1)) * (widest * 2 + layers * widest * 4)
        return floats * 4
    }

    /// Bytes one task holds for its rows, beside the shared feature matrix, at most: the training
    /// rows and their labels twice, 2 × (8 + 4) bytes a row (a K-fold or LOOCV task holds them once:
    /// the trainer shuffles the task's own arrays; a split that stores its training rows — holdout,
    /// or a validation slice for early stopping — keeps them beside the trainer's copy), the
    /// test rows with their labels, predictions and probabilities (8 + 4 + 4 + 4 × classes bytes a
    /// row), and the 1,024-row chunk the test fold is scored through (`PreprocessedRows`). No copy
    /// of the feature matrix: a task gathers its rows from it.
    public static func taskRowBytes(trainRows: Int, testRows: Int, classes: Int, inputs: Int) -> Double {
        Double(trainRows) * 24 + Double(testRows) * Double(16 + 4 * classes) + 1024 * Double(inputs) * 4
    }

    /// The memory the system says it can give (Linux: `MemAvailable`), or nil when it cannot tell.
    public static func availableBytes() -> Double? {
        #if os(Linux)
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
        #else
        return Double(ProcessInfo.processInfo.physicalMemory)
        #endif
    }

    /// How many trainings of `config` can run side by side, at most `tasks`: `tasks` when they fit,
    /// fewer when only the parallelism does not (the caller lowers `--jobs` and says so). Throws
    /// `invalidArgument` with the estimate when even one cannot fit.
    /// `rowBytes`: what each task holds for its rows (`taskRowBytes`), counted with the network.
    /// `available`: the memory to fit in (default: what the system says now).
    public static func tasksThatFit(_ config: NetworkConfig, batch: Int, tasks: Int, rowBytes: Double = 0,
                                    available: Double? = availableBytes()) throws -> Int {
        try check(config, batch: batch, tasks: 1)
        let each = trainingBytes(config, batch: batch) + rowBytes
        guard each * Double(max(tasks, 1)) > 256e6, let available else { return max(tasks, 1) }
        return max(1, min(max(tasks, 1), Int(available / each)))
    }

    /// Throws `invalidArgument` with the estimate when `tasks` trainings of `config` side by side
    /// cannot fit in the available memory.
    public static func check(_ config: NetworkConfig, batch: Int, tasks: Int = 1) throws {
        let need = trainingBytes(config, batch: batch) * Double(max(tasks, 1))
        // Below 256 MB nothing is asked of the system: every network of a search or a nested run
        // is checked here, and reading /proc/meminfo for each would be I/O for nothing.
        guard need > 256e6, let available = availableBytes(), need > available else { return }
        func gb(_ bytes: Double) -> String { String(format: "%.1f GB", bytes / 1e9) }
        throw CVKitError.invalidArgument("this network needs about \(gb(need)) to train (\(NumberText.grouped(ParameterLayout(config).parameterCount)) parameters, "
            + "with gradients, optimizer state and batch workspace\(tasks > 1 ? ", × \(tasks) tasks at once" : "")), but \(gb(available)) "
            + "of memory is available: use smaller --hidden layers" + (tasks > 1 ? " or fewer --jobs" : ""))
    }
}
