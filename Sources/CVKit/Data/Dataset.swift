/// A loaded classification data set: feature columns (numbers and categories), one class label per
/// row, optional groups and identifiers, and what loading decided about every column of the file.
///
/// Features are one contiguous row-major buffer (`rowCount × featureCount`), so a row is a slice
/// and a mini-batch a gather, never an array of arrays. A cell holds its column's raw value in the
/// column's storage (`ColumnInfo`): a number column stores `(x − shift) · scale` (`ColumnEncoding`),
/// a categorical column the category's code (index into `ColumnInfo.categories`) as a Float; a
/// missing cell is a NaN (`CellCode.missing`). Nothing is imputed, encoded or standardized here:
/// that is `Preprocessing`'s job, fitted on each training part. Class codes index `classNames`,
/// which are in `ClassEncoding`'s sorted order (by value when every label is a number). Group codes
/// (from `--groups`) index `groupNames`, in first-seen order.
public struct Dataset: Sendable {
    /// Where the data came from: path as given, SHA-256 of the file's bytes, size in bytes.
    public struct Source: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var byteCount: Int

        public init(path: String, sha256: String, byteCount: Int) {
            self.path = path
            self.sha256 = sha256
            self.byteCount = byteCount
        }
    }

    public let source: Source
    /// Every column of the file, in file order, with its role and the reason for it.
    public let columns: [ColumnInfo]
    /// The feature columns (numeric and categorical), in matrix order.
    public let featureColumns: [ColumnInfo]
    public let labelName: String
    public let classNames: [String]
    /// Row-major `rowCount × featureCount`, in each column's storage (see the type's documentation).
    public let features: [Float]
    /// One class code per row, in `0..<classCount`.
    public let labels: [Int32]
    /// The name of the groups column, when one was chosen.
    public let groupsName: String?
    public let groupNames: [String]
    /// One group code per row (in `0..<groupNames.count`) when groups were loaded, else empty.
    public let groups: [Int32]
    /// The identifier column carried into predictions (declared with `--id`, else the first inferred one).
    public let identifierName: String?
    /// One identifier per row when there is an identifier column (empty text for a missing one), else empty.
    public let identifiers: [String]

    /// Rows: one per label (or, for a file loaded without its label column, per row of features).
    public var rowCount: Int { labels.isEmpty && featureCount > 0 ? features.count / featureCount : labels.count }
    public var featureCount: Int { featureColumns.count }
    public var classCount: Int { classNames.count }
    public var featureNames: [String] { featureColumns.map(\.name) }

    /// Whether every feature is numeric with no missing cell: then preprocessing is standardization alone.
    public var isPlainNumeric: Bool { featureColumns.allSatisfy { $0.role == .numeric && $0.missing == 0 } }

    /// The features of row `index`.
    public func row(_ index: Int) -> ArraySlice<Float> {
        features[index * featureCount..<(index + 1) * featureCount]
    }

    /// The same data with `codes` (one per row, 0..<groups) as its groups, named `name` — e.g. the
    /// twin sets of `DuplicateRows.groupCodes` for `--group-duplicates`.
    public func grouped(by codes: [Int32], name: String) -> Dataset {
        let count = Int(codes.max() ?? -1) + 1
        return Dataset(source: source, columns: columns, labelName: labelName, classNames: classNames, features: features, labels: labels,
                       groupsName: name, groupNames: (0..<count).map { String($0) }, groups: codes,
                       identifierName: identifierName, identifiers: identifiers)
    }

    /// Rows per class, in `classNames` order.
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// A data set from its parts. `columns` lists every column of the file; the numeric and
    /// categorical ones, in order, are the features.
    public init(
        source: Source, columns: [ColumnInfo], labelName: String, classNames: [String],
        features: [Float], labels: [Int32], groupsName: String? = nil, groupNames: [String] = [], groups: [Int32] = [],
        identifierName: String? = nil, identifiers: [String] = []
    ) {
        self.source = source
        self.columns = columns
        self.featureColumns = columns.filter { $0.role == .numeric || $0.role == .categorical }
        self.labelName = labelName
        self.classNames = classNames
        self.features = features
        self.labels = labels
        self.groupsName = groupsName
        self.groupNames = groupNames
        self.groups = groups
        self.identifierName = identifierName
        self.identifiers = identifiers
    }

    /// An all-numeric data set with no missing values: `featureNames` name the columns of `features`.
    public init(
        source: Source, featureNames: [String], labelName: String, classNames: [String],
        features: [Float], labels: [Int32], groupsName: String? = nil, groupNames: [String] = [], groups: [Int32] = []
    ) {
        let columns = featureNames.enumerated().map { ColumnInfo(name: $1, index: $0, role: .numeric, reason: "numbers") }
            + [ColumnInfo(name: labelName, index: featureNames.count, role: .label, reason: "the label")]
        self.init(source: source, columns: columns, labelName: labelName, classNames: classNames, features: features, labels: labels,
                  groupsName: groupsName, groupNames: groupNames, groups: groups)
    }
}

/// The role of a column of the file.
public enum ColumnRole: String, Sendable, Codable, CaseIterable {
    case label, numeric, categorical, identifier, group, dropped
}

/// What loading decided about one column of the file.
public struct ColumnInfo: Sendable, Equatable, Codable {
    public var name: String
    /// 0-based position in the file.
    public var index: Int
    public var role: ColumnRole
    /// Why the column has its role, in words ("declared --categorical", "every value is a number").
    public var reason: String
    /// Missing cells (the empty field and the missing-value markers).
    public var missing: Int
    /// Distinct non-missing values of a text column (categorical or identifier), else nil.
    public var distinct: Int?
    /// A categorical column's categories, in code order (sorted as class names are).
    public var categories: [String]
    /// A numeric column's storage (`ColumnEncoding`); identity otherwise.
    public var encoding: ColumnEncoding

    public init(name: String, index: Int, role: ColumnRole, reason: String, missing: Int = 0, distinct: Int? = nil,
                categories: [String] = [], encoding: ColumnEncoding = .identity) {
        self.name = name
        self.index = index
        self.role = role
        self.reason = reason
        self.missing = missing
        self.distinct = distinct
        self.categories = categories
        self.encoding = encoding
    }
}
