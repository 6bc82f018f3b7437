import Foundation

/// One phase of a run, cut into independent tasks for an engine that cvkit does not own (a Slurm
/// job array, GNU parallel, a Kubernetes Indexed Job): `PLAN/plan.json`.
///
/// A plan holds the run as a value (`specification`: what `run-task` and `merge` rebuild it from,
/// never from command words), shows it as its command words (`arguments`), and pins everything
/// that decides its results: the normalized command line and the data's SHA-256
/// (inside `journalHeader`, exactly as the local run's journal starts), the cvkit version, and
/// every work unit the local runner would execute — same index, same seed, same split (its
/// SHA-256) — so results are identical whichever way they run. Units are grouped into tasks of
/// `unitsPerTask` consecutive units; task `i` is what `cvkit run-task PLAN --task i` runs.
/// `planHash` is the SHA-256 of the plan's JSON with `planHash` empty: a plan never changes after
/// it is written, and a task result names the plan it belongs to.
///
/// Multi-phase runs (coarse-to-fine rounds, nested CV's outer refits after the inner searches)
/// have one plan per phase: `previous` lists the folders of the earlier phases' plans, whose
/// results every later phase (and the final merge) reads.
public struct Plan: Codable, Sendable, Equatable {
    public static let fileName = "plan.json"
    public static let currentFormat = 1

    public var format: Int
    public var cvkitVersion: String
    /// `kfold`, `loocv`, `split`, `search`, `nested` or `compare`.
    public var command: String
    /// The run's command words after `cvkit`, as given to `plan` (for people and hints; nothing
    /// parses them again).
    public var arguments: [String]
    /// The run itself, from which `run-task` derives its units and `merge` writes the report. nil
    /// only in a plan written before it existed (such a plan must be written again).
    public var specification: RunSpecification?
    /// Where relative paths in `arguments` are resolved (the folder `plan` ran in). On a cluster it
    /// must be on storage every node sees.
    public var workingDirectory: String
    /// The first line of the local run's journal: normalized command line, settings hash, data
    /// SHA-256, cvkit version, task count.
    public var journalHeader: Journal.Header
    /// The local run's report folder name (`<data>-<command>-<hash>`), also used by `merge`.
    public var reportFolderName: String
    public var phase: Int
    public var previous: [String]
    /// The report folder `merge` of an earlier phase was given (`--report-dir`): the default of this
    /// phase's `merge` and Slurm merge job, so a run's phases report into one place. nil: `reports`.
    public var reportDir: String?
    public var unitsPerTask: Int
    public var units: [PlanUnit]
    /// Unit indices per task, task 0 first.
    public var tasks: [[Int]]
    public var planHash: String

    public var commandLine: String { journalHeader.commandLine }
    public var dataSHA256: String { journalHeader.dataSHA256 }

    /// Groups `units` into tasks of `unitsPerTask` (the last may be smaller) and seals the plan.
    public init(command: String, arguments: [String], specification: RunSpecification, workingDirectory: String, journalHeader: Journal.Header,
                reportFolderName: String, phase: Int, previous: [String], unitsPerTask: Int, units: [PlanUnit], reportDir: String? = nil) throws {
        guard unitsPerTask >= 1 else { throw CVKitError.invalidArgument("--units-per-task must be at least 1 (got \(unitsPerTask))") }
        self.format = Plan.currentFormat
        self.cvkitVersion = CVKitVersion.current
        self.command = command
        self.arguments = arguments
        self.specification = specification
        self.workingDirectory = workingDirectory
        self.journalHeader = journalHeader
        self.reportFolderName = reportFolderName
        self.phase = phase
        self.previous = previous
        self.reportDir = reportDir
        self.unitsPerTask = unitsPerTask
        self.units = units
        self.tasks = stride(from: 0, to: units.count, by: unitsPerTask).map { start in
            units[start..<min(start + unitsPerTask, units.count)].map(\.index)
        }
        self.planHash = ""
        self.planHash = try computeHash()
    }

