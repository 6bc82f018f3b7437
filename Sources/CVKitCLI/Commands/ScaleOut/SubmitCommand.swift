import ArgumentParser
import CVKit
import Foundation

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Hand a plan's tasks to Slurm or GNU parallel (cvkit never schedules anything itself).",
        subcommands: [SubmitSlurm.self, SubmitParallel.self])
}

/// Locating programs and running them with the terminal attached.
enum External {
    /// The running cvkit binary, by absolute path (what batch scripts and parallel must call).
    static var executable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return PlannedRun.absolute(CommandLine.arguments[0])
    }

    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `path arguments`; returns (status, stdout and stderr if captured).
    static func run(_ path: String, _ arguments: [String], capture: Bool, input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        if capture {
            process.standardOutput = pipe
            process.standardError = pipe
        }
        let feed = Pipe()
        if input != nil { process.standardInput = feed }
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
        let output = capture ? String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func unavailable(_ message: String) -> ExitCode {
        Standard.error("cvkit: \(message)")
        return ExitCode(69)
    }
}

struct SubmitSlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write PLAN/slurm.sbatch (a job array) and PLAN/slurm-merge.sbatch, submit both (merge after any end), print the job ids.",
        discussion: """
            The merge job is chained with --dependency=afterany, never afterok: one failed task would leave it pending \
            forever; merge itself refuses an incomplete plan and names the tasks to re-run (sbatch --array=3,7 PLAN/slurm.sbatch). \
            Plans above the cluster's MaxArraySize go in as several arrays. PLAN must be on storage every node sees.
            """)

    @Argument(help: ArgumentHelp("The plan folder.", valueName: "plan")) var plan: String
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "Time limit per task (Slurm syntax, e.g. 00:30:00).") var time: String?
    @Option(help: "Memory per task (e.g. 2G).") var mem: String?
    @Option(help: "At most this many tasks at once (the %M of --array).") var maxParallel: Int = 100
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Any further sbatch option, repeatable (e.g. --sbatch-arg=--account=lab).", valueName: "arg"))
    var sbatchArg: [String] = []
    @Option(help: ArgumentHelp("Folder for the merge job's report (default: reports/ in the plan's working folder).", valueName: "dir"))
    var reportDir: String?
    @Flag(help: "Write the scripts and print the sbatch commands; submit nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    /// `--json`: what was submitted (or would be, with --dry-run).
    struct SubmitJSON: Encodable {
        var engine: String
        var plan: String
        var arrays: [String]
        var merge: String?
        var commands: [String]
    }

    func validate() throws {
        if maxParallel < 1 { throw ValidationError("--max-parallel must be at least 1 (got \(maxParallel))") }
    }

    func run() throws {
        try reportingErrors {
            let folder = PlannedRun.absolute(self.plan)
            let plan = try Plan.load(folder: folder)
            let sbatch = External.find("sbatch")
            if sbatch == nil && !dryRun { throw External.unavailable("sbatch not found: this machine is not a Slurm submit host (or install Slurm: scripts/install-deps --scaleout)") }
            let scripts = SlurmScripts(plan: plan, folder: folder, executable: External.executable, partition: partition, time: time, memory: mem,
                                       maxParallel: maxParallel, extra: sbatchArg, arraySize: try maxArraySize(),
                                       reportDir: reportDir.map(PlannedRun.absolute) ?? plan.reportDir)
            try ReportFolder.create(scripts.logs)
            let arrayPath = folder + "/slurm.sbatch", mergePath = folder + "/slurm-merge.sbatch"
            try ReportFiles([(arrayPath, Data(scripts.arrayScript.utf8)), (mergePath, Data(scripts.mergeScript.utf8))]).write()
            chmod(arrayPath, 0o755)
            chmod(mergePath, 0o755)
            var ids: [String] = [], commands: [String] = []
            let text = !output.json && !output.quiet
            for array in scripts.arrays {
                let words = scripts.submission(array, script: arrayPath)
                commands.append("sbatch " + words.map(Shell.quote).joined(separator: " "))
                if dryRun { if !output.json { print(commands.last ?? "") }; continue }
                ids.append(try submit(sbatch, words))
                if text { print("submitted array \(ids.last ?? "") (tasks \(array.offset)–\(array.offset + array.count - 1))") }
            }
            let dependency = "--dependency=afterany:" + (dryRun ? "<array job ids>" : ids.joined(separator: ":"))
            commands.append("sbatch --parsable \(dependency) \(Shell.quote(mergePath))")
            var merge: String?
            if dryRun {
                if !output.json { print(commands.last ?? "") }
            } else {
                merge = try submit(sbatch, ["--parsable", dependency, mergePath])
                if text {
                    print("submitted merge \(merge ?? "") (after any end of \(ids.joined(separator: ", ")))")
                    print("follow: squeue -j \((ids + [merge ?? ""]).joined(separator: ",")) · cvkit status \(self.plan)")
                }
            }
            if output.json { try JSONOutput.print(SubmitJSON(engine: "slurm", plan: folder, arrays: ids, merge: merge, commands: commands)) }
        }
    }

    private func submit(_ sbatch: String?, _ words: [String]) throws -> String {
        guard let sbatch else { throw External.unavailable("sbatch not found") }
        let (status, output) = try External.run(sbatch, words, capture: true)
        // --parsable prints "<id>" or "<id>;<cluster>"; warnings (stderr) may come before it.
        let id = output.split(separator: "\n").compactMap { line in line.split(separator: ";").first.map(String.init) }
            .last { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? ""
        guard status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw CVKitError.io(path: words.last ?? "sbatch", reason: "sbatch failed (exit \(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return id
    }

    /// The cluster's MaxArraySize (array indices must stay below it); Slurm's default 1001 when
    /// `scontrol` cannot say.
    private func maxArraySize() throws -> Int {
        guard let scontrol = External.find("scontrol"), let (status, output) = try? External.run(scontrol, ["show", "config"], capture: true), status == 0 else { return 1001 }
        for line in output.split(separator: "\n") where line.hasPrefix("MaxArraySize") {
            if let value = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 { return value }
        }
        return 1001
    }
}

/// GNU parallel's `--resume-failed` trusts its joblog; cvkit trusts the result files. Before each
/// submission the joblog loses the lines of tasks whose result is missing (deleted, or lost with a
/// node), so parallel runs them again along with the failed ones.
func reconcileJoblog(plan: Plan, folder: String) throws {
    let path = Plan.resultsFolder(folder) + "/parallel.joblog"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    let done = Set(PlanProgress(plan: plan, folder: folder).done)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    guard let header = lines.first else { return }
    lines = [header] + lines.dropFirst().filter { line in
        guard let task = line.split(separator: " ").last.flatMap({ Int($0) }) else { return false }
        return done.contains(task)
    }
    try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
}

struct SubmitParallel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallel",
        abstract: "Run a plan's tasks with GNU parallel (here, or on --sshloginfile hosts sharing the plan folder).",
        discussion: """
            Keeps a joblog in PLAN/results/parallel.joblog and passes --resume-failed: running the same command again \
            re-runs only the tasks that failed or never ran. Exit status 0 when every task succeeded, 1 otherwise.
            """)

    @Argument(help: ArgumentHelp("The plan folder.", valueName: "plan")) var plan: String
    @Option(help: "Tasks at once (default: all cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: ArgumentHelp("GNU parallel's --sshloginfile: run on these hosts (the plan folder must be shared).", valueName: "file"))
    var sshloginfile: String?
    @Flag(help: "Print the parallel command; run nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    /// `--json`: the command and, when it ran, the outcome.
    struct ParallelJSON: Encodable {
        var engine = "parallel"
        var plan: String
        var command: String
        var tasks: Int
        var done: [Int]?
        var missing: [Int]?
    }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        try reportingErrors {
            let folder = PlannedRun.absolute(self.plan)
            let plan = try Plan.load(folder: folder)
            try ReportFolder.create(Plan.resultsFolder(folder))
            var words = ["--will-cite", "--jobs", String(jobs), "--joblog", Plan.resultsFolder(folder) + "/parallel.joblog", "--resume-failed"]
            if let sshloginfile { words += ["--sshloginfile", PlannedRun.absolute(sshloginfile)] }
            words += [External.executable, "run-task", folder, "--task", "{}"]
            let input = plan.tasks.indices.map(String.init).joined(separator: "\n") + "\n"
            let command = "seq 0 \(plan.tasks.count - 1) | parallel " + words.map(Shell.quote).joined(separator: " ")
            if dryRun {
                if output.json { try JSONOutput.print(ParallelJSON(plan: folder, command: command, tasks: plan.tasks.count)) } else { print(command) }
                return
            }
            guard let parallel = External.find("parallel") else {
                throw External.unavailable("GNU parallel not found (apt-get install parallel, or scripts/install-deps --scaleout)")
            }
            try reconcileJoblog(plan: plan, folder: folder)
            let (status, _) = try External.run(parallel, words, capture: false, input: input)
            let progress = PlanProgress(plan: plan, folder: folder)
            if output.json { try JSONOutput.print(ParallelJSON(plan: folder, command: command, tasks: plan.tasks.count, done: progress.done, missing: progress.missing)) }
            guard status == 0, progress.complete else {
                Standard.error("cvkit: GNU parallel exit \(status); " + progress.missingText(plan: plan, folder: self.plan, resolved: folder))
                throw ExitCode(ExitStatus.checkFailed)
            }
            if !output.json && !output.quiet { print("all \(plan.tasks.count) tasks done: cvkit merge \(self.plan)") }
        }
    }
}
