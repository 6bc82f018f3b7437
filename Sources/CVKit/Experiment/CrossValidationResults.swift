/// The results of a `kfold`, `loocv` or `split` run: `results.json`, and what `report.md` shows.
///
/// Built only from the settings, the data and the task results, so an interrupted and resumed
/// run gives the same bytes as an uninterrupted one. Timings live elsewhere (`timings.json`).
/// Rates are fractions in [0, 1]. Folds whose training diverged keep their row (`diverged`), scored
/// as their training part's majority-class predictor (`FallbackPredictor`) in every summary, with
/// `summary.survivors` for the folds that finished; when none did, the summaries are null.
public struct CrossValidationResults: Sendable, Equatable, Codable {
    public struct ClassCount: Sendable, Equatable, Codable {
        public var name: String
        public var count: Int
    }

    public struct DataInfo: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
        public var rows: Int
        public var features: Int
        public var featureNames: [String]
        public var label: String
        public var classes: [ClassCount]
        /// Every column's role and why, with missing counts and categories — present when the data
        /// is not all numeric without gaps (then preprocessing is more than standardization).
        public var columns: [ColumnInfo]?

        /// The identity and shape of `dataset`, read from `path`.
        public init(_ dataset: Dataset, path: String) {
            self.path = path
            sha256 = dataset.source.sha256
            rows = dataset.rowCount
            features = dataset.featureCount
            featureNames = dataset.featureNames
            label = dataset.labelName
            classes = zip(dataset.classNames, dataset.classCounts()).map { ClassCount(name: $0, count: $1) }
            let plain = dataset.isPlainNumeric && dataset.columns.allSatisfy { $0.role != .identifier && $0.role != .dropped }
            columns = plain ? nil : dataset.columns
        }
    }

    public struct ProtocolInfo: Sendable, Equatable, Codable {
        public var scheme: String
        public var k: Int
        public var repeats: Int
        public var stratified: Bool
        public var groups: String?
        public var validation: Double?
        public var test: Double?
        public var seed: UInt64
        public var preprocessing: String
    }

    public struct ModelInfo: Sendable, Equatable, Codable {
        public var layers: String
        public var hidden: [Int]
        public var batchnorm: Bool
        /// `Initialization.rawValue`: "he" (the default) or "torch".
        public var initialization: String
        public var optimizer: String
        public var lr: Double
        public var lrDecay: String
        public var l2: Double
        public var epochs: Int
        public var batchSize: Int
        public var patience: Int?
        public var parameters: Int
        public var forwardFLOPsPerSample: Int
    }

    public struct FoldInfo: Sendable, Equatable, Codable {
        public var repetition: Int
        public var fold: Int
        public var nTrain: Int
        public var nValidation: Int
        public var nTest: Int
        public var accuracy: Double?
        public var macroF1: Double?
        public var logLoss: Double?
        public var baselineAccuracy: Double
        public var initialLoss: Double
        public var epochs: Int
        public var bestEpoch: Int?
        public var diverged: Bool
        public var divergedAtEpoch: Int?
        /// What this fold's preprocessing fitted; absent for an all-numeric data set without gaps.
        public var preprocessing: [Preprocessing.FittedColumn]?
        /// The other metrics of the fold's test part (null when diverged, or undefined: ROC AUC and
        /// PR AUC need every class in the test part).
        public var balancedAccuracy: Double?
        public var rocAuc: Double?
        public var prAuc: Double?
        public var brier: Double?
        public var ece: Double?

        enum CodingKeys: String, CodingKey {
            case repetition = "repeat", fold, nTrain, nValidation, nTest, accuracy, macroF1, logLoss, baselineAccuracy
            case initialLoss, epochs, bestEpoch, diverged, divergedAtEpoch, preprocessing
            case balancedAccuracy, rocAuc, prAuc, brier, ece
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(repetition, forKey: .repetition)
            try c.encode(fold, forKey: .fold)
            try c.encode(nTrain, forKey: .nTrain)
            try c.encode(nValidation, forKey: .nValidation)
            try c.encode(nTest, forKey: .nTest)
            try c.encode(accuracy, forKey: .accuracy)
            try c.encode(macroF1, forKey: .macroF1)
            try c.encode(logLoss, forKey: .logLoss)
            try c.encode(baselineAccuracy, forKey: .baselineAccuracy)
            try c.encode(initialLoss.isFinite ? initialLoss : nil, forKey: .initialLoss)
            try c.encode(epochs, forKey: .epochs)
            try c.encode(bestEpoch, forKey: .bestEpoch)
            try c.encode(diverged, forKey: .diverged)
            try c.encode(divergedAtEpoch, forKey: .divergedAtEpoch)
            try c.encodeIfPresent(preprocessing, forKey: .preprocessing)
            try c.encode(balancedAccuracy, forKey: .balancedAccuracy)
            try c.encode(rocAuc, forKey: .rocAuc)
            try c.encode(prAuc, forKey: .prAuc)
            try c.encode(brier, forKey: .brier)
            try c.encode(ece, forKey: .ece)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            repetition = try c.decode(Int.self, forKey: .repetition)
            fold = try c.decode(Int.self, forKey: .fold)
            nTrain = try c.decode(Int.self, forKey: .nTrain)
            nValidation = try c.decode(Int.self, forKey: .nValidation)
            nTest = try c.decode(Int.self, forKey: .nTest)
            accuracy = try c.decodeIfPresent(Double.self, forKey: .accuracy)
            macroF1 = try c.decodeIfPresent(Double.self, forKey: .macroF1)
            logLoss = try c.decodeIfPresent(Double.self, forKey: .logLoss)
            baselineAccuracy = try c.decode(Double.self, forKey: .baselineAccuracy)
            initialLoss = try c.decodeIfPresent(Double.self, forKey: .initialLoss) ?? .nan
            epochs = try c.decode(Int.self, forKey: .epochs)
            bestEpoch = try c.decodeIfPresent(Int.self, forKey: .bestEpoch)
            diverged = try c.decode(Bool.self, forKey: .diverged)
            divergedAtEpoch = try c.decodeIfPresent(Int.self, forKey: .divergedAtEpoch)
            preprocessing = try c.decodeIfPresent([Preprocessing.FittedColumn].self, forKey: .preprocessing)
            balancedAccuracy = try c.decodeIfPresent(Double.self, forKey: .balancedAccuracy)
            rocAuc = try c.decodeIfPresent(Double.self, forKey: .rocAuc)
            prAuc = try c.decodeIfPresent(Double.self, forKey: .prAuc)
            brier = try c.decodeIfPresent(Double.self, forKey: .brier)
            ece = try c.decodeIfPresent(Double.self, forKey: .ece)
        }

        init(_ task: TaskResult) {
            repetition = task.repetition
            fold = task.fold
            nTrain = task.nTrain
            nValidation = task.nValidation
            nTest = task.nTest
            accuracy = task.accuracy
            macroF1 = task.macroF1
            logLoss = task.logLoss
            baselineAccuracy = task.baselineAccuracy
            initialLoss = task.history.initialLoss
            epochs = task.history.epochs.count
            bestEpoch = task.history.bestEpoch
            diverged = task.diverged
            divergedAtEpoch = task.diverged ? (task.history.divergedAtEpoch ?? task.history.epochs.count) : nil
            preprocessing = task.preprocessing
        }
    }

    public struct SummaryInfo: Sendable, Equatable, Codable {
        public var accuracy: Summary
        public var macroF1: Summary
        public var logLoss: Summary
        public var baselineAccuracy: Double
        /// How the fold summaries' `ci95` were made: "t" (t-interval over folds), "corrected-t"
        /// (repeated K-fold: `Summary(correctedResampled:)`), "wilson" (LOOCV, pooled) or
        /// "wilson-pooled" (fold scores without spread: accuracy's interval is the Wilson interval
        /// of the pooled out-of-fold predictions).
        public var interval: String
        public var folds: Int
        public var diverged: Int
        /// Mean recall over classes (scikit-learn's `balanced_accuracy_score`), per fold and pooled.
        public var balancedAccuracy: Summary
        /// ROC AUC and average precision (binary: class 1; multiclass: one-vs-rest macro); a fold
        /// without every class has none, so `n` can be below the folds and `pooled` is the headline.
        public var rocAuc: Summary
        public var prAuc: Summary
        /// Brier score (scikit-learn's `brier_score_loss`) and expected calibration error (15 bins): lower is better.
        public var brier: Summary
        public var ece: Summary
        /// The metric `--metric` chose (`MetricName.rawValue`), which the terminal and report lead with.
        public var headline: String
        /// When some folds diverged (and were scored as the fallback predictor): the headline metric
        /// over the folds that finished, for comparison. Absent otherwise.
        public var survivors: Summary?
        /// Why the summaries are null (no fold finished); absent otherwise.
        public var reason: String?
    }

    public struct ClassInfo: Sendable, Equatable, Codable {
        public var name: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// Mean, min and max over the tasks that reached an epoch (NaN-free: absent when none did).
    public struct Band: Sendable, Equatable, Codable {
        public var mean: Double
        public var min: Double
        public var max: Double
    }

    public struct CurvePoint: Sendable, Equatable, Codable {
        public var epoch: Int
        public var trainLoss: Band?
        public var trainAccuracy: Band?
        public var heldOutLoss: Band?
        public var heldOutAccuracy: Band?
    }

    public var command: String
    public var cvkitVersion: String
    public var commandLine: String
    public var data: DataInfo
    public var `protocol`: ProtocolInfo
    public var model: ModelInfo
    public var folds: [FoldInfo]
    public var summary: SummaryInfo
    /// Pooled over every non-diverged test part; rows = true class, in `data.classes` order.
    public var confusion: [[Int]]
    public var perClass: [ClassInfo]
    /// Per epoch: training loss/accuracy and the held-out part's (the validation part for
    /// `split`, the test fold for `kfold`/`loocv`, where it is only watched, never used to choose).
    public var curves: [CurvePoint]
    /// What `curves` say about the training, most important first (see `Diagnosis`): read from
    /// the mean curves of the runs that did not diverge, with the diverged ones counted.
    public var diagnosis: [DiagnosisFinding]
    public var warnings: [String]
    /// Leak guards: exact twins and row-number columns (absent in results written before them).
    public var leakage: LeakageInfo?

    /// What the leak guards found.
    public struct LeakageInfo: Sendable, Equatable, Codable {
        /// Rows that share their features with another row, in `twinSets` sets (`DuplicateRows`).
        public var duplicateRows: Int
        public var twinSets: Int
        /// Twin sets whose rows disagree on the label.
        public var disagreeingSets: Int
        /// Test predictions whose row had an exact twin outside its test part, of `testPredictions`.
        public var testRowsWithTwin: Int
        public var testPredictions: Int
        /// Whether the twins look like copies (`DuplicateRows.looksLikeCopies`).
        public var looksLikeCopies: Bool
        /// Numeric columns that look like row numbers (`RowNumberColumns`).
        public var rowNumberColumns: [String]
    }
}

