import CKernels

/// Rows of a data set seen through a fitted `Preprocessing`, gathered a chunk at a time: what
/// `preprocessing.transform(dataset, rows: rows)` would hold, without the `rows.count × width`
/// copy. A test fold of a 1,000,000-row, 50-column table scored after every epoch would otherwise
/// cost a second matrix per task (67 MB for k = 3); chunks of 1,024 rows cost 200 KB.
///
/// `gather` writes exactly the Floats `transform` writes (the same kernel, row for row), so a network
/// scored through it gives the same bits as one scored on the transformed matrix.
public struct PreprocessedRows: Sendable {
    public let dataset: Dataset
    /// Data-set rows, in the order they are scored.
    public let rows: [Int]
    public let preprocessing: Preprocessing
    /// `standardizer.scale`, made once (the property computes it on every access).
    private let scale: [Double]

    /// Precondition: every row inside `dataset`, and `preprocessing` fitted on its columns
    /// (`Preprocessing.fits`).
    public init(dataset: Dataset, rows: [Int], preprocessing: Preprocessing) {
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
        precondition(preprocessing.fits(dataset), "a preprocessing fitted on other columns than the data set's")
        self.dataset = dataset
        self.rows = rows
        self.preprocessing = preprocessing
        self.scale = preprocessing.standardizer?.scale ?? []
    }

    public var count: Int { rows.count }
    /// Floats per gathered row: the network's inputs.
    public var width: Int { preprocessing.width }

    /// Writes rows `start..<start + count` (positions in `rows`) to `out`, `width` Floats each.
    /// Allocates nothing.
    public func gather(start: Int, count: Int, into out: UnsafeMutablePointer<Float>) {
        precondition(start >= 0 && count >= 0 && start + count <= rows.count, "rows \(start)..<\(start + count) of \(rows.count)")
        guard count > 0 else { return }
        dataset.features.withUnsafeBufferPointer { x in
            rows.withUnsafeBufferPointer { r in
                guard let x = x.baseAddress, let r = r.baseAddress else { return }
                if let standardizer = preprocessing.standardizer {
                    guard dataset.featureCount > 0 else { return }
                    cvk_standardize_rows_f32(x, r + start, count, dataset.featureCount, standardizer.mean, scale, out)
                } else {
                    preprocessing.gather(x, inputWidth: dataset.featureCount, rows: r + start, count: count, into: out)
                }
            }
        }
    }
}
