import ArgumentParser
import CVKit
import Foundation

struct RunTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-task",
        abstract: "Run one task of a plan and write PLAN/results/task-<I>.json.",
        discussion: """
            The data file is hashed again and refused if it changed since the plan was written. A task whose result \
            exists is skipped (exit 0); running it again gives the same bytes; a killed task leaves no result.
            Exit status: 0 done or already done; 3 permanent, do not retry (bad plan, changed data, no such task); \
            anything else is transient (interrupted 130, I/O 73/74): retrying is safe.
            Example: cvkit run-task plans/digits --task 3    (Slurm: --task-from-env)
            """)

    /// The exit status for failures a retry cannot fix.
    static let permanent: Int32 = 3

    @Argument(help: ArgumentHelp("The plan folder.", valueName: "plan")) var plan: String
    @Option(help: "The task to run, from 0.") var task: Int?
    @Flag(help: "Take the task index from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, PBS_ARRAY_INDEX, SGE_TASK_ID or LSB_JOBINDEX.")
    var taskFromEnv = false
    @Option(help: "Added to the index from the environment (arrays split at Slurm's MaxArraySize).") var taskOffset: Int = 0
    @Option(help: "Units of the task run side by side. Results do not depend on it.") var jobs: Int = 1
    @Flag(help: "Run the task even if its result exists (the result is replaced by the same bytes).") var force = false
    @OptionGroup var output: OutputOptions

    /// `--json`: what the task did.
    struct TaskJSON: Encodable {
        var task: Int
        var units: [Int]
        var alreadyDone: Bool
        var accuracy: [Double?]
        var result: String
    }

    func validate() throws {
        if (task == nil) == !taskFromEnv { throw ValidationError("pass exactly one of --task I and --task-from-env") }
        if let task, task < 0 { throw ValidationError("--task must be at least 0 (got \(task))") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        // run-task keeps no journal: a stopped task leaves no result and simply runs again.
        Interrupt.setMessage("\ncvkit: interrupted; this task wrote no result: run it again (the same run-task command); results are whole or absent\n")
        do {
            try execute()
        } catch let error as CVKitError {
            Standard.error("cvkit: \(error)")
            switch error.kind {
            case .io, .cannotCreate: throw ExitCode(ExitStatus.code(for: error))
            case .badData, .unreadableInput, .invalidArgument: throw ExitCode(Self.permanent)
            }
        } catch let exit as ExitCode where [ExitStatus.usage, ExitStatus.dataError, ExitStatus.noInput].contains(exit.rawValue) {
            // Raised (and already explained on stderr) by the run's own command: bad data or flags.
            throw ExitCode(Self.permanent)
        }
    }

    private func execute() throws {
        let started = Date()
        let folder = PlannedRun.absolute(plan)
        let plan = try Plan.load(folder: folder)
        let index = try (task ?? TaskIndexEnvironment.taskIndex(environment: ProcessInfo.processInfo.environment)) + (taskFromEnv ? taskOffset : 0)
        guard index < plan.tasks.count else {
            throw CVKitError.invalidArgument("task \(index) does not exist: the plan has \(plan.tasks.count) tasks (0–\(plan.tasks.count - 1))")
        }
        // First line of every log: which task this is (a Slurm log named <array>_<element> does not
        // say it when the plan was split into several arrays). Written unbuffered: a kill keeps it.
        let host = ProcessInfo.processInfo.hostName
        if !output.json && !output.quiet { FileHandle.standardOutput.write(Data("task \(index): plan \(plan.planHash.prefix(16)), on \(host)\n".utf8)) }
        if !force, let existing = try TaskResultFile.read(plan: plan, folder: folder, task: index) {
            if output.json {
                try JSONOutput.print(TaskJSON(task: index, units: plan.tasks[index], alreadyDone: true, accuracy: existing.results.map(\.accuracy),
                                              result: TaskResultFile.path(plan: folder, task: index)))
            } else if !output.quiet {
                print("task \(index): already done (\(TaskResultFile.path(plan: folder, task: index)))")
            }
            return
        }
        let specification = try PlannedRun.specification(of: plan)
        try PlannedRun.enterWorkingDirectory(of: plan)
        // The data and the run as they are now, against the plan; then this phase's units.
        let dataset = try specification.loadDataset()
        let header = try specification.journalHeader(dataset: dataset)
        if header.dataSHA256 != plan.dataSHA256 {
            throw CVKitError.badData(location: nil, message: "the data file changed after the plan was written (SHA-256 \(header.dataSHA256.prefix(16))… now, "
                + "\(plan.dataSHA256.prefix(16))… in the plan); restore it or write a new plan")
        }
        guard header == plan.journalHeader, specification.reportFolderName == plan.reportFolderName else {
            throw CVKitError.badData(location: nil, message: "this cvkit derives other settings from the plan's run than the plan holds; write a new plan")
        }
        let previous = plan.previous.isEmpty ? [] : try PlannedRun.results(ofPlans: plan.previous)
        let units = try specification.pendingUnits(dataset: dataset, finished: previous) ?? []
        guard units.map(PlanUnit.init) == plan.units else {
            throw CVKitError.badData(location: nil, message: "the units derived now differ from the plan's (seeds or splits); write a new plan")
        }
        let wanted = Set(plan.tasks[index])
        let results = try ExperimentRunner(units: units.filter { wanted.contains($0.index) }, jobs: jobs).run(journal: nil)
        try TaskResultFile(planHash: plan.planHash, task: index, results: results, header: plan.journalHeader).write(plan: folder)
        if output.json {
            try JSONOutput.print(TaskJSON(task: index, units: plan.tasks[index], alreadyDone: false, accuracy: results.map(\.accuracy),
                                          result: TaskResultFile.path(plan: folder, task: index)))
            return
        }
        guard !output.quiet else { return }
        let scores = results.map { $0.accuracy.map { String(format: "%.4f", $0) } ?? "diverged" }.joined(separator: " ")
        print("task \(index): \(results.count) unit\(results.count == 1 ? "" : "s") (\(IndexRanges.format(plan.tasks[index]))), accuracy \(scores), "
              + String(format: "%.2f s", Date().timeIntervalSince(started)))
    }
}
