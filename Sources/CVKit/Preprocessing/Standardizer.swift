import CKernels

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

    /// Fits on `rows` of `dataset` (two passes in Double: mean, then squared deviations; each
    /// column summed over the rows in the order given, in C: CKernels vectorizes over columns).
    public static func fit(_ dataset: Dataset, rows: [Int]) -> Standardizer {
        let width = dataset.featureCount
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
        var mean = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        let n = Double(max(rows.count, 1))
        dataset.features.withUnsafeBufferPointer { x in
            rows.withUnsafeBufferPointer { r in
                guard let x = x.baseAddress, let r = r.baseAddress else { return }
                mean.withUnsafeMutableBufferPointer { cvk_column_sums_f32(x, r, rows.count, width, $0.baseAddress) }
                for j in 0..<width { mean[j] /= n }
                mean.withUnsafeBufferPointer { m in
                    squares.withUnsafeMutableBufferPointer { cvk_column_square_deviations_f32(x, r, rows.count, width, m.baseAddress, $0.baseAddress) }
                }
            }
        }
        let sd = squares.map { value -> Double in
            let s = (value / n).squareRoot()
            return s > 0 && s.isFinite ? s : 1
        }
        return Standardizer(mean: mean, sd: sd)
    }

    /// `1 / sd`, the factor `transform` and the trainer's per-batch standardization multiply by.
    public var scale: [Double] { sd.map { 1 / $0 } }

    /// The standardized features of `rows`, gathered into one contiguous row-major array:
    /// `Float((Double(x) − mean) · (1 / sd))`.
    public func transform(_ dataset: Dataset, rows: [Int]) -> [Float] {
        let width = dataset.featureCount
        precondition(mean.count == width && sd.count == width, "a standardizer fitted on \(mean.count) features, applied to \(width)")
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
        return [Float](unsafeUninitializedCapacity: rows.count * width) { out, initialized in
            dataset.features.withUnsafeBufferPointer { x in
                rows.withUnsafeBufferPointer { r in
                    if let x = x.baseAddress, let r = r.baseAddress, let out = out.baseAddress, width > 0 {
                        cvk_standardize_rows_f32(x, r, rows.count, width, mean, scale, out)
                    }
                }
            }
            initialized = rows.count * width
        }
    }
}
