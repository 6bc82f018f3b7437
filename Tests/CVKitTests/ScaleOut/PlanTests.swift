import Foundation
import Testing
@testable import CVKit

@Suite struct PlanTests {
    func setup() throws -> (Dataset, [ExperimentRunner.Unit]) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let settings = RunSettings(scheme: .kfold, dataPath: "datasets/iris.csv", k: 5, network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                                   training: TrainingOptions(epochs: 2, batchSize: 32), seed: 3)
        let splits = try settings.resampler().splits(labels: data.labels, groups: data.groups)
        return (data, ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1).units)
    }

    func plan(_ units: [ExperimentRunner.Unit], perTask: Int = 2) throws -> Plan {
        let header = Journal.Header(cvkitVersion: CVKitVersion.current, settingsHash: "abcd1234", commandLine: "cvkit kfold datasets/iris.csv",
                                    dataSHA256: String(repeating: "0", count: 64), taskCount: units.count)
        return try Plan(command: "kfold", arguments: ["kfold", "datasets/iris.csv"], workingDirectory: "/tmp", journalHeader: header,
                        reportFolderName: "iris-kfold-abcd1234", phase: 1, previous: [], unitsPerTask: perTask, units: units.map(PlanUnit.init))
    }

    /// In `.collect` mode the runner trains nothing and names exactly the units without a result.
    @Test func collectModeNamesThePendingUnits() throws {
        let (_, units) = try setup()
        let runner = ExperimentRunner(units: units, jobs: 2)
        let done = try ExperimentRunner(units: [units[1], units[3]], jobs: 1).run(journal: nil)
        #expect {
            try ExperimentRunner.$mode.withValue(.collect) { _ = try runner.run(journal: nil, finished: done) }
        } throws: { error in
            (error as? UnitsNeeded)?.units.map(\.index) == [0, 2, 4]
        }
        // With every result present, collecting runs to the end and returns them in order.
        let all = try ExperimentRunner(units: units, jobs: 1).run(journal: nil)
        let collected = try ExperimentRunner.$mode.withValue(.collect) { try runner.run(journal: nil, finished: all.reversed()) }
        #expect(collected == all)
    }

    @Test func tasksGroupConsecutiveUnitsAndTheHashSealsThePlan() throws {
        let (_, units) = try setup()
        let p = try plan(units, perTask: 2)
        #expect(p.tasks == [[0, 1], [2, 3], [4]])
        let recomputed = try p.computeHash()
        #expect(p.planHash.count == 64 && recomputed == p.planHash)
        #expect(try plan(units, perTask: 2).planHash == p.planHash)
        #expect(try plan(units, perTask: 3).planHash != p.planHash)
        // Units are pinned by their split: another seed gives other splits, so other hashes.
        #expect(Set(p.units.map(\.splitSHA256)).count == 5 && p.units.map(\.nTest) == [30, 30, 30, 30, 30])
        #expect(throws: CVKitError.self) { try plan(units, perTask: 0) }
    }

    @Test func anEditedPlanIsRefusedAndAPlanNeverChanges() throws {
        let (_, units) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let p = try plan(units)
        try p.save(folder: folder)
        #expect(try Plan.load(folder: folder) == p)
        try p.save(folder: folder)  // the same plan again: accepted
        #expect(throws: CVKitError.self) { try plan(units, perTask: 1).save(folder: folder) }
        let path = folder + "/plan.json"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"unitsPerTask\" : 2", with: "\"unitsPerTask\" : 3")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Plan.load(folder: folder) } throws: { "\($0)".contains("edited after it was written") }
        #expect { try Plan.load(folder: folder + "/none") } throws: { ($0 as? CVKitError)?.kind == .unreadableInput }
    }

    /// A task result is written whole, with zeroed times (same bytes on a re-run), and only read
    /// back for the plan and task it belongs to.
    @Test func taskResultFilesBelongToTheirPlan() throws {
        let (_, units) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let p = try plan(units)
        try p.save(folder: folder)
        #expect(try TaskResultFile.read(plan: p, folder: folder, task: 1) == nil)
        let results = try ExperimentRunner(units: [units[2], units[3]], jobs: 1).run(journal: nil)
        try TaskResultFile(planHash: p.planHash, task: 1, results: results).write(plan: folder)
        let first = try Data(contentsOf: URL(fileURLWithPath: TaskResultFile.path(plan: folder, task: 1)))
        let read = try #require(try TaskResultFile.read(plan: p, folder: folder, task: 1))
        #expect(read.units == [2, 3] && read.results.allSatisfy { $0.seconds == 0 })
        #expect(read.results.map(\.accuracy) == results.map(\.accuracy))
        let again = try ExperimentRunner(units: [units[2], units[3]], jobs: 2).run(journal: nil)
        try TaskResultFile(planHash: p.planHash, task: 1, results: again).write(plan: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: TaskResultFile.path(plan: folder, task: 1))) == first)
        // Filed under the wrong task, or for another plan: refused with the file named.
        try FileManager.default.copyItem(atPath: TaskResultFile.path(plan: folder, task: 1), toPath: TaskResultFile.path(plan: folder, task: 0))
        #expect { try TaskResultFile.read(plan: p, folder: folder, task: 0) } throws: { "\($0)".contains("task-0.json") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/results").sorted() == ["task-0.json", "task-1.json"])
    }
}

@Suite struct ScaleOutHelpersTests {
    @Test func indexRangesCollapseRuns() {
        #expect(IndexRanges.format([]) == "")
        #expect(IndexRanges.format([4]) == "4")
        #expect(IndexRanges.format([9, 0, 1, 2, 3, 7, 10, 3]) == "0-3,7,9-10")
    }

    @Test func taskIndexComesFromExactlyOneEngineVariable() throws {
        #expect(try TaskIndexEnvironment.taskIndex(environment: ["SLURM_ARRAY_TASK_ID": "7", "HOME": "/root"]) == 7)
        #expect(try TaskIndexEnvironment.taskIndex(environment: ["JOB_COMPLETION_INDEX": "0"]) == 0)
        #expect(try TaskIndexEnvironment.taskIndex(environment: ["LSB_JOBINDEX": "12", "SGE_TASK_ID": ""]) == 12)
        #expect { try TaskIndexEnvironment.taskIndex(environment: [:]) } throws: { "\($0)".contains("none of SLURM_ARRAY_TASK_ID") }
        #expect { try TaskIndexEnvironment.taskIndex(environment: ["SLURM_ARRAY_TASK_ID": "1", "PBS_ARRAY_INDEX": "1"]) } throws: {
            "\($0)".contains("several")
        }
        #expect { try TaskIndexEnvironment.taskIndex(environment: ["SGE_TASK_ID": "undefined"]) } throws: { "\($0)".contains("not a task index") }
        #expect { try TaskIndexEnvironment.taskIndex(environment: ["SGE_TASK_ID": "-1"]) } throws: { "\($0)".contains("not a task index") }
    }
}
