import ArgumentParser
import CVKit
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Which tasks of a plan are done, missing or failed, and how to re-run the rest.",
        discussion: "Exit status: 0 when every task has its result, 1 when some are missing.")

    @Argument(help: ArgumentHelp("The plan folder.", valueName: "plan")) var plan: String
    @Flag(help: "Print the counts and task lists as one JSON object.") var json = false
    @Flag(name: [.customShort("q"), .long], help: "Print nothing: the exit status says it (0 complete, 1 not).") var quiet = false

    struct Report: Encodable {
        var planHash: String
        var phase: Int
        var tasks: Int
        var done: [Int]
        var missing: [Int]
        var failed: [Int]
        var rerunArray: String
    }

    func run() throws {
        try reportingErrors {
            let folder = PlannedRun.absolute(self.plan)
            let plan = try Plan.load(folder: folder)
            let progress = PlanProgress(plan: plan, folder: folder)
            if quiet && !json {
                // The exit status says it: 0 complete, 1 not.
            } else if json {
                try JSONOutput.print(Report(planHash: plan.planHash, phase: plan.phase, tasks: plan.tasks.count, done: progress.done,
                                            missing: progress.missing, failed: progress.failed, rerunArray: IndexRanges.format(progress.missing)))
            } else {
                print("\(plan.commandLine)")
                print("phase \(plan.phase): \(plan.tasks.count) tasks: \(progress.done.count) done, \(progress.missing.count) missing"
                      + (progress.failed.isEmpty ? "" : ", \(progress.failed.count) of them failed"))
                if progress.complete { print("complete: cvkit merge \(self.plan)") } else { print(progress.missingText(plan: plan, folder: self.plan, resolved: folder)) }
            }
            if !progress.complete { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
