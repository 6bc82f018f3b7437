/// Batch normalization over a `batch × features` matrix, with PyTorch `BatchNorm1d` semantics.
///
/// Training: `x̂ = (x − μ_B) / √(σ²_B + ε)`, `out = γ · x̂ + β`, with the batch mean `μ_B` and the
/// **biased** batch variance `σ²_B = Σ(x − μ_B)² / B`, `ε = 1e-5`. The running statistics move
/// toward the batch's: `running = (1 − m) · running + m · batch` with `m = 0.1` (PyTorch's
/// momentum; CS231n's and TensorFlow's "momentum" is the complement, 0.9), and the running
/// variance takes the **unbiased** batch variance `Σ(x − μ_B)² / (B − 1)`.
/// Inference: `out = γ · (x − running_mean) / √(running_var + ε) + β`.
/// Backward (through the mean and the variance):
/// `dx = (1/B) · (1/√(σ²_B + ε)) · (B · dx̂ − Σ dx̂ − x̂ · Σ(dx̂ · x̂))` with `dx̂ = dOut · γ`;
/// `dγ = Σ dOut · x̂`, `dβ = Σ dOut`. A batch of one has no variance: the trainer never trains on one.
///
/// The ReLU that follows every BatchNorm in the network is fused in when asked (`rectify`,
/// `rectified`): one pass over the batch fewer each way, the same numbers as `ReLU`'s own passes
/// (the same multiply by a 0/1 mask).
enum BatchNorm {
    static let epsilon = 1e-5
    static let momentum = 0.1

    /// Training-mode forward. Writes `out` (then `max(0, out)` when `rectify`), `normalized` (x̂),
    /// `inverseStd`; `mean` is scratch that ends holding μ_B. Updates the running statistics when
    /// `updateRunning` is true.
    static func forwardTraining<S: BLASScalar>(
        out: UnsafeMutablePointer<S>, normalized: UnsafeMutablePointer<S>,
        mean: UnsafeMutablePointer<S>, inverseStd: UnsafeMutablePointer<S>,
        x: UnsafePointer<S>, gamma: UnsafePointer<S>, beta: UnsafePointer<S>,
        runningMean: UnsafeMutablePointer<S>, runningVariance: UnsafeMutablePointer<S>, updateRunning: Bool,
        batch: Int, features: Int, rectify: Bool = false
    ) {
        let n = S(batch)
        mean.update(repeating: 0, count: features)
        for row in 0..<batch {
            let r = x + row * features
            for j in 0..<features { mean[j] += r[j] }
        }
        for j in 0..<features { mean[j] /= n }
        // inverseStd first accumulates Σ(x − μ)².
        inverseStd.update(repeating: 0, count: features)
        for row in 0..<batch {
            let r = x + row * features
            for j in 0..<features {
                let d = r[j] - mean[j]
                inverseStd[j] += d * d
            }
        }
        let eps = S(epsilon), m = S(momentum)
        for j in 0..<features {
            let squares = inverseStd[j]
            if updateRunning {
                runningMean[j] = (1 - m) * runningMean[j] + m * mean[j]
                let unbiased = batch > 1 ? squares / (n - 1) : 0
                runningVariance[j] = (1 - m) * runningVariance[j] + m * unbiased
            }
            inverseStd[j] = 1 / (squares / n + eps).squareRoot()
        }
        for row in 0..<batch {
            let r = x + row * features, h = normalized + row * features, o = out + row * features
            if rectify {
                for j in 0..<features {
                    let value = (r[j] - mean[j]) * inverseStd[j]
                    h[j] = value
                    let y = gamma[j] * value + beta[j]
                    o[j] = y * (y > 0 ? 1 : 0)
                }
            } else {
                for j in 0..<features {
                    let value = (r[j] - mean[j]) * inverseStd[j]
                    h[j] = value
                    o[j] = gamma[j] * value + beta[j]
                }
            }
        }
    }

    static func forwardInference<S: BLASScalar>(
        out: UnsafeMutablePointer<S>, x: UnsafePointer<S>, gamma: UnsafePointer<S>, beta: UnsafePointer<S>,
        runningMean: UnsafePointer<S>, runningVariance: UnsafePointer<S>, scratch: UnsafeMutablePointer<S>,
        batch: Int, features: Int, rectify: Bool = false
    ) {
        let eps = S(epsilon)
        // scratch holds the per-feature scale γ / √(var + ε).
        for j in 0..<features { scratch[j] = gamma[j] / (runningVariance[j] + eps).squareRoot() }
        for row in 0..<batch {
            let r = x + row * features, o = out + row * features
            if rectify {
                for j in 0..<features {
                    let y = (r[j] - runningMean[j]) * scratch[j] + beta[j]
                    o[j] = y * (y > 0 ? 1 : 0)
                }
            } else {
                for j in 0..<features { o[j] = (r[j] - runningMean[j]) * scratch[j] + beta[j] }
            }
        }
    }

    /// Sets `dGamma`, `dBeta` and writes `dX` (which may alias `dOut`). With `rectified` — this
    /// layer's ReLU output — `dOut` is first masked by `rectified > 0` (the ReLU's backward pass).
    /// `scratch` (`features` values) holds the per-feature factor `γ · (1/√(σ²_B + ε)) / B`.
    static func backward<S: BLASScalar>(
        dX: UnsafeMutablePointer<S>, dGamma: UnsafeMutablePointer<S>, dBeta: UnsafeMutablePointer<S>,
        dOut: UnsafePointer<S>, normalized: UnsafePointer<S>, inverseStd: UnsafePointer<S>, gamma: UnsafePointer<S>,
        scratch: UnsafeMutablePointer<S>, batch: Int, features: Int, rectified: UnsafePointer<S>? = nil
    ) {
        dGamma.update(repeating: 0, count: features)
        dBeta.update(repeating: 0, count: features)
        // First pass: the (masked) gradient goes to dX, which the second pass reads back.
        for row in 0..<batch {
            let g = dOut + row * features, h = normalized + row * features, d = dX + row * features
            if let rectified {
                let a = rectified + row * features
                for j in 0..<features {
                    let masked = g[j] * (a[j] > 0 ? 1 : 0)
                    d[j] = masked
                    dGamma[j] += masked * h[j]
                    dBeta[j] += masked
                }
            } else {
                for j in 0..<features {
                    let value = g[j]
                    d[j] = value
                    dGamma[j] += value * h[j]
                    dBeta[j] += value
                }
            }
        }
        // Σ dx̂ = γ · dβ and Σ dx̂ · x̂ = γ · dγ, so the sums are already in hand.
        let n = S(batch)
        for j in 0..<features { scratch[j] = gamma[j] * inverseStd[j] / n }
        for row in 0..<batch {
            let h = normalized + row * features, d = dX + row * features
            for j in 0..<features { d[j] = scratch[j] * (n * d[j] - dBeta[j] - h[j] * dGamma[j]) }
        }
    }
}
