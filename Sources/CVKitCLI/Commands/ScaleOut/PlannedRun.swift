import ArgumentParser
import CVKit
import Foundation

/// A plan's command run the way a local run runs it — the same parser, the same code — with the
/// report folder redirected and `ExperimentRunner` in `.collect` mode, so the run trains nothing
/// and hands back the units it would execute. `merge` uses the same path with every result
/// already in the journal (`--resume`), which is why its report has the local run's bytes.
enum PlannedRun {
    /// The commands a plan can hold.
    static let commands = ["kfold", "loocv", "split", "search", "nested", "compare"]

    /// Options that say how a run is executed, not what it computes: `plan` drops them, and the
    /// scale-out commands set their own.
    static let executionFlags: Set<String> = ["--resume", "--json", "--quiet"]
    static let executionOptions: Set<String> = ["--report-dir", "--jobs"]

    /// `words` without the execution options (both `--opt value` and `--opt=value` forms).
    static func withoutExecutionOptions(_ words: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for word in words {
            if skipNext { skipNext = false; continue }
            if executionFlags.contains(word) { continue }
            if executionOptions.contains(word) { skipNext = true; continue }
            if let equals = word.firstIndex(of: "="), executionOptions.contains(String(word[..<equals])) { continue }
            kept.append(word)
        }
        return kept
    }

    /// Parses `words` (a command and its flags) with cvkit's own parser; refuses commands a plan
    /// cannot hold. Throws ArgumentParser's errors for bad flags (exit 64 with the usual text).
    static func validate(_ words: [String]) throws {
        guard let first = words.first, commands.contains(first) else {
            throw ValidationError("cvkit plan takes one of \(commands.joined(separator: ", ")) followed by its data file and flags (got \(words.first.map { "'\($0)'" } ?? "nothing"))")
        }
        _ = try CVKitCommand.parseAsRoot(words)
    }

    /// Runs `words` into `reportDir` with `--resume`, in `.collect` mode. Returns the units still
    /// needed, or nil when the run completed (every result was in the journal: the report is written).
    static func run(_ words: [String], reportDir: String, extra: [String] = ["--quiet"], mode: ExperimentRunner.Mode = .collect) throws -> [ExperimentRunner.Unit]? {
        var command = try CVKitCommand.parseAsRoot(words + ["--report-dir", reportDir, "--resume", "--jobs", "1"] + extra)
        do {
            try ExperimentRunner.$mode.withValue(mode) { try command.run() }
            return nil
        } catch let needed as UnitsNeeded {
            return needed.units
        }
    }

    /// Collects the units of a fresh run of `words` in a scratch folder under `scratchParent`
    /// (removed afterwards) and returns them with the journal header and report folder name the
    /// local run would use. `previous` results (earlier phases) are put in the journal first.
    static func probe(_ words: [String], scratchParent: String, previous: [TaskResult] = [], header known: Journal.Header? = nil,
                      folderName: String? = nil) throws -> (units: [ExperimentRunner.Unit], header: Journal.Header, folderName: String) {
        let scratch = scratchParent + "/.scratch-\(getpid())"
        try ReportFolder.create(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        if let known, let folderName, !previous.isEmpty {
            try ReportFolder.create(scratch + "/" + folderName)
            try Journal.save(folder: scratch + "/" + folderName, header: known, results: previous)
        }
        guard let units = try run(words, reportDir: scratch) else {
            throw CVKitError.badData(location: nil, message: "this run has nothing left to compute: every unit already has a result")
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch).filter { !$0.hasPrefix(".") }
        guard folders.count == 1, let name = folders.first else {
            throw CVKitError.io(path: scratch, reason: "expected one report folder, found \(folders.count)")
        }
        return (units, try Journal.readHeader(folder: scratch + "/" + name), name)
    }

    /// An absolute path for `path` (relative to the current folder), without `.` or `..` steps.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// The results of every task of the plans in `folders`, in unit order; throws when one is missing.
    static func results(ofPlans folders: [String]) throws -> [TaskResult] {
        var all: [TaskResult] = []
        for folder in folders {
            let plan = try Plan.load(folder: folder)
            for task in plan.tasks.indices {
                guard let file = try TaskResultFile.read(plan: plan, folder: folder, task: task) else {
                    throw CVKitError.badData(location: nil, message: "\(folder): task \(task) of phase \(plan.phase) has no result; run it (cvkit run-task \(folder) --task \(task)) first")
                }
                all += file.results
            }
        }
        return all.sorted { $0.index < $1.index }
    }

    /// Moves into the plan's working folder, where its relative paths (the data file) resolve.
    static func enterWorkingDirectory(of plan: Plan) throws {
        guard FileManager.default.changeCurrentDirectoryPath(plan.workingDirectory) else {
            throw CVKitError.unreadableInput(path: plan.workingDirectory,
                                             reason: "the plan's working folder is not reachable from this machine (plans must be on shared storage)")
        }
    }

    /// The local run of `plan` into `reportDir`, with `results` already in its journal: in the
    /// working folder, `--resume`, nothing trained (`mode` .collect or .partial). Returns the units
    /// still needed (a next phase), or nil when the report is written.
    static func resume(_ plan: Plan, results: [TaskResult], reportDir: String, json: Bool, mode: ExperimentRunner.Mode) throws -> [ExperimentRunner.Unit]? {
        try enterWorkingDirectory(of: plan)
        let report = reportDir + "/" + plan.reportFolderName
        try ReportFolder.create(report)
        try Journal.save(folder: report, header: plan.journalHeader, results: results.sorted { $0.index < $1.index })
        return try run(plan.arguments, reportDir: reportDir, extra: json ? ["--json", "--quiet"] : ["--quiet"], mode: mode)
    }
}
