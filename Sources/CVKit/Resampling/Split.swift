/// One train/test partition of a data set's rows, as sorted row indices.
///
/// Like the `(train_index, test_index)` pairs of scikit-learn's splitters; `validation` is empty
/// except for holdout splits. `repetition` and `fold` are 0-based and name the split in reports.
///
/// Memory: a K-fold or leave-one-out split stores only its test rows and the row count; its training
/// rows — every other row — are made when asked for (`train`, O(n) each time) and dropped after use.
/// So k splits of n rows hold O(n) indices in all, not O(k·n) (LOOCV: O(n), not O(n²)); a task holds
/// its training rows only while it trains. Holdout splits store all three parts.
public struct Split: Sendable, Equatable {
    public var repetition: Int
    public var fold: Int
    public var validation: [Int]
    public var test: [Int]
    /// Explicit training rows, or nil: every row of `0..<rowCount` not in `test` or `validation`.
    private var storedTrain: [Int]?
    private var rowCount: Int

    public init(repetition: Int, fold: Int, train: [Int], validation: [Int] = [], test: [Int]) {
        self.repetition = repetition
        self.fold = fold
        self.storedTrain = train
        self.rowCount = 0
        self.validation = validation
        self.test = test
    }

    /// A split whose training rows are all rows of `0..<rowCount` outside `test` (sorted, no
    /// duplicates): stored as its test rows only.
    public init(repetition: Int, fold: Int, complementOf test: [Int], rowCount: Int) {
        self.repetition = repetition
        self.fold = fold
        self.storedTrain = nil
        self.rowCount = rowCount
        self.validation = []
        self.test = test
    }

    /// The training rows, sorted.
    public var train: [Int] {
        get {
            if let storedTrain { return storedTrain }
            var excluded = [Bool](repeating: false, count: rowCount)
            for row in test where row >= 0 && row < rowCount { excluded[row] = true }
            for row in validation where row >= 0 && row < rowCount { excluded[row] = true }
            var rows: [Int] = []
            rows.reserveCapacity(max(rowCount - test.count - validation.count, 0))
            for row in 0..<rowCount where !excluded[row] { rows.append(row) }
            return rows
        }
        set { storedTrain = newValue }
    }

    /// The row count whose complement the training rows are (every row outside test and
    /// validation), or nil when they are stored explicitly.
    public var complementRowCount: Int? { storedTrain == nil ? rowCount : nil }

    /// How many training rows, without making them.
    public var trainCount: Int { storedTrain?.count ?? max(rowCount - test.count - validation.count, 0) }

    public static func == (a: Split, b: Split) -> Bool {
        a.repetition == b.repetition && a.fold == b.fold && a.test == b.test && a.validation == b.validation && a.train == b.train
    }

    /// The splits of one repetition from a fold id per row: fold `f`'s rows are its test part, the rest train.
    static func fromAssignment(_ folds: [Int], foldCount: Int, repetition: Int) -> [Split] {
        var sizes = [Int](repeating: 0, count: foldCount)
        for fold in folds { sizes[fold] += 1 }
        // Sized once: grown by appending, a million rows' test parts were held up to twice their size.
        var tests = sizes.map { size -> [Int] in var rows: [Int] = []; rows.reserveCapacity(size); return rows }
        for (row, fold) in folds.enumerated() { tests[fold].append(row) }
        return tests.enumerated().map { fold, test in Split(repetition: repetition, fold: fold, complementOf: test, rowCount: folds.count) }
    }
}

/// The same JSON as when every part was stored: `repetition`, `fold`, `train`, `validation`, `test`.
extension Split: Codable {
    private enum CodingKeys: String, CodingKey { case repetition, fold, train, validation, test }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(repetition: try c.decode(Int.self, forKey: .repetition), fold: try c.decode(Int.self, forKey: .fold),
                  train: try c.decode([Int].self, forKey: .train), validation: try c.decode([Int].self, forKey: .validation),
                  test: try c.decode([Int].self, forKey: .test))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(repetition, forKey: .repetition)
        try c.encode(fold, forKey: .fold)
        try c.encode(train, forKey: .train)
        try c.encode(validation, forKey: .validation)
        try c.encode(test, forKey: .test)
    }
}
