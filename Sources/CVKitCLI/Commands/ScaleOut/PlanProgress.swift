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

    /// "2 of 10 tasks have no result: 3,7" plus ready-to-paste commands to run them again.
    func missingText(plan: Plan, folder: String) -> String {
        let list = IndexRanges.format(missing)
        var lines = ["\(missing.count) of \(plan.tasks.count) tasks have no result: \(list)"
                     + (failed.isEmpty ? "" : " (started and failed: \(IndexRanges.format(failed)))")]
        lines += problems.map { "  \($0)" }
        lines.append("run them again with one of:")
        lines.append("  sbatch --array=\(list) \(folder)/slurm.sbatch" + (missing.contains { $0 >= 1000 } ? "   (plans split into several arrays: cvkit submit slurm again)" : ""))
        lines.append("  cvkit submit slurm \(folder)           (every task again; those with a result stop at once)")
        lines.append("  cvkit submit parallel \(folder)        (re-runs only what failed or is missing)")
        lines.append("  for i in \(missing.map(String.init).joined(separator: " ")); do cvkit run-task \(folder) --task $i; done")
        return lines.joined(separator: "\n")
    }
}
