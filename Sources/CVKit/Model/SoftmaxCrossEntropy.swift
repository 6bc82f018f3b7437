/// Softmax and mean cross-entropy over `batch × classes` logits, numerically stable.
///
/// `log p_k = z_k − max(z) − log Σ_j exp(z_j − max(z))` (log-sum-exp), so large logits never
/// overflow; loss `= −(1/B) Σ_i log p_{i, y_i}`; gradient `dz = (p − onehot(y)) / B`.
enum SoftmaxCrossEntropy {
    /// Writes probabilities into `probabilities` and returns the mean cross-entropy.
    /// Labels outside `0..<classes` are a programming error (codes come from `Dataset`).
    /// With `weights` (one per class), the loss is the weighted mean `Σ w_y · l / Σ w_y` (PyTorch's
    /// `CrossEntropyLoss(weight=…)`, reduction "mean").
    static func forward<S: BLASScalar>(
        probabilities: UnsafeMutablePointer<S>, logits: UnsafePointer<S>, labels: UnsafePointer<Int32>?,
        batch: Int, classes: Int, weights: UnsafePointer<S>? = nil
    ) -> S {
        var total: S = 0, weightSum: S = 0
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
            if let labels {
                let loss = logSum - (z[Int(labels[row])] - top)
                if let weights {
                    total += weights[Int(labels[row])] * loss
                    weightSum += weights[Int(labels[row])]
                } else {
                    total += loss
                }
            }
        }
        if weights != nil { return weightSum > 0 ? total / weightSum : 0 }
        return total / S(batch)
    }

    /// `dLogits = (p − onehot(y)) / B`; with `weights`, row i's is scaled by `w_yᵢ / Σ w_y` instead.
    static func backward<S: BLASScalar>(
        dLogits: UnsafeMutablePointer<S>, probabilities: UnsafePointer<S>, labels: UnsafePointer<Int32>,
        batch: Int, classes: Int, weights: UnsafePointer<S>? = nil
    ) {
        if let weights {
            var weightSum: S = 0
            for row in 0..<batch { weightSum += weights[Int(labels[row])] }
            for row in 0..<batch {
                let scale = weightSum > 0 ? weights[Int(labels[row])] / weightSum : 0
                let p = probabilities + row * classes, d = dLogits + row * classes
                for k in 0..<classes { d[k] = p[k] * scale }
                d[Int(labels[row])] -= scale
            }
            return
        }
        let scale = 1 / S(batch)
        for row in 0..<batch {
            let p = probabilities + row * classes, d = dLogits + row * classes
            for k in 0..<classes { d[k] = p[k] * scale }
            d[Int(labels[row])] -= scale
        }
    }
}
