import CVKit
import Foundation

/// Which tasks of a plan have a result, which do not, and which of those were started and failed
/// (a log or a GNU parallel joblog line exists for them). `merge` and `status` share it.
struct PlanProgress {
    var done: [Int] = []
    var missing: [Int] = []
    /// Missing tasks with evidence of a failed attempt.
    var failed: [Int] = []
    /// Result files that belong to no task of this plan, or are unreadable (with the reason).
    var problems: [String] = []

    init(plan: Plan, folder: String) {
        let attempted = Self.attemptedTasks(folder: folder)
        for task in plan.tasks.indices {
            do {
                if try TaskResultFile.read(plan: plan, folder: folder, task: task) != nil { done.append(task); continue }
            } catch {
                problems.append("\(error)")
            }
            missing.append(task)
            if attempted.contains(task) { failed.append(task) }
        }
    }

    /// Tasks with a Slurm log (`results/logs/<job>_<element>.out`, whose first line run-task writes:
    /// "task I: …") or a non-zero GNU parallel joblog line.
    static func attemptedTasks(folder: String) -> Set<Int> {
        var tasks = Set<Int>()
        let logs = Plan.resultsFolder(folder) + "/logs"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: logs)) ?? [] where name.hasSuffix(".out") {
            // run-task's first line names the task: "task 7: plan …".
            guard let handle = FileHandle(forReadingAtPath: logs + "/" + name) else { continue }
            let head = String(decoding: handle.readData(ofLength: 200), as: UTF8.self)
            try? handle.close()
            if head.hasPrefix("task "), let task = head.dropFirst(5).split(separator: ":").first.flatMap({ Int($0) }) { tasks.insert(task) }
        }
        if let joblog = try? String(contentsOfFile: Plan.resultsFolder(folder) + "/parallel.joblog", encoding: .utf8) {
            for line in joblog.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t")
                // Seq Host Starttime JobRuntime Send Receive Exitval Signal Command … --task I
                guard fields.count >= 9, let exit = Int(fields[6]), let signal = Int(fields[7]), exit != 0 || signal != 0,
                      let task = fields[8].split(separator: " ").last.flatMap({ Int($0) }) else { continue }
                tasks.insert(task)
            }
        }
        return tasks
    }

    var complete: Bool { missing.isEmpty }

    /// The engine that ran the plan, from what it left in the plan folder: GNU parallel's joblog,
    /// or the Slurm scripts; nil when neither (tasks run by hand).
    static func engine(folder: String) -> String? {
        if FileManager.default.fileExists(atPath: Plan.resultsFolder(folder) + "/parallel.joblog") { return "parallel" }
        if FileManager.default.fileExists(atPath: folder + "/slurm.sbatch") { return "slurm" }
        return nil
    }

    /// "2 of 10 tasks have no result: 3,7" plus ready-to-paste commands to run them again, for the
    /// engine that ran the plan (`engine(folder:)`; `folder` as the user typed it, `resolved` where it is).
    func missingText(plan: Plan, folder: String, resolved: String? = nil) -> String {
        let list = IndexRanges.format(missing)
        var lines = ["\(missing.count) of \(plan.tasks.count) tasks have no result: \(list)"
                     + (failed.isEmpty ? "" : " (started and failed: \(IndexRanges.format(failed)))")]
        lines += problems.map { "  \($0)" }
        lines.append("run them again with:")
        switch Self.engine(folder: resolved ?? folder) {
        case "parallel":
            lines.append("  cvkit submit parallel \(folder)        (re-runs only what failed or is missing)")
        case "slurm":
            // One array script covers task indices below the first array's size; a plan split into
            // several arrays (MaxArraySize) is re-submitted whole: tasks with a result stop at once.
            if missing.allSatisfy({ $0 < 1000 }) && plan.tasks.count <= 1000 {
                lines.append("  sbatch --array=\(list) \(folder)/slurm.sbatch")
            }
            lines.append("  cvkit submit slurm \(folder)           (every task again; those with a result stop at once)")
        default:
            lines.append("  for i in \(missing.map(String.init).joined(separator: " ")); do cvkit run-task \(folder) --task $i; done")
            lines.append("  or: cvkit submit parallel \(folder) · cvkit submit slurm \(folder)")
        }
        return lines.joined(separator: "\n")
    }
}
