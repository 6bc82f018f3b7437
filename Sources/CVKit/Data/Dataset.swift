/// A loaded classification data set: numeric features, one class label per row, optional groups.
///
/// Features are one contiguous row-major buffer (`rowCount × featureCount`), so a row is a slice
/// and a mini-batch a gather, never an array of arrays. Class codes index `classNames`, which are in
/// `ClassEncoding`'s sorted order. Group codes (from `--groups`) index `groupNames`, in first-seen order.
public struct Dataset: Sendable {
    /// Where the data came from: path as given, SHA-256 of the file's bytes, size in bytes.
    public struct Source: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var byteCount: Int
    }

    public let source: Source
    public let featureNames: [String]
    public let labelName: String
    public let classNames: [String]
    /// Row-major `rowCount × featureCount`.
    public let features: [Float]
    /// One class code per row, in `0..<classCount`.
    public let labels: [Int32]
    /// The name of the groups column, when one was chosen.
    public let groupsName: String?
    public let groupNames: [String]
    /// One group code per row (in `0..<groupNames.count`) when groups were loaded, else empty.
    public let groups: [Int32]

    public var rowCount: Int { labels.count }
    public var featureCount: Int { featureNames.count }
    public var classCount: Int { classNames.count }

    /// The features of row `index`.
    public func row(_ index: Int) -> ArraySlice<Float> {
        features[index * featureCount..<(index + 1) * featureCount]
    }

    /// Rows per class, in `classNames` order.
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    public init(
        source: Source, featureNames: [String], labelName: String, classNames: [String],
        features: [Float], labels: [Int32], groupsName: String? = nil, groupNames: [String] = [], groups: [Int32] = []
    ) {
        self.source = source
        self.featureNames = featureNames
        self.labelName = labelName
        self.classNames = classNames
        self.features = features
        self.labels = labels
        self.groupsName = groupsName
        self.groupNames = groupNames
        self.groups = groups
    }
}
