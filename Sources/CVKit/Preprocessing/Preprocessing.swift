/// The preprocessing of one split, fitted on its training part only and applied to any rows:
/// median imputation with missing-value indicators and standardization for numeric columns,
/// one-hot encoding for categorical ones.
///
/// It does what this scikit-learn pipeline does (fitted on the training rows; `Preprocessing` tests
/// compare with its numbers, `Tests/CVKitTests/Fixtures/make_preprocessing_reference.py`):
/// ```
/// ColumnTransformer([
///   ("numeric", Pipeline([SimpleImputer(strategy="median", add_indicator=True), StandardScaler()]), numeric),
///   ("categorical", Pipeline([SimpleImputer(strategy="constant", fill_value="(missing)"),
///                             OneHotEncoder(handle_unknown="ignore", min_frequency=N)]), categorical)])
/// ```
/// - Numeric: a missing cell takes the median of the training part's non-missing values; a 0/1
///   indicator column follows the column when its training part has gaps (`add_indicator`); then
///   the value and its indicator are standardized with the training part's mean and population SD
///   (SD 1 for a constant column). Every statistic is computed in Double.
/// - Categorical: one 0/1 column per category seen in the training part, a missing cell being the
///   category `(missing)`; categories with fewer than `minCategoryCount` training rows share one
///   `(other)` column; a category the training part never saw encodes as all zeros
///   (`handle_unknown="ignore"`). One-hot columns are not standardized.
///
/// Any NaN cell counts as missing (the loader writes only `CellCode.missing`; a hand-built `Dataset`
/// may hold others).
///
/// Output columns follow the file's column order: a numeric column, then its indicator; a
/// categorical column's block. An all-numeric data set without missing values takes the
/// standardization alone (`Standardizer`), bit for bit as cvkit did before preprocessing existed.
public struct Preprocessing: Sendable, Equatable, Codable {
    public struct NumericStep: Sendable, Equatable, Codable {
        /// The column of `Dataset.features`.
        public var column: Int
        public var name: String
        /// The imputation value, in the column's storage (`ColumnEncoding`); nil when the data set has no gap in the column.
        public var fill: Double?
        public var mean: Double
        /// 1 / SD.
        public var scale: Double
        /// The indicator's mean and 1 / SD, when the training part has gaps in the column.
        public var indicator: [Double]?
        /// Missing cells in the training part.
        public var trainingMissing: Int
    }

    public struct CategoricalStep: Sendable, Equatable, Codable {
        public var column: Int
        public var name: String
        /// Per category code of the data set: the output column within the block, or -1 (all zeros).
        public var outputs: [Int32]
        /// The output column of a missing cell, or -1.
        public var missingOutput: Int32
        /// The block's column names (`category`, `(missing)`, `(other)`).
        public var names: [String]
        /// Categories folded into `(other)`, and categories with no training row (encoded as zeros).
        public var other: [String]
        public var unseen: [String]
    }

    public enum Step: Sendable, Equatable, Codable {
        case numeric(NumericStep)
        case categorical(CategoricalStep)

        /// Output columns.
        var width: Int {
            switch self {
            case .numeric(let step): step.indicator == nil ? 1 : 2
            case .categorical(let step): step.names.count
            }
        }
    }

    public let steps: [Step]
    /// The name of each output column: the feature, `feature (missing)`, `feature=category`.
    public let outputNames: [String]
    /// The standardization alone, for an all-numeric data set without missing values.
    public let standardizer: Standardizer?

    /// Output columns per row: the network's inputs.
    public var width: Int { outputNames.count }

    /// The network's inputs for `dataset` as a whole: the width of a preprocessing fitted on every
    /// row (a fold's can be narrower when a category is missing from its training part). A plain
    /// numeric data set's is its feature count (`fit` keeps its columns one for one): no
    /// standardizer is fitted over every row to count them.
    public static func width(of dataset: Dataset, minCategoryCount: Int) -> Int {
        if dataset.isPlainNumeric { return dataset.featureCount }
        return fit(dataset, rows: Array(0..<dataset.rowCount), minCategoryCount: minCategoryCount).width
    }

