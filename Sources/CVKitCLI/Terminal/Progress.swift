import CVKit
import Foundation

/// Progress on stderr: redrawn in place on a terminal, one line per finished task otherwise,
/// nothing with `--quiet`. Events arrive on worker threads; a lock orders the output.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let terminal: Bool
    private let describe: @Sendable (TaskResult) -> String
    private let lock = NSLock()
    private let started = Date()
    private var done = 0
    private var total = 0
    private var resumed = 0
    private var lastDraw = Date.distantPast

    init(quiet: Bool, describe: @escaping @Sendable (TaskResult) -> String) {
        enabled = !quiet
        terminal = isatty(STDERR_FILENO) == 1
        self.describe = describe
    }

    func handle(_ event: ExperimentEvent) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .epoch(let task, let record, let totalEpochs):
            guard terminal, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let heldOut = record.validationAccuracy.map { String(format: " held-out acc %.4f", $0) } ?? ""
            draw("[\(done)/\(total) tasks] task \(task + 1) epoch \(record.epoch)/\(totalEpochs) loss \(String(format: "%.4f", record.trainLoss))\(heldOut)\(eta())")
        case .taskFinished(let result, let count, let all, let wasResumed):
            done = count
            total = all
            if wasResumed { resumed += 1; if terminal { draw("[\(done)/\(total) tasks] resumed from the journal") }; return }
            if terminal {
                draw("[\(done)/\(total) tasks] \(describe(result))\(eta())")
            } else {
                write("[\(done)/\(total)] \(describe(result))\n")
            }
        }
    }

    /// Ends the in-place line.
    func finish() {
        guard enabled, terminal else { return }
        lock.lock()
        write("\r\u{1B}[2K")
        lock.unlock()
    }

    private func eta() -> String {
        let fresh = done - resumed
        guard fresh > 0, total > done else { return "" }
        let seconds = Date().timeIntervalSince(started) / Double(fresh) * Double(total - done)
        return String(format: "  ETA %.0fs", seconds)
    }

    private func draw(_ line: String) { write("\r\u{1B}[2K" + line) }
    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
