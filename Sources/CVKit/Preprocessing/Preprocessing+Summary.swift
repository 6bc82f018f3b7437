extension Preprocessing {
    /// What one split's preprocessing fitted for one column, in the column's own units: what reports
    /// and results.json show per fold (`folds[].preprocessing`).
    public struct FittedColumn: Sendable, Equatable, Codable {
        public var column: String
        /// The imputation value (the training part's median), when the data has gaps in the column.
        public var imputed: Double?
        /// Whether a missing-indicator column was added (the training part has gaps).
        public var indicator: Bool?
        /// One-hot columns of a categorical column (its kept categories, `(missing)`, `(other)`).
        public var categories: Int?
        /// Categories folded into `(other)`.
        public var other: Int?
        /// Test rows whose category the training part lacks (encoded as zeros).
        public var unseenInTest: Int?
    }

    /// The fitted values worth reporting — numeric columns with gaps, categorical columns — with
    /// `test` rows' unseen categories counted; empty for an all-numeric data set without gaps.
    public func summary(_ dataset: Dataset, test: [Int]) -> [FittedColumn] {
        guard standardizer == nil else { return [] }
        let unseen = unseenCounts(dataset, rows: test)
        return steps.compactMap { step in
            switch step {
            case .numeric(let s):
                guard let fill = s.fill else { return nil }
                let encoding = dataset.featureColumns[s.column].encoding
                return FittedColumn(column: s.name, imputed: fill / encoding.scale + encoding.shift, indicator: s.indicator != nil)
            case .categorical(let s):
                return FittedColumn(column: s.name, categories: s.names.count, other: s.other.count, unseenInTest: unseen[s.name] ?? 0)
            }
        }
    }
}
