import CVKit
import Foundation

/// The two batch scripts `cvkit submit slurm` writes into the plan folder.
///
/// `slurm.sbatch` is a job array, one element per task, logs in `results/logs/%A_%a.out`; it runs
/// `cvkit run-task PLAN --task-from-env`, adding `CVKIT_TASK_OFFSET` when a plan has more tasks
/// than the cluster's MaxArraySize and is submitted as several arrays. `slurm-merge.sbatch`
/// merges; it is submitted with `--dependency=afterany:<arrays>` — never `afterok`, which would
/// leave it pending forever after one failed element; `merge` itself judges completeness.
struct SlurmScripts {
    var plan: Plan
    var folder: String
    var executable: String
    var partition: String?
    var time: String?
    var memory: String?
    var maxParallel: Int
    var extra: [String]
    /// Array elements per submission (the cluster's MaxArraySize).
    var arraySize: Int
    /// `--report-dir` of the merge job; nil: `reports` in the plan's working folder, as a local run.
    var reportDir: String? = nil

    var taskCount: Int { plan.tasks.count }
    var logs: String { Plan.resultsFolder(folder) + "/logs" }

    /// The arrays to submit: (offset, count), covering 0..<taskCount.
    var arrays: [(offset: Int, count: Int)] {
        stride(from: 0, to: taskCount, by: arraySize).map { ($0, min(arraySize, taskCount - $0)) }
    }

    func arraySpec(count: Int) -> String { "0-\(count - 1)%\(maxParallel)" }

    private func common(name: String) -> [String] {
        var lines = ["#!/bin/bash", "# cvkit plan \(plan.planHash.prefix(16)), phase \(plan.phase): \(plan.commandLine)",
                     "#SBATCH --job-name=\(name)", "#SBATCH --chdir=\(plan.workingDirectory)", "#SBATCH --nodes=1", "#SBATCH --ntasks=1",
                     "#SBATCH --cpus-per-task=1"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += extra.map { "#SBATCH \($0)" }
        return lines
    }

    var arrayScript: String {
        var lines = common(name: "cvkit-\(plan.planHash.prefix(8))")
        lines.insert("#SBATCH --array=\(arraySpec(count: arrays.first?.count ?? 1))", at: 3)
        lines.insert("#SBATCH --output=\(logs)/%A_%a.out", at: 4)
        lines.append("exec \(Shell.quote(executable)) run-task \(Shell.quote(folder)) --task-from-env --task-offset \"${CVKIT_TASK_OFFSET:-0}\"")
        return lines.joined(separator: "\n") + "\n"
    }

    var mergeScript: String {
        var lines = common(name: "cvkit-\(plan.planHash.prefix(8))-merge")
        lines.insert("#SBATCH --output=\(logs)/merge-%j.log", at: 3)
        lines.insert("# Submitted after the array by cvkit submit slurm: sbatch --dependency=afterany:<array job ids> \(folder)/slurm-merge.sbatch", at: 2)
        lines.insert("# (afterany, never afterok: one failed task would leave the merge pending forever; merge judges completeness itself)", at: 3)
        lines.append("exec \(Shell.quote(executable)) merge \(Shell.quote(folder))" + (reportDir.map { " --report-dir \(Shell.quote($0))" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// sbatch's arguments for array `i` (the script's own `--array` covers the first).
    func submission(_ array: (offset: Int, count: Int), script: String) -> [String] {
        var words = ["--parsable"]
        if array.offset > 0 { words += ["--array=\(arraySpec(count: array.count))", "--export=ALL,CVKIT_TASK_OFFSET=\(array.offset)"] }
        return words + [script]
    }
}
