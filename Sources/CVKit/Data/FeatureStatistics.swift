/// Per numeric feature: minimum, mean, standard deviation and maximum of the non-missing values, in
/// the column's own units, accumulated in Double.
///
/// `sd` is the sample standard deviation (divisor n − 1, as pandas' `describe` prints), 0 for one
/// value. Computed with Welford's update, which stays accurate when the mean is large against the
/// spread. `min` and `max` are the values as read (a column stored as Float prints as written, e.g. 4.3).
public struct FeatureStatistics: Sendable, Equatable, Codable {
    public var name: String
    public var min: Double
    public var mean: Double
    public var sd: Double
    public var max: Double
    /// Missing cells among the rows described.
    public var missing: Int

    /// Statistics of every numeric feature of `dataset`, over all rows or over `rows` only.
    public static func of(_ dataset: Dataset, rows: [Int]? = nil) -> [FeatureStatistics] {
        let width = dataset.featureCount
        let columns = dataset.featureColumns.indices.filter { dataset.featureColumns[$0].role == .numeric }
        var count = [Double](repeating: 0, count: width)
        var mean = [Double](repeating: 0, count: width)
        var m2 = [Double](repeating: 0, count: width)
        var low = [Float](repeating: .infinity, count: width)
        var high = [Float](repeating: -.infinity, count: width)
        var missing = [Int](repeating: 0, count: width)
        dataset.features.withUnsafeBufferPointer { x in
            func add(_ row: Int) {
                for j in columns {
                    let stored = x[row * width + j]
                    if stored.isNaN {
                        missing[j] += 1
                        continue
                    }
                    count[j] += 1
                    let value = Double(stored)
                    let delta = value - mean[j]
                    mean[j] += delta / count[j]
                    m2[j] += delta * (value - mean[j])
                    low[j] = Swift.min(low[j], stored)
                    high[j] = Swift.max(high[j], stored)
                }
            }
            if let rows { rows.forEach(add) } else { (0..<dataset.rowCount).forEach(add) }
        }
        return columns.map { j in
            let encoding = dataset.featureColumns[j].encoding
            func shown(_ stored: Float) -> Double {
                guard stored.isFinite else { return .nan }
                return encoding.isIdentity ? Double(stored.description) ?? Double(stored) : encoding.value(stored)
            }
            return FeatureStatistics(
                name: dataset.featureColumns[j].name, min: shown(low[j]), mean: mean[j] / encoding.scale + encoding.shift,
                sd: count[j] > 1 ? (m2[j] / (count[j] - 1)).squareRoot() / encoding.scale : 0, max: shown(high[j]), missing: missing[j])
        }
    }
}