// In an extension, so the memberwise initializer stays: results.json written before the
// initialization was recorded (no `initialization` key) reads as "he", the only one there was.
extension CrossValidationResults.ModelInfo {
    private enum CodingKeys: String, CodingKey {
        case layers, hidden, batchnorm, initialization, optimizer, lr, lrDecay, l2, epochs, batchSize, patience, parameters, forwardFLOPsPerSample
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            layers: try c.decode(String.self, forKey: .layers), hidden: try c.decode([Int].self, forKey: .hidden),
            batchnorm: try c.decode(Bool.self, forKey: .batchnorm),
            initialization: try c.decodeIfPresent(String.self, forKey: .initialization) ?? Initialization.he.rawValue,
            optimizer: try c.decode(String.self, forKey: .optimizer), lr: try c.decode(Double.self, forKey: .lr),
            lrDecay: try c.decode(String.self, forKey: .lrDecay), l2: try c.decode(Double.self, forKey: .l2),
            epochs: try c.decode(Int.self, forKey: .epochs), batchSize: try c.decode(Int.self, forKey: .batchSize),
            patience: try c.decodeIfPresent(Int.self, forKey: .patience), parameters: try c.decode(Int.self, forKey: .parameters),
            forwardFLOPsPerSample: try c.decode(Int.self, forKey: .forwardFLOPsPerSample))
    }
}
