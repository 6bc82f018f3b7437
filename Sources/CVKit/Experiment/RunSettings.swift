import Foundation

/// Everything that decides a cross-validation run's results, normalized.
///
/// Two runs with equal settings and equal data give byte-identical `report.md` and
/// `results.json`, whatever `--jobs`, `--report-dir` or `--resume` were: those are not settings.
/// `commandLine` writes the settings back as the one command that reproduces the run, and `hash`
/// (the first 8 hex digits of its SHA-256) names the report folder.
public struct RunSettings: Sendable, Equatable, Codable {
    public enum Scheme: String, Sendable, Codable {
        case kfold, loocv, split
    }

    public var scheme: Scheme
    public var dataPath: String
    public var csv: CSVOptions
    public var groups: String?
    /// K-fold only.
    public var k: Int
    public var repeats: Int
    public var stratified: Bool
    /// Split only: fractions of all rows.
    public var validation: Double
    public var test: Double
    public var network: NetworkConfig
    public var training: TrainingOptions
    public var seed: UInt64
    /// The headline metric (`--metric`): what the terminal and report lead with; accuracy unless asked.
    public var metric: MetricName
    /// K-fold with identical rows as groups (`--group-duplicates`, `DuplicateRows.groupCodes`): no
    /// row has an exact twin across the training and test parts. Not with `groups`.
    public var groupDuplicates = false
    /// With early stopping (`training.patience`) outside `split`: the share of each training part
    /// carved off, stratified, as the validation slice that chooses the epoch (`--val-fraction`).
    public var validationFraction = 0.1

    public init(scheme: Scheme, dataPath: String, csv: CSVOptions = CSVOptions(), groups: String? = nil, k: Int = 10, repeats: Int = 1,
                stratified: Bool = true, validation: Double = 0.15, test: Double = 0.15,
                network: NetworkConfig, training: TrainingOptions = TrainingOptions(), seed: UInt64 = 0, metric: MetricName = .accuracy) {
        self.metric = metric
        self.scheme = scheme
        self.dataPath = dataPath
        self.csv = csv
        self.groups = groups
        self.k = k
        self.repeats = repeats
        self.stratified = stratified
        self.validation = validation
        self.test = test
        self.network = network
        self.training = training
        self.seed = seed
    }

    /// The resampler this run uses.
    public func resampler() -> any Resampler {
        switch scheme {
        case .kfold:
            groups == nil && !groupDuplicates
                ? KFold(k: k, repeats: repeats, stratified: stratified, seed: seed) : GroupKFold(k: k, repeats: repeats, stratified: stratified, seed: seed)
        case .loocv: LeaveOneOut(seed: seed)
        case .split: Holdout(validation: validation, test: test, stratified: stratified, seed: seed)
        }
    }

    /// The command that reproduces these results: every option that changes them, in a fixed
    /// order, defaults included; never `--jobs`, `--report-dir`, `--resume`, `--json` or `--quiet`.
    public var commandLine: String {
        var words = ["cvkit", scheme.rawValue] + dataWords
        switch scheme {
        case .kfold:
            words += ["--k", String(k), "--repeats", String(repeats)]
            if let groups { words += ["--groups", Shell.quote(groups)] }
            if groupDuplicates { words.append("--group-duplicates") }
            if !stratified { words.append("--no-stratify") }
        case .loocv: break
        case .split:
            words += ["--val", Shell.number(validation), "--test", Shell.number(test)]
            if !stratified { words.append("--no-stratify") }
        }
        return (words + modelWords + ["--seed", String(seed)] + (metric == .accuracy ? [] : ["--metric", metric.rawValue])).joined(separator: " ")
    }

    /// The data file and how it is read: path, `--label`, `--delimiter`, `--no-header`, and the column
    /// roles and missing-value flags when they differ from the defaults.
    public var dataArguments: String { dataWords.joined(separator: " ") }

    private var dataWords: [String] { RunSettings.dataWords(dataPath: dataPath, csv: csv) }

