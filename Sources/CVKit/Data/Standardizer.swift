/// Per-feature standardization `(x − mean) / sd`, fitted on training rows only.
///
/// This is where the leakage rule lives: `fit` sees only the rows it is given (a split's training
/// part), and `transform` applies those numbers to any rows, test rows included, without learning
/// from them. `sd` is the population standard deviation (divisor n, as scikit-learn's
/// `StandardScaler`); a feature that is constant on the training rows gets sd 1, so it becomes 0
/// rather than a division by zero.
public struct Standardizer: Sendable, Equatable, Codable {
    public let mean: [Double]
    public let sd: [Double]

    public init(mean: [Double], sd: [Double]) {
        self.mean = mean
        self.sd = sd
    }

    /// Fits on `rows` of `dataset` (two passes in Double: mean, then squared deviations).
    public static func fit(_ dataset: Dataset, rows: [Int]) -> Standardizer {
        let width = dataset.featureCount
        var mean = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        dataset.features.withUnsafeBufferPointer { x in
            for row in rows { for j in 0..<width { mean[j] += Double(x[row * width + j]) } }
            let n = Double(max(rows.count, 1))
            for j in 0..<width { mean[j] /= n }
            for row in rows {
                for j in 0..<width {
                    let d = Double(x[row * width + j]) - mean[j]
                    squares[j] += d * d
                }
            }
        }
        let n = Double(max(rows.count, 1))
        let sd = squares.map { value -> Double in
            let s = (value / n).squareRoot()
            return s > 0 && s.isFinite ? s : 1
        }
        return Standardizer(mean: mean, sd: sd)
    }

    /// The standardized features of `rows`, gathered into one contiguous row-major array.
    public func transform(_ dataset: Dataset, rows: [Int]) -> [Float] {
        let width = dataset.featureCount
        let scale = sd.map { 1 / $0 }
        var out = [Float](repeating: 0, count: rows.count * width)
        dataset.features.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                for (i, row) in rows.enumerated() {
                    for j in 0..<width { o[i * width + j] = Float((Double(x[row * width + j]) - mean[j]) * scale[j]) }
                }
            }
        }
        return out
    }
}
