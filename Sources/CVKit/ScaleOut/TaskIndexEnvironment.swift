/// The task index an engine hands a process through its environment.
///
/// Slurm job arrays set `SLURM_ARRAY_TASK_ID`, Kubernetes Indexed Jobs `JOB_COMPLETION_INDEX`,
/// PBS `PBS_ARRAY_INDEX`, SGE `SGE_TASK_ID`, LSF `LSB_JOBINDEX`. Exactly one of them must be set
/// and hold a non-negative integer: none means the process was not started by an array engine,
/// several mean the environment leaked from an outer job, and guessing would run the wrong task.
public enum TaskIndexEnvironment {
    public static let variables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "PBS_ARRAY_INDEX", "SGE_TASK_ID", "LSB_JOBINDEX"]

    public static func taskIndex(environment: [String: String]) throws -> Int {
        let set = variables.filter { environment[$0].map { !$0.isEmpty } ?? false }
        guard let name = set.first else {
            throw CVKitError.invalidArgument("--task-from-env: none of \(variables.joined(separator: ", ")) is set; pass --task I instead")
        }
        guard set.count == 1 else {
            throw CVKitError.invalidArgument("--task-from-env: several task variables are set (\(set.joined(separator: ", "))); pass --task I instead")
        }
        let text = environment[name] ?? ""
        guard let index = Int(text), index >= 0 else {
            throw CVKitError.invalidArgument("--task-from-env: \(name)=\(text) is not a task index (a whole number from 0)")
        }
        return index
    }
}