    /// The data file and its reading flags as a command line writes them (every command that reads
    /// data spells them through this one function).
    public static func dataWords(dataPath: String, csv: CSVOptions) -> [String] {
        // A file named like an option (`-iris.csv`) is written `./-iris.csv`: the same file, and a
        // line that can be pasted back (standard input stays `-`).
        var words = [Shell.quote(dataPath.hasPrefix("-") && dataPath != "-" ? "./" + dataPath : dataPath)]
        if case .name(let label) = csv.label { words += ["--label", Shell.quote(label)] }
        if case .index(let index) = csv.label { words += ["--label", String(index)] }
        if csv.delimiter != 0x2C { words += ["--delimiter", csv.delimiter == 0x09 ? "'\\t'" : Shell.quote(String(UnicodeScalar(csv.delimiter)))] }
        if !csv.hasHeader { words.append("--no-header") }
        if csv.decimal != 0x2E { words += ["--decimal", Shell.quote(String(UnicodeScalar(csv.decimal)))] }
        func list(_ selectors: [ColumnSelector]) -> String { Shell.quote(selectors.map(\.argument).joined(separator: ",")) }
        if !csv.drop.isEmpty { words += ["--drop", list(csv.drop)] }
        if let identifier = csv.identifier { words += ["--id", list([identifier])] }
        if !csv.categorical.isEmpty { words += ["--categorical", list(csv.categorical)] }
        if !csv.numeric.isEmpty { words += ["--numeric", list(csv.numeric)] }
        if let naValues = csv.naValues { words += ["--na-values", Shell.quote(naValues.joined(separator: ","))] }
        if !csv.impute { words.append("--no-impute") }
        if csv.minCategoryCount != 1 { words += ["--min-category-count", String(csv.minCategoryCount)] }
        return words
    }

    /// The `cvkit fit` command that trains these settings' network on every row (what `fit`,
    /// `search --refit-out` and `nested --refit-out` record in the model file).
    public var fitCommandLine: String {
        (["cvkit", "fit"] + dataWords + modelWords + ["--seed", String(seed)]).joined(separator: " ")
    }

    /// The model and training options of `commandLine`, from `--hidden` on (what `compare --a` takes).
    public var modelFlags: String { modelWords.joined(separator: " ") }

    /// `model.words()`, with `--val-fraction` after `--patience` when early stopping carves a slice
    /// of another size than the default from each training part.
    private var modelWords: [String] {
        model.words().flatMap { option, words in
            option == .patience && scheme != .split && validationFraction != 0.1 ? words + ["--val-fraction", Shell.number(validationFraction)] : words
        }
    }

    /// The network and its training as one value (`network` and `training` together).
    public var model: ModelSpecification {
        get { ModelSpecification(network: network, training: training) }
        set {
            network = newValue.network
            training = newValue.training
        }
    }

    /// First 8 hex digits of the SHA-256 of `commandLine`.
    public var hash: String { Self.hash(commandLine: commandLine) }

    /// The first 8 hex digits of the SHA-256 of `commandLine`: the settings hash of a journal and
    /// the suffix of a report folder's name, for every command.
    public static func hash(commandLine: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(commandLine.utf8))
        return String(hasher.finalizeHex().prefix(8))
    }

    /// `<data file stem>-<scheme>-<hash>`: the report folder's name.
    public var reportFolderName: String { RunSettings.reportFolderName(dataPath: dataPath, command: scheme.rawValue, commandLine: commandLine) }

    /// `<data file stem>-<command>-<first 8 hex of SHA-256 of commandLine>`. Only the stem's
    /// letters, digits, `-`, `_` and `.` are kept, so a data file name never makes a path.
    public static func reportFolderName(dataPath: String, command: String, commandLine: String) -> String {
        let file = dataPath == "-" ? "stdin" : dataPath.split(separator: "/").last.map(String.init) ?? "data"
        let stem = file.hasSuffix(".csv") || file.hasSuffix(".tsv") ? String(file.dropLast(4)) : file
        let safe = String(stem.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }).trimmingPrefix(".")
        return "\(safe.isEmpty ? "data" : String(safe))-\(command)-\(hash(commandLine: commandLine))"
    }
}
