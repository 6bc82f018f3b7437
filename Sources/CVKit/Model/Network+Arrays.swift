/// Whole-array entry points: for tests, sanity checks and evaluation, not the batch loop.
extension Network {
    /// All trainable values in layout order (a copy).
    public var parameterValues: [S] {
        get { Array(parameters) }
        set {
            precondition(newValue.count == parameters.count, "parameter count mismatch")
            _ = parameters.update(fromContentsOf: newValue)
        }
    }

    /// The gradients of the last backward pass, in the same layout (a copy).
    public var gradientValues: [S] { Array(gradients) }

    /// BatchNorm running means and variances, layer by layer (a copy).
    public var runningStatistics: [S] {
        get { Array(statistics.prefix(layout.statisticsCount)) }
        set {
            precondition(newValue.count == layout.statisticsCount, "statistics count mismatch")
            for (i, value) in newValue.enumerated() { statistics[i] = value }
        }
    }

    /// Mean cross-entropy and the total loss (with `l2 / 2 · Σ W²`) on `features` (row-major).
    /// Training mode uses batch statistics and, when `updateRunning`, moves the running ones.
    public func loss(features: [S], labels: [Int32], training: Bool, updateRunning: Bool = false) -> (dataLoss: S, loss: S) {
        let rows = labels.count
        precondition(features.count == rows * config.inputs && rows > 0, "features and labels disagree")
        reserve(batch: rows)
        let data = features.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                forward(x: x.baseAddress!, labels: y.baseAddress!, batch: rows, training: training, updateRunning: updateRunning)
            }
        }
        return (data, data + l2Penalty())
    }

    /// Loss and gradient of every parameter on one training-mode batch (running statistics untouched).
    public func lossAndGradients(features: [S], labels: [Int32]) -> (loss: S, gradients: [S]) {
        let rows = labels.count
        precondition(features.count == rows * config.inputs && rows > 0, "features and labels disagree")
        reserve(batch: rows)
        let data = features.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                let loss = forward(x: x.baseAddress!, labels: y.baseAddress!, batch: rows, training: true, updateRunning: false)
                backward(x: x.baseAddress!, labels: y.baseAddress!, batch: rows)
                return loss
            }
        }
        return (data + l2Penalty(), gradientValues)
    }

    /// Class probabilities in inference mode (running statistics), `rows × classes`, computed in
    /// chunks of up to 1,024 rows.
    public func probabilities(features: [S]) -> [S] {
        let rows = features.count / config.inputs
        var result = [S](repeating: 0, count: rows * config.classes)
        guard rows > 0 else { return result }
        let chunk = min(rows, 1024)
        reserve(batch: chunk)
        features.withUnsafeBufferPointer { x in
            var start = 0
            while start < rows {
                let count = min(chunk, rows - start)
                forward(x: x.baseAddress! + start * config.inputs, labels: nil, batch: count, training: false, updateRunning: false)
                let probabilities = lastProbabilities(batch: count)
                for i in 0..<probabilities.count { result[start * config.classes + i] = probabilities[i] }
                start += count
            }
        }
        return result
    }

    /// The most probable class of each row (inference mode).
    public func predictions(features: [S]) -> [Int32] {
        let p = probabilities(features: features)
        return p.withUnsafeBufferPointer { buffer in
            (0..<(p.count / config.classes)).map { Int32(Network.argmax(buffer.baseAddress! + $0 * config.classes, config.classes)) }
        }
    }
}

extension Network {
    /// Mean cross-entropy (log-sum-exp, so never −log 0) and the count of correct argmax
    /// predictions on `features`, in inference mode, in chunks of up to 1,024 rows.
    public func evaluate(features: [S], labels: [Int32]) -> (loss: Double, correct: Int) {
        let rows = labels.count
        precondition(features.count == rows * config.inputs, "features and labels disagree")
        guard rows > 0 else { return (0, 0) }
        let chunk = min(rows, 1024)
        reserve(batch: chunk)
        var total = 0.0, correct = 0
        features.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                var start = 0
                while start < rows {
                    let count = min(chunk, rows - start)
                    let loss = forward(x: x.baseAddress! + start * config.inputs, labels: y.baseAddress! + start, batch: count,
                                       training: false, updateRunning: false)
                    total += Double(loss) * Double(count)
                    correct += correctCount(labels: y.baseAddress! + start, batch: count)
                    start += count
                }
            }
        }
        return (total / Double(rows), correct)
    }
}
