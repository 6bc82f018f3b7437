import Foundation
import Testing

/// What a person sees in a terminal: a pseudo-terminal from util-linux `script`, so stdout and
/// stderr are ttys as they are for a user.
@Suite struct TerminalTests {
    /// The combined screen output of `arguments` run on a pseudo-terminal with `COLUMNS=columns`,
    /// escape sequences removed, split at `\r` and `\n` (each piece is what one redraw shows).
    static func screen(_ arguments: [String], columns: Int) throws -> [String]? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let command = (["env", "COLUMNS=\(columns)", CLIRunner.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.projectRoot)
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{1B}[2K", with: "")
        return text.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// At 50 columns nothing wraps: the progress line is cut to fit and redrawn in place, the table
    /// and the summary lines are broken at spaces; the counter knows the planned total from the start.
    @Test func everyLineFitsFiftyColumns() throws {
        let dir = try CLIRunner.temporaryFolder()
        guard let lines = try Self.screen(["kfold", "datasets/iris.csv", "--k", "5", "--epochs", "5", "--jobs", "1", "--report-dir", dir], columns: 50) else { return }
        #expect(!lines.isEmpty)
        // A path longer than the terminal stays whole (cut, it could not be pasted): every other line fits.
        let breakable = lines.filter { $0.trimmingCharacters(in: .whitespaces).contains(" ") }
        let widest = breakable.map(\.count).max() ?? 0
        #expect(widest <= 50, "widest line \(widest): \(breakable.filter { $0.count > 50 })")
        let counters = lines.compactMap { $0.firstMatch(of: /\[(\d+)\/(\d+) tasks\]/) }.map { (Int($0.output.1) ?? -1, Int($0.output.2) ?? -1) }
        #expect(!counters.isEmpty && counters.allSatisfy { $0.1 == 5 }, "\(counters)")
        #expect(counters.contains { $0.0 == 0 }, "the first redraw comes before any task ends: [0/5 tasks]")
        #expect(lines.contains { $0.contains("report:") })
    }

    /// Not a terminal: one plain line per finished task on stderr, no escape sequences, no colour.
    @Test func plainLinesWhenNotATerminal() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "2", "--report-dir", dir], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("[") && $0.contains("/3] fold") }, "\(lines)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stdout.contains("\u{1B}"))
    }
}
