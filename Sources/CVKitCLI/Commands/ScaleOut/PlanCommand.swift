import ArgumentParser
import CVKit
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the run's work units as a plan of independent tasks for Slurm, GNU parallel or Kubernetes.",
        discussion: """
            Takes a run exactly as you would start it locally (kfold, loocv, split, search, nested or compare, its data \
            file and flags) and writes PLAN/plan.json: the settings, the data's SHA-256, the cvkit version and every work \
            unit with its seed and split, grouped into tasks. Then: cvkit submit slurm PLAN, or cvkit submit parallel PLAN, \
            or cvkit run-task PLAN --task I for each task; finally cvkit merge PLAN writes the report the local run writes.
            Example: cvkit plan kfold datasets/digits.csv --k 10 --out plans/digits
            """)

    @Option(help: ArgumentHelp("Folder of the plan (created; results go to its results/).", valueName: "dir"))
    var out: String?

    @Option(help: "Work units per task: pick it so one task lasts minutes, not seconds (queue overhead).")
    var unitsPerTask: Int = 1

    @OptionGroup var output: OutputOptions

    /// `--json`: what was planned.
    struct PlanJSON: Encodable {
        var plan: String
        var commandLine: String
        var phase: Int
        var units: Int
        var tasks: Int
        var unitsPerTask: Int
        var planHash: String
    }

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The run: <command> DATA.csv [its flags].", valueName: "run"))
    var runWords: [String] = []

    func validate() throws {
        if unitsPerTask < 1 { throw ValidationError("--units-per-task must be at least 1 (got \(unitsPerTask))") }
    }

    func run() throws {
        // `--help` lands in the captured words: answer it as every other command does.
        if runWords.first == "--help" || runWords.first == "-h" || runWords == ["help"] { throw CleanExit.helpRequest(self) }
        try reportingErrors {
            // Options of `plan` itself may also come after the run's words.
            var words = runWords, out = self.out, perTask = unitsPerTask
            var output = self.output
            // `--json`/`--quiet` after the run's words are plan's own (a plan's run prints nothing).
            if let i = words.firstIndex(of: "--json") { output.json = true; words.remove(at: i) }
            for flag in ["--quiet", "-q"] { if let i = words.firstIndex(of: flag) { output.quiet = true; words.remove(at: i) } }
            if let i = words.firstIndex(of: "--out"), i + 1 < words.count { out = words[i + 1]; words.removeSubrange(i...(i + 1)) }
            if let i = words.firstIndex(of: "--units-per-task"), i + 1 < words.count {
                guard let value = Int(words[i + 1]), value >= 1 else { throw ValidationError("--units-per-task must be a whole number ≥ 1 (got \(words[i + 1]))") }
                perTask = value
                words.removeSubrange(i...(i + 1))
            }
            guard let out, !out.isEmpty else { throw ValidationError("cvkit plan needs --out PLAN: the folder the plan is written to (not empty)") }
            words = PlannedRun.withoutExecutionOptions(words)
            let specification = try CVKitCommand.specification(words)
            let folder = PlannedRun.absolute(out)
            let phase = try PlannedRun.phase(specification)
            try ReportFolder.create(folder)
            let plan = try Plan(command: specification.command, arguments: words, specification: specification,
                                workingDirectory: FileManager.default.currentDirectoryPath, journalHeader: phase.header,
                                reportFolderName: phase.folderName, phase: 1, previous: [], unitsPerTask: perTask, units: phase.units.map(PlanUnit.init))
            try plan.save(folder: folder)
            if output.json {
                try JSONOutput.print(PlanJSON(plan: folder, commandLine: plan.commandLine, phase: plan.phase, units: plan.units.count, tasks: plan.tasks.count,
                                              unitsPerTask: plan.unitsPerTask, planHash: plan.planHash))
            } else if output.quiet {
                print(out)
            } else {
                print(ScaleOutText.planned(plan, folder: out))
            }
        }
    }
}

/// The plain-text summaries of the scale-out commands.
enum ScaleOutText {
    static func planned(_ plan: Plan, folder: String) -> String {
        let n = plan.tasks.count
        return """
            plan: \(plan.commandLine)
              phase \(plan.phase): \(plan.units.count) units in \(n) task\(n == 1 ? "" : "s") (\(plan.unitsPerTask) per task) → \(folder)/plan.json
              data sha256 \(plan.dataSHA256.prefix(16))…, plan \(plan.planHash.prefix(16))…
            run it with one of:
              cvkit submit slurm \(folder)
              cvkit submit parallel \(folder)
              for i in $(seq 0 \(n - 1)); do cvkit run-task \(folder) --task $i; done
            then: cvkit merge \(folder)
            """
    }
}
