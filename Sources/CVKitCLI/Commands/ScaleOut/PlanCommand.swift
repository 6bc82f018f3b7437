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

    @Option(help: ArgumentHelp("Work units per task, or auto: enough units that a task has about 10 s of estimated training (queue overhead is seconds per task). Default 1.",
                               valueName: "n|auto"))
    var unitsPerTask: String = "1"

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
        if unitsPerTask != "auto" && (Int(unitsPerTask) ?? 0) < 1 { throw ValidationError("--units-per-task must be a whole number ≥ 1 or auto (got \(unitsPerTask))") }
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
                guard words[i + 1] == "auto" || (Int(words[i + 1]) ?? 0) >= 1 else {
                    throw ValidationError("--units-per-task must be a whole number ≥ 1 or auto (got \(words[i + 1]))")
                }
                perTask = words[i + 1]
                words.removeSubrange(i...(i + 1))
            }
            guard let out, !out.isEmpty else { throw ValidationError("cvkit plan needs --out PLAN: the folder the plan is written to (not empty)") }
            words = PlannedRun.withoutExecutionOptions(words)
            let specification = try CVKitCommand.specification(words)
            let folder = PlannedRun.absolute(out)
            let phase = try PlannedRun.phase(specification)
            let estimate = TaskSizing.secondsPerUnit(phase.units)
            let units = perTask == "auto" ? TaskSizing.unitsPerTask(secondsPerUnit: estimate, units: phase.units.count) : Int(perTask) ?? 1
            try ReportFolder.create(folder)
            let plan = try Plan(command: specification.command, arguments: words, specification: specification,
                                workingDirectory: FileManager.default.currentDirectoryPath, journalHeader: phase.header,
                                reportFolderName: phase.folderName, phase: 1, previous: [], unitsPerTask: units, units: phase.units.map(PlanUnit.init))
            try plan.save(folder: folder)
            if output.json {
                try JSONOutput.print(PlanJSON(plan: folder, commandLine: plan.commandLine, phase: plan.phase, units: plan.units.count, tasks: plan.tasks.count,
                                              unitsPerTask: plan.unitsPerTask, planHash: plan.planHash))
            } else if output.quiet {
                print(out)
            } else {
                print(ScaleOutText.planned(plan, folder: out))
                print(TaskSizing.note(secondsPerUnit: estimate, plan: plan, auto: perTask == "auto"))
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

/// How long a unit's training is likely to take, so that tasks are not dwarfed by the scheduler's
/// start-up cost (a second or more each, minutes when the queue is busy).
enum TaskSizing {
    /// A conservative single-core rate for the whole training step (measured here: 26–55 GFLOP/s on
    /// the benchmarks, `make bench`); slower machines and small batches do worse, so 10.
    static let flopsPerSecond = 10e9
    /// Per-unit fixed cost: loading, preprocessing, scoring (seconds).
    static let overhead = 0.05
    static let target = 10.0

    /// Estimated seconds of one unit, the mean over `units`: training FLOPs per sample × training
    /// rows × epochs at `flopsPerSecond`, plus `overhead`.
    static func secondsPerUnit(_ units: [ExperimentRunner.Unit]) -> Double {
        guard !units.isEmpty else { return 0 }
        let total = units.reduce(0.0) { sum, unit in
            var config = unit.runner.settings.network
            config.inputs = max(unit.runner.dataset.featureCount, 1)
            config.classes = max(unit.runner.dataset.classCount, 2)
            return sum + Double(config.trainingFLOPsPerSample) * Double(unit.split.trainCount) * Double(unit.runner.settings.training.epochs) / flopsPerSecond
        }
        return total / Double(units.count) + overhead
    }

    static func unitsPerTask(secondsPerUnit: Double, units: Int) -> Int {
        max(1, min(units, Int((target / max(secondsPerUnit, 1e-6)).rounded(.up))))
    }

    /// The estimate, and advice when tasks come out far shorter than the target.
    static func note(secondsPerUnit: Double, plan: Plan, auto: Bool) -> String {
        let perTask = secondsPerUnit * Double(plan.unitsPerTask)
        var text = String(format: "  estimate: about %.2f s of training per unit, %.1f s per task (at %.0f GFLOP/s per core)", secondsPerUnit, perTask, flopsPerSecond / 1e9)
        if !auto && perTask < target / 2 && plan.units.count > 1 {
            let suggested = unitsPerTask(secondsPerUnit: secondsPerUnit, units: plan.units.count)
            text += "\n  tasks this short spend more time queueing than training: --units-per-task \(suggested) (or auto) makes tasks of about "
                + String(format: "%.0f s", secondsPerUnit * Double(suggested))
        }
        return text
    }
}
