/// A run of any experiment command as one value: what `kfold`, `loocv`, `split`, `search`,
/// `nested` and `compare` build from their flags, what a plan stores (so `run-task` and `merge`
/// rebuild the run from it, never from command words), and what names its report folder and journal.
///
/// `refitOut` (search, nested) is the model file asked for with `--refit-out`: part of the run,
/// since its report names the file.
public enum RunSpecification: Sendable, Equatable, Codable {
    case crossValidation(CrossValidationExperiment)
    case search(HyperparameterSearch, refitOut: String?)
    case nested(NestedCrossValidation, refitOut: String?)
    case compare(ModelComparison)

    /// `kfold`, `loocv`, `split`, `search`, `nested` or `compare`.
    public var command: String {
        switch self {
        case .crossValidation(let run): run.settings.scheme.rawValue
        case .search: "search"
        case .nested: "nested"
        case .compare: "compare"
        }
    }

    /// The normalized command that reproduces the run (defaults included).
    public var commandLine: String {
        switch self {
        case .crossValidation(let run): run.settings.commandLine
        case .search(let search, _): search.commandLine
        case .nested(let nested, _): nested.commandLine
        case .compare(let comparison): comparison.commandLine
        }
    }

    /// The settings every unit starts from (the base of a search, A of a comparison).
    public var base: RunSettings {
        switch self {
        case .crossValidation(let run): run.settings
        case .search(let search, _): search.base
        case .nested(let nested, _): nested.base
        case .compare(let comparison): comparison.a
        }
    }

    /// `<data>-<command>-<hash of commandLine>`.
    public var reportFolderName: String {
        RunSettings.reportFolderName(dataPath: base.dataPath, command: command, commandLine: commandLine)
    }

    /// Loads the data as the run reads it: with the groups column of group K-fold, or identical
    /// rows as groups (`--group-duplicates`).
    public func loadDataset() throws -> Dataset {
        var csv = base.csv
        if case .crossValidation(let run) = self { csv.groups = run.settings.groups.map(ColumnSelector.init(parsing:)) }
        let dataset = try CSVLoader.load(path: base.dataPath, options: csv)
        if case .crossValidation(let run) = self, run.settings.groupDuplicates {
            return dataset.grouped(by: DuplicateRows(dataset).groupCodes, name: "(identical rows)")
        }
        return dataset
    }

    /// The first line of the run's journal: version, settings hash (of `commandLine`), the command
    /// line, the data's SHA-256 and the number of units of every phase.
    public func journalHeader(dataset: Dataset) throws -> Journal.Header {
        let taskCount: Int
        switch self {
        case .crossValidation(let run): taskCount = try run.settings.resampler().splits(labels: dataset.labels, groups: dataset.groups).count
        case .search(let search, _):
            taskCount = try search.trialCount() * search.base.resampler().splits(labels: dataset.labels, groups: dataset.groups).count
        case .nested(let nested, _): taskCount = try nested.taskCount()
        case .compare(let comparison): taskCount = 2 * comparison.a.k * comparison.a.repeats
        }
        return Journal.Header(cvkitVersion: CVKitVersion.current, settingsHash: RunSettings.hash(commandLine: commandLine), commandLine: commandLine,
                              dataSHA256: dataset.source.sha256, taskCount: taskCount)
    }

    /// The units the run still needs given `finished` (the next phase), or nil when it needs none.
    public func pendingUnits(dataset: Dataset, finished: [TaskResult]) throws -> [ExperimentRunner.Unit]? {
        let done = Dictionary(finished.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        func pending<E: Experiment>(_ experiment: E) throws -> [ExperimentRunner.Unit]? {
            if case .needs(let units) = try experiment.step(dataset: dataset, finished: done) { return units }
            return nil
        }
        switch self {
        case .crossValidation(let run): return try pending(run)
        case .search(let search, _): return try pending(search)
        case .nested(let nested, _): return try pending(nested)
        case .compare(let comparison): return try pending(comparison)
        }
    }
}
