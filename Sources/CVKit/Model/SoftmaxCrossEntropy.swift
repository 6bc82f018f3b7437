/// Softmax and mean cross-entropy over `batch × classes` logits, numerically stable.
///
/// `log p_k = z_k − max(z) − log Σ_j exp(z_j − max(z))` (log-sum-exp), so large logits never
/// overflow; loss `= −(1/B) Σ_i log p_{i, y_i}`; gradient `dz = (p − onehot(y)) / B`.
enum SoftmaxCrossEntropy {
    /// Writes probabilities into `probabilities` and returns the mean cross-entropy.
    /// Labels outside `0..<classes` are a programming error (codes come from `Dataset`).
    static func forward<S: BLASScalar>(
        probabilities: UnsafeMutablePointer<S>, logits: UnsafePointer<S>, labels: UnsafePointer<Int32>?,
        batch: Int, classes: Int
    ) -> S {
        var total: S = 0
        for row in 0..<batch {
            let z = logits + row * classes, p = probabilities + row * classes
            var top = z[0]
            for k in 1..<classes where z[k] > top { top = z[k] }
            var sum: S = 0
            for k in 0..<classes {
                let e = S.exp(z[k] - top)
                p[k] = e
                sum += e
            }
            let logSum = S.log(sum)
            for k in 0..<classes { p[k] /= sum }
            if let labels { total += logSum - (z[Int(labels[row])] - top) }
        }
        return total / S(batch)
    }

    /// `dLogits = (p − onehot(y)) / B`.
    static func backward<S: BLASScalar>(
        dLogits: UnsafeMutablePointer<S>, probabilities: UnsafePointer<S>, labels: UnsafePointer<Int32>,
        batch: Int, classes: Int
    ) {
        let scale = 1 / S(batch)
        for row in 0..<batch {
            let p = probabilities + row * classes, d = dLogits + row * classes
            for k in 0..<classes { d[k] = p[k] * scale }
            d[Int(labels[row])] -= scale
        }
    }
}
