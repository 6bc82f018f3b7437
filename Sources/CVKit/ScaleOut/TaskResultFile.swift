import Foundation

/// What one task of a plan produced: `PLAN/results/task-<i>.json`.
///
/// Written whole or not at all (temporary name in the same folder, fsync, rename), so a killed
/// task leaves no result and a reader never sees half of one. `seconds` is zeroed: running a task
/// again gives the same bytes. `planHash` ties the file to its plan, and `digests` each result to
/// the run (`RecordSeal`, over the plan's journal header): `merge` refuses a file whose record was
/// altered, naming the file to delete.
public struct TaskResultFile: Codable, Sendable, Equatable {
    public var planHash: String
    public var task: Int
    public var units: [Int]
    public var results: [TaskResult]
    /// One `RecordSeal` digest per result, in order.
    public var digests: [String]

    public init(planHash: String, task: Int, results: [TaskResult], header: Journal.Header) throws {
        self.planHash = planHash
        self.task = task
        self.units = results.map(\.index)
        self.results = results.map { var result = $0; result.seconds = 0; return result }
        self.digests = try self.results.map { try RecordSeal.seal($0, header: header).digest }
    }

    public static func path(plan folder: String, task: Int) -> String { Plan.resultsFolder(folder) + "/task-\(task).json" }

    public func write(plan folder: String) throws {
        try ReportFolder.create(Plan.resultsFolder(folder))
        var data = try Journal.encoder().encode(self)
        data.append(0x0A)
        try AtomicFile.write(data, to: Self.path(plan: folder, task: task))
    }

    /// The result of `task`, or nil when there is none. A file that is not a result of this plan
    /// (another planHash, other units, unreadable) is an error naming it.
    public static func read(plan: Plan, folder: String, task: Int) throws -> TaskResultFile? {
        let path = path(plan: folder, task: task)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let file = try? Journal.decoder().decode(TaskResultFile.self, from: data) else {
            throw CVKitError.badData(location: nil, message: "\(path): not a cvkit task result; delete it and run the task again")
        }
        guard file.planHash == plan.planHash, file.task == task, task < plan.tasks.count, file.units == plan.tasks[task],
              file.results.map(\.index) == file.units else {
            throw CVKitError.badData(location: nil, message: "\(path): a result of another plan (planHash or units differ); delete it and run the task again")
        }
        guard file.digests.count == file.results.count else {
            throw CVKitError.badData(location: nil, message: "\(path): records without their digests; delete it and run the task again (cvkit run-task … --task \(task))")
        }
        for (result, digest) in zip(file.results, file.digests) where try RecordSeal.seal(result, header: plan.journalHeader).digest != digest {
            throw CVKitError.badData(location: nil, message: "\(path): the record of unit \(result.index) fails its digest — it was altered after the task wrote it; "
                + "delete the file and run the task again (cvkit run-task … --task \(task))")
        }
        return file
    }
}
