import CVKit
import Foundation

/// Progress on stderr. On a terminal: one line redrawn in place (`\r`, erase line), cut to the
/// terminal's width so it never wraps into stale lines, counting tasks against the run's planned
/// total from the start (`[3/30 tasks]`), with the elapsed time and, once a task has finished, an
/// ETA. Not a terminal (a file, a pipe, a CI log): one plain line per finished task. `--quiet`:
/// nothing. No colour is ever written, so `NO_COLOR` and dumb terminals get the same text.
/// Events arrive on worker threads; a lock orders the output.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let terminal: Bool
    private let width: Int?
    private let total: Int
    private let describe: @Sendable (TaskResult) -> String
    private let lock = NSLock()
    private let started = Date()
    private var done = 0
    private var resumed = 0
    private var lastDraw = Date.distantPast

    /// `total`: every unit of the run, all phases (the journal header's task count).
    init(quiet: Bool, total: Int, describe: @escaping @Sendable (TaskResult) -> String) {
        enabled = !quiet
        terminal = isatty(STDERR_FILENO) == 1
        width = terminal ? TerminalWidth.current(fileDescriptor: STDERR_FILENO) : nil
        self.total = total
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
            draw("\(counter) task \(task + 1) epoch \(record.epoch)/\(totalEpochs) loss \(String(format: "%.4f", record.trainLoss))\(heldOut)\(timing)")
        case .taskFinished(let result, _, _, let wasResumed):
            done += 1
            if wasResumed {
                resumed += 1
                if terminal { draw("\(counter) resumed from the journal") }
                return
            }
            if terminal {
                draw("\(counter) \(describe(result))\(timing)")
            } else {
                write("[\(done)/\(max(total, done))] \(describe(result))\n")
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

    private var counter: String { "[\(done)/\(max(total, done)) tasks]" }

    /// "  12 s, ETA 30 s": the elapsed time, and the remaining time at the pace of the tasks that
    /// trained here (resumed ones took none).
    private var timing: String {
        let elapsed = Date().timeIntervalSince(started)
        var text = "  " + Self.duration(elapsed)
        let fresh = done - resumed
        if fresh > 0, total > done { text += ", ETA " + Self.duration(elapsed / Double(fresh) * Double(total - done)) }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.0f s", seconds) : String(format: "%d min %02d s", Int(seconds) / 60, Int(seconds) % 60)
    }

    private func draw(_ line: String) { TerminalWidth.redraw(line, width: width) }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
