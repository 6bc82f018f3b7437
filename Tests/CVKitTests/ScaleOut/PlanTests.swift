import Foundation
import Testing
@testable import CVKit

@Suite struct PlanTests {
    static let settings = RunSettings(scheme: .kfold, dataPath: "datasets/iris.csv", k: 5, network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                                      training: TrainingOptions(epochs: 2, batchSize: 32), seed: 3)

    func setup() throws -> (Dataset, [ExperimentRunner.Unit]) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        guard case .needs(let units) = try CrossValidationExperiment(settings: Self.settings).step(dataset: data, finished: [:]) else {
            Issue.record("a fresh run needs its units")
            return (data, [])
        }
        return (data, units)
    }

    func plan(_ units: [ExperimentRunner.Unit], perTask: Int = 2) throws -> Plan {
        let header = Journal.Header(cvkitVersion: CVKitVersion.current, settingsHash: "abcd1234", commandLine: "cvkit kfold datasets/iris.csv",
                                    dataSHA256: String(repeating: "0", count: 64), taskCount: units.count)
        return try Plan(command: "kfold", arguments: ["kfold", "datasets/iris.csv"], specification: .crossValidation(CrossValidationExperiment(settings: Self.settings)),
                        workingDirectory: "/tmp", journalHeader: header,
                        reportFolderName: "iris-kfold-abcd1234", phase: 1, previous: [], unitsPerTask: perTask, units: units.map(PlanUnit.init))
    }

    /// `step` trains nothing and names exactly the units without a result; with all of them it
    /// gives the output, the results in unit order.
    @Test func stepNamesThePendingUnits() throws {
        let (data, units) = try setup()
        #expect(units.map(\.index) == [0, 1, 2, 3, 4])
        let experiment = CrossValidationExperiment(settings: Self.settings)
        let done = try ExperimentRunner(units: [units[1], units[3]], jobs: 1).run(journal: nil)
        let partial = Dictionary(uniqueKeysWithValues: done.map { ($0.index, $0) })
        guard case .needs(let missing) = try experiment.step(dataset: data, finished: partial) else { Issue.record("units are missing"); return }
        #expect(missing.map(\.index) == [0, 2, 4])
        let all = try ExperimentRunner(units: units, jobs: 1).run(journal: nil)
        guard case .done(let output) = try experiment.step(dataset: data, finished: Dictionary(uniqueKeysWithValues: all.reversed().map { ($0.index, $0) })) else {
            Issue.record("nothing is missing"); return
        }
        #expect(output == all)
        func timeless(_ results: [TaskResult]) -> [TaskResult] { results.map { var result = $0; result.seconds = 0; return result } }
        #expect(timeless(try experiment.run(dataset: data, jobs: 2)) == timeless(all))
    }

    /// The plan holds the run as a value: it reads back equal, so nothing has to parse command words.
    @Test func theSpecificationRoundTrips() throws {
        let space = try SearchSpace(parsing: "lr=log(1e-4,1e-1) hidden=choice(8|none) epochs=logint(2,9)")
        var search = HyperparameterSearch(base: Self.settings, space: space, method: .coarseToFine, trials: 3, rounds: 2)
        search.selection = .oneSE
        var nested = NestedCrossValidation(base: Self.settings, outerK: 3, innerK: 2, space: space, method: .random, trials: 2)
        nested.selection = .oneSE
        var csv = CSVOptions(label: .name("species"), drop: [.index(0)], naValues: ["?"])
        csv.minCategoryCount = 3
        var settings = Self.settings
        settings.csv = csv
        settings.groupDuplicates = true
        for specification in [RunSpecification.crossValidation(CrossValidationExperiment(settings: settings)), .search(search, refitOut: "m.cvkit"),
                              .nested(nested, refitOut: nil), .compare(ModelComparison(a: Self.settings, b: settings))] {
            let data = try JSONEncoder().encode(specification)
            #expect(try JSONDecoder().decode(RunSpecification.self, from: data) == specification)
        }
    }

    /// Multi-phase experiments ask for one phase at a time: coarse-to-fine round by round, nested
    /// CV its inner searches then its refits; driven step by step they give what `run` gives.
    @Test func phasesComeOneAtATime() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        var base = Self.settings
        base.k = 3
        let space = try SearchSpace(parsing: "lr=log(1e-3,1e-1)")
        let search = HyperparameterSearch(base: base, space: space, method: .coarseToFine, trials: 2, rounds: 2)
        let nested = NestedCrossValidation(base: base, outerK: 3, innerK: 2, space: space, method: .random, trials: 2)
        func phases<E: Experiment>(_ experiment: E) throws -> (sizes: [Int], output: E.Output) {
            var done: [Int: TaskResult] = [:], sizes: [Int] = []
            while true {
                switch try experiment.step(dataset: data, finished: done) {
                case .done(let output): return (sizes, output)
                case .needs(let units):
                    sizes.append(units.count)
                    for result in try ExperimentRunner(units: units, jobs: 2).run(journal: nil) { done[result.index] = result }
                }
            }
        }
        let searched = try phases(search)
        #expect(searched.sizes == [6, 6])
        #expect(searched.output.trials == (try search.run(dataset: data, jobs: 1)).trials)
        let nestedPhases = try phases(nested)
        #expect(nestedPhases.sizes == [3 * 2 * 2, 3])
        #expect(nestedPhases.output == (try nested.run(dataset: data, jobs: 2)))
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
        try TaskResultFile(planHash: p.planHash, task: 1, results: results, header: p.journalHeader).write(plan: folder)
        let first = try Data(contentsOf: URL(fileURLWithPath: TaskResultFile.path(plan: folder, task: 1)))
        let read = try #require(try TaskResultFile.read(plan: p, folder: folder, task: 1))
        #expect(read.units == [2, 3] && read.results.allSatisfy { $0.seconds == 0 })
        #expect(read.results.map(\.accuracy) == results.map(\.accuracy))
        let again = try ExperimentRunner(units: [units[2], units[3]], jobs: 2).run(journal: nil)
        try TaskResultFile(planHash: p.planHash, task: 1, results: again, header: p.journalHeader).write(plan: folder)
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
