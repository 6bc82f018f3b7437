/// Per-feature minimum, mean, standard deviation and maximum, accumulated in Double.
///
/// `sd` is the sample standard deviation (divisor n − 1, as pandas' `describe` prints), 0 for one
/// row. Computed with Welford's update, which stays accurate when the mean is large against the spread.
public struct FeatureStatistics: Sendable, Equatable, Codable {
    public var name: String
    /// The smallest value, exactly as loaded (a `Float`, so JSON prints it as written, e.g. 4.3).
    public var min: Float
    public var mean: Double
    public var sd: Double
    public var max: Float

    /// Statistics of every feature of `dataset`, over all rows or over `rows` only.
    public static func of(_ dataset: Dataset, rows: [Int]? = nil) -> [FeatureStatistics] {
        let width = dataset.featureCount
        var count = 0.0
        var mean = [Double](repeating: 0, count: width)
        var m2 = [Double](repeating: 0, count: width)
        var low = [Double](repeating: .infinity, count: width)
        var high = [Double](repeating: -.infinity, count: width)
        dataset.features.withUnsafeBufferPointer { x in
            func add(_ row: Int) {
                count += 1
                for j in 0..<width {
                    let value = Double(x[row * width + j])
                    let delta = value - mean[j]
                    mean[j] += delta / count
                    m2[j] += delta * (value - mean[j])
                    low[j] = Swift.min(low[j], value)
                    high[j] = Swift.max(high[j], value)
                }
            }
            if let rows { rows.forEach(add) } else { (0..<dataset.rowCount).forEach(add) }
        }
        return (0..<width).map { j in
            FeatureStatistics(
                name: dataset.featureNames[j], min: Float(low[j]), mean: mean[j],
                sd: count > 1 ? (m2[j] / (count - 1)).squareRoot() : 0, max: Float(high[j]))
        }
    }
}