    /// Fits on `rows` of `dataset` (a training part). Categories with fewer than
    /// `minCategoryCount` of these rows fold into `(other)`.
    public static func fit(_ dataset: Dataset, rows: [Int], minCategoryCount: Int = 1) -> Preprocessing {
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
        if dataset.isPlainNumeric {
            let standardizer = Standardizer.fit(dataset, rows: rows)
            let steps = dataset.featureColumns.enumerated().map { column, info in
                Step.numeric(NumericStep(column: column, name: info.name, fill: nil, mean: standardizer.mean[column],
                                         scale: standardizer.scale[column], indicator: nil, trainingMissing: 0))
            }
            return Preprocessing(steps: steps, outputNames: dataset.featureNames, standardizer: standardizer)
        }
        var steps: [Step] = []
        var names: [String] = []
        for (column, info) in dataset.featureColumns.enumerated() {
            switch info.role {
            case .categorical:
                let step = fitCategorical(dataset, column: column, info: info, rows: rows, minCount: max(minCategoryCount, 1))
                names += step.names.map { "\(info.name)=\($0)" }
                steps.append(.categorical(step))
            default:
                let step = fitNumeric(dataset, column: column, info: info, rows: rows)
                names.append(info.name)
                if step.indicator != nil { names.append("\(info.name) (missing)") }
                steps.append(.numeric(step))
            }
        }
        return Preprocessing(steps: steps, outputNames: names, standardizer: nil)
    }

    private static func fitNumeric(_ dataset: Dataset, column: Int, info: ColumnInfo, rows: [Int]) -> NumericStep {
        let width = dataset.featureCount
        var present: [Double] = []
        present.reserveCapacity(rows.count)
        dataset.features.withUnsafeBufferPointer { x in
            for row in rows {
                let cell = x[row * width + column]
                if !cell.isNaN { present.append(Double(cell)) }
            }
        }
        let missing = rows.count - present.count
        var fill: Double?
        if info.missing > 0 { fill = Median.of(present) ?? 0 }
        // Mean and population SD of the imputed values, summed in row order.
        let n = Double(max(rows.count, 1))
        var sum = 0.0
        dataset.features.withUnsafeBufferPointer { x in
            for row in rows {
                let cell = x[row * width + column]
                sum += cell.isNaN ? (fill ?? 0) : Double(cell)
            }
        }
        let mean = sum / n
        var squares = 0.0
        dataset.features.withUnsafeBufferPointer { x in
            for row in rows {
                let cell = x[row * width + column]
                let d = (cell.isNaN ? (fill ?? 0) : Double(cell)) - mean
                squares += d * d
            }
        }
        var indicator: [Double]?
        if missing > 0 {
            let share = Double(missing) / n
            let sd = (share * (1 - share)).squareRoot()
            indicator = [share, sd > 0 ? 1 / sd : 1]
        }
        return NumericStep(column: column, name: info.name, fill: fill, mean: mean, scale: 1 / standardDeviation(squares / n),
                           indicator: indicator, trainingMissing: missing)
    }

    private static func fitCategorical(_ dataset: Dataset, column: Int, info: ColumnInfo, rows: [Int], minCount: Int) -> CategoricalStep {
        let width = dataset.featureCount
        var counts = [Int](repeating: 0, count: info.categories.count)
        var missing = 0
        dataset.features.withUnsafeBufferPointer { x in
            for row in rows {
                let cell = x[row * width + column]
                if let code = Preprocessing.code(cell, count: counts.count) { counts[code] += 1 } else { missing += 1 }
            }
        }
        var outputs = [Int32](repeating: -1, count: counts.count)
        var names: [String] = []
        var other: [String] = [], unseen: [String] = []
        var folded: [Int] = []
        for (code, count) in counts.enumerated() {
            if count >= minCount {
                outputs[code] = Int32(names.count)
                names.append(info.categories[code])
            } else if count > 0 {
                folded.append(code)
                other.append(info.categories[code])
            } else {
                unseen.append(info.categories[code])
            }
        }
        var missingOutput: Int32 = -1
        var missingFolded = false
        if missing >= minCount {
            missingOutput = Int32(names.count)
            names.append("(missing)")
        } else if missing > 0 {
            missingFolded = true
            other.append("(missing)")
        }
        if !other.isEmpty {
            let slot = Int32(names.count)
            names.append("(other)")
            for code in folded { outputs[code] = slot }
            if missingFolded { missingOutput = slot }
        }
        return CategoricalStep(column: column, name: info.name, outputs: outputs, missingOutput: missingOutput, names: names,
                               other: other, unseen: unseen)
    }

    /// A categorical cell's code, or nil for a missing cell; a value that is no code of the column
    /// (only a `Dataset` built by hand can hold one) counts as missing rather than crashing.
    @inline(__always) static func code(_ cell: Float, count: Int) -> Int? {
        guard !cell.isNaN, let code = Int(exactly: cell), code >= 0, code < count else { return nil }
        return code
    }

    /// SD 1 for a constant (or non-finite) column, as `StandardScaler` does.
    private static func standardDeviation(_ variance: Double) -> Double {
        let sd = variance.squareRoot()
        return sd > 0 && sd.isFinite ? sd : 1
    }
}
