import ArgumentParser
import CVKit
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Turn a plan's task results into the report the local run writes (the same bytes).",
        discussion: """
            merge is the only judge of completeness: with a task missing it refuses and lists what to re-run. \
            When the run has a further phase (coarse-to-fine rounds, nested CV's refits), merge writes its plan to \
            PLAN/next instead; run that plan the same way and merge it.
            Example: cvkit merge plans/digits --report-dir reports
            """)

    @Argument(help: ArgumentHelp("The plan folder.", valueName: "plan")) var plan: String
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Folder for reports, as for a local run (default: the one an earlier phase's merge was given, else reports).", valueName: "dir"))
    var reportDir: String?
    @Flag(help: "Print the results as one JSON object on stdout instead of the table.") var json = false
    @Flag(name: [.customShort("q"), .long], help: "Nothing on stderr but errors (no INCOMPLETE warning).") var quiet = false
    @Flag(help: "kfold, loocv, split: with tasks missing, write a report from the folds present, marked INCOMPLETE.")
    var allowPartial = false

    func validate() throws {
        if reportDir?.isEmpty == true { throw ValidationError("--report-dir is empty: give a folder (default: reports)") }
    }

    func run() throws {
        try reportingErrors {
            let folder = PlannedRun.absolute(self.plan)
            let plan = try Plan.load(folder: folder)
            let reportDir = PlannedRun.absolute(self.reportDir ?? plan.reportDir ?? "reports")
            let progress = PlanProgress(plan: plan, folder: folder)
            // A result file that is there but altered, or not this plan's, is refused outright (65): merging
            // around it would hide it, and re-running its task will not replace it while it exists.
            if !progress.problems.isEmpty {
                for problem in progress.problems { Standard.error("cvkit: \(problem)") }
                throw ExitCode(ExitStatus.dataError)
            }
            if !progress.complete && allowPartial {
                try mergePartial(plan: plan, folder: folder, reportDir: reportDir, progress: progress)
                return
            }
            guard progress.complete else {
                Standard.error("cvkit: cannot merge: " + progress.missingText(plan: plan, folder: self.plan, resolved: folder))
                throw ExitCode(ExitStatus.checkFailed)
            }
            let results = try PlannedRun.results(ofPlans: plan.previous + [folder])
            guard let next = try PlannedRun.resume(plan, results: results, reportDir: reportDir, json: json, mode: .collect) else { return }
            // Another phase: its units depend on this phase's results.
            let nextFolder = folder + "/next"
            let nextPlan = try Plan(command: plan.command, arguments: plan.arguments, specification: try PlannedRun.specification(of: plan),
                                    workingDirectory: plan.workingDirectory,
                                    journalHeader: plan.journalHeader, reportFolderName: plan.reportFolderName, phase: plan.phase + 1,
                                    previous: plan.previous + [folder], unitsPerTask: plan.unitsPerTask, units: next.map(PlanUnit.init),
                                    reportDir: self.reportDir.map(PlannedRun.absolute) ?? plan.reportDir)
            try nextPlan.save(folder: nextFolder)
            print("phase \(plan.phase) merged; the run continues with phase \(nextPlan.phase):")
            print(ScaleOutText.planned(nextPlan, folder: self.plan + "/next"))
        }
    }

    /// The report from the tasks present, marked incomplete at the top of `report.md` and with an
    /// `incomplete` object in `results.json`. Only for single-phase cross-validation plans: a
    /// search or a nested CV with units missing has no meaningful partial answer.
    private func mergePartial(plan: Plan, folder: String, reportDir: String, progress: PlanProgress) throws {
        guard ["kfold", "loocv", "split"].contains(plan.command), plan.previous.isEmpty else {
            throw ValidationError("--allow-partial works for kfold, loocv and split plans only; run the missing tasks (\(IndexRanges.format(progress.missing)))")
        }
        var results: [TaskResult] = []
        for task in progress.done { results += try TaskResultFile.read(plan: plan, folder: folder, task: task)?.results ?? [] }
        guard !results.isEmpty else { throw CVKitError.badData(location: nil, message: "\(folder): no task has a result yet; nothing to report") }
        _ = try PlannedRun.resume(plan, results: results, reportDir: reportDir, json: json, mode: .partial)
        let report = reportDir + "/" + plan.reportFolderName
        let missingUnits = progress.missing.flatMap { plan.tasks[$0] }
        let banner = "> **INCOMPLETE**: \(progress.missing.count) of \(plan.tasks.count) tasks of plan \(plan.planHash.prefix(16)) have no result "
            + "(tasks \(IndexRanges.format(progress.missing)); units \(IndexRanges.format(missingUnits))). Every number below comes from the "
            + "\(results.count) units present; merge again when the missing tasks have run.\n\n"
        let markdownPath = report + "/report.md", jsonPath = report + "/results.json"
        guard let markdown = FileManager.default.contents(atPath: markdownPath), let json = FileManager.default.contents(atPath: jsonPath),
              json.starts(with: Array("{\n".utf8)) else {
            throw CVKitError.io(path: report, reason: "the partial report was not written")
        }
        let incomplete = "  \"incomplete\" : {\n    \"missingTasks\" : [\(progress.missing.map(String.init).joined(separator: ", "))],\n"
            + "    \"missingUnits\" : [\(missingUnits.map(String.init).joined(separator: ", "))],\n    \"tasks\" : \(plan.tasks.count)\n  },\n"
        try ReportFiles([(markdownPath, Data(banner.utf8) + markdown), (jsonPath, Data("{\n".utf8) + Data(incomplete.utf8) + json.dropFirst(2))]).write()
        if !quiet { Standard.error("cvkit: warning: INCOMPLETE report (tasks \(IndexRanges.format(progress.missing)) missing): \(markdownPath)") }
    }
}