    /// SHA-256 (hex) of the plan's canonical JSON with `planHash` set to "".
    public func computeHash() throws -> String {
        var copy = self
        copy.planHash = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var hasher = SHA256()
        hasher.update(try encoder.encode(copy))
        return hasher.finalizeHex()
    }

    /// The plan in `folder`, checked: readable, a known format, written by this cvkit version
    /// (another version may split or seed differently), and unedited (`planHash`).
    public static func load(folder: String) throws -> Plan {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CVKitError.unreadableInput(path: path, reason: "no plan here; write one with cvkit plan <command> DATA.csv … --out \(folder)")
        }
        let plan: Plan
        do { plan = try JSONDecoder().decode(Plan.self, from: data) } catch {
            throw CVKitError.badData(location: nil, message: "\(path): not a cvkit plan (\(error.localizedDescription))")
        }
        guard plan.format == currentFormat else {
            throw CVKitError.badData(location: nil, message: "\(path): plan format \(plan.format); this cvkit reads format \(currentFormat)")
        }
        guard plan.cvkitVersion == CVKitVersion.current else {
            throw CVKitError.badData(location: nil, message: "\(path): written by cvkit \(plan.cvkitVersion), this is \(CVKitVersion.current); "
                + "run every task and the merge with the version that wrote the plan")
        }
        guard try plan.computeHash() == plan.planHash else {
            throw CVKitError.badData(location: nil, message: "\(path): the plan was edited after it was written (its planHash does not match); write a new plan")
        }
        return plan
    }

    /// Writes `folder/plan.json` whole. A plan is immutable: an existing different plan is refused;
    /// the same plan again is accepted (so `plan` can be re-run safely).
    public func save(folder: String) throws {
        try ReportFolder.create(folder)
        let path = folder + "/" + Plan.fileName
        let data = try ReportJSON.encode(self)
        if let existing = FileManager.default.contents(atPath: path) {
            if existing == data { return }
            throw CVKitError.cannotCreate(path: path, reason: "a different plan is already there, and plans never change; choose another --out or delete the folder")
        }
        try AtomicFile.write(data, to: path)
    }

    /// The folder of task results: `PLAN/results`.
    public static func resultsFolder(_ folder: String) -> String { folder + "/results" }
}

/// One work unit of a plan: one split trained and scored under one setting.
public struct PlanUnit: Codable, Sendable, Equatable {
    /// The unit's index in the run (its journal key).
    public var index: Int
    public var `repeat`: Int
    public var fold: Int
    /// The run seed of the unit's settings; the network and batch-order seeds derive from
    /// (seed, repeat, fold) (see `TaskRunner`).
    public var seed: UInt64
    /// The hash of the unit's settings (differs between search trials and compared models).
    public var settingsHash: String
    public var nTrain: Int
    public var nValidation: Int
    public var nTest: Int
    /// SHA-256 (hex) of the split's row indices (train, validation, test as little-endian UInt32
    /// with a separator between the parts); when the training rows are every other row of n
    /// (`Split.complementRowCount`), the train part is n with a marker instead of n − |test| indices,
    /// so planning k folds or leave-one-out costs O(n), not O(k·n).
    public var splitSHA256: String

    public init(_ unit: ExperimentRunner.Unit) {
        index = unit.index
        `repeat` = unit.split.repetition
        fold = unit.split.fold
        seed = unit.runner.settings.seed
        settingsHash = unit.runner.settings.hash
        nTrain = unit.split.trainCount
        nValidation = unit.split.validation.count
        nTest = unit.split.test.count
        var hasher = SHA256()
        let trainPart = unit.split.complementRowCount.map { [-1, $0] } ?? unit.split.train
        for part in [trainPart, unit.split.validation, unit.split.test] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(part.count * 4 + 4)
            for row in part { withUnsafeBytes(of: UInt32(truncatingIfNeeded: row).littleEndian) { bytes.append(contentsOf: $0) } }
            bytes.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
            hasher.update(bytes)
        }
        splitSHA256 = hasher.finalizeHex()
    }
}
