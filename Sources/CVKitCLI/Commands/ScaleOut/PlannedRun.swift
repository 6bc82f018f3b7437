import ArgumentParser
import CVKit
import Foundation

/// What the scale-out commands share: a plan's run rebuilt from its `RunSpecification` (never
/// from its command words), the units of its next phase, and `merge`'s local run over results
/// that are all in the journal — the same `ExperimentSession` as a local run, hence its bytes.
enum PlannedRun {
    /// The commands a plan can hold.
    static let commands = ["kfold", "loocv", "split", "search", "nested", "compare"]

    /// Options that say how a run is executed, not what it computes: `plan` drops them from the
    /// words it keeps, and the scale-out commands set their own.
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

    /// The run's data, journal header, report folder name and the units it needs after `previous`
    /// (earlier phases' results). Throws when nothing is left to compute.
    static func phase(_ specification: RunSpecification, previous: [TaskResult] = [])
        throws -> (units: [ExperimentRunner.Unit], header: Journal.Header, folderName: String) {
        let dataset = try specification.loadDataset()
        if case .crossValidation(let run) = specification {
            try CrossValidationSession.prepare(run.settings, dataset: dataset,
                                               execution: .init(reportDir: "", jobs: 1, resume: false, json: false, quiet: true))
        }
        guard let units = try specification.pendingUnits(dataset: dataset, finished: previous) else {
            throw CVKitError.badData(location: nil, message: "this run has nothing left to compute: every unit already has a result")
        }
        return (units, try specification.journalHeader(dataset: dataset), specification.reportFolderName)
    }

    /// The plan's run; refuses a plan written before plans held it.
    static func specification(of plan: Plan) throws -> RunSpecification {
        guard let specification = plan.specification else {
            throw CVKitError.badData(location: nil, message: "this plan was written by an older cvkit and does not hold its run; write a new plan (cvkit plan …)")
        }
        return specification
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
    /// working folder, resumed, nothing trained (`mode` .collect or .partial). Returns the units
    /// still needed (a next phase), or nil when the report is written.
    static func resume(_ plan: Plan, results: [TaskResult], reportDir: String, json: Bool, mode: ExperimentSession.Mode) throws -> [ExperimentRunner.Unit]? {
        let specification = try specification(of: plan)
        try enterWorkingDirectory(of: plan)
        let report = reportDir + "/" + plan.reportFolderName
        try ReportFolder.create(report)
        try Journal.save(folder: report, header: plan.journalHeader, results: results.sorted { $0.index < $1.index })
        return try ExperimentSession.run(specification, execution: .init(reportDir: reportDir, jobs: 1, resume: true, json: json, quiet: true), mode: mode)
    }
}
