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
    @Option(help: ArgumentHelp("Folder for reports, as for a local run.", valueName: "dir")) var reportDir: String = "reports"
    @Flag(help: "Print the results as one JSON object on stdout instead of the table.") var json = false

    func run() throws {
        try reportingErrors {
            let folder = PlannedRun.absolute(self.plan)
            let reportDir = PlannedRun.absolute(self.reportDir)
            let plan = try Plan.load(folder: folder)
            let progress = PlanProgress(plan: plan, folder: folder)
            guard progress.complete else {
                Standard.error("cvkit: cannot merge: " + progress.missingText(plan: plan, folder: self.plan))
                throw ExitCode(ExitStatus.checkFailed)
            }
            let results = try PlannedRun.results(ofPlans: plan.previous + [folder])
            guard FileManager.default.changeCurrentDirectoryPath(plan.workingDirectory) else {
                throw CVKitError.unreadableInput(path: plan.workingDirectory, reason: "the plan's working folder is not reachable from here")
            }
            let report = reportDir + "/" + plan.reportFolderName
            try ReportFolder.create(report)
            try Journal.save(folder: report, header: plan.journalHeader, results: results)
            guard let next = try PlannedRun.run(plan.arguments, reportDir: reportDir, extra: json ? ["--json", "--quiet"] : ["--quiet"]) else { return }
            // Another phase: its units depend on this phase's results.
            let nextFolder = folder + "/next"
            let nextPlan = try Plan(command: plan.command, arguments: plan.arguments, workingDirectory: plan.workingDirectory,
                                    journalHeader: plan.journalHeader, reportFolderName: plan.reportFolderName, phase: plan.phase + 1,
                                    previous: plan.previous + [folder], unitsPerTask: plan.unitsPerTask, units: next.map(PlanUnit.init))
            try nextPlan.save(folder: nextFolder)
            print("phase \(plan.phase) merged; the run continues with phase \(nextPlan.phase):")
            print(ScaleOutText.planned(nextPlan, folder: self.plan + "/next"))
        }
    }
}
