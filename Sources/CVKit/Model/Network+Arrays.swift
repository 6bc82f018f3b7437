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
        return features.withUnsafeBufferPointer { x in
            probabilities(rows: rows) { start, _ in x.baseAddress! + start * config.inputs }
        }
    }

    /// Inference over `rows` rows in chunks of up to 1,024 (the chunks every scoring function uses,
    /// so that where the rows come from never changes a bit): `input(start, count)` gives the first
    /// of the chunk's input rows, each `config.inputs` values.
    func probabilities(rows: Int, input: (_ start: Int, _ count: Int) -> UnsafePointer<S>) -> [S] {
        var result = [S](repeating: 0, count: rows * config.classes)
        forEachChunk(rows: rows, labels: nil, input: input) { start, count, _ in
            let probabilities = lastProbabilities(batch: count)
            for i in 0..<probabilities.count { result[start * config.classes + i] = probabilities[i] }
        }
        return result
    }

    /// Runs the network in inference mode on chunks of up to 1,024 of `rows` rows, in order, and
    /// calls `scored(start, count, loss)` after each (the loss is the chunk's mean with `labels`,
    /// 0 without).
    func forEachChunk(rows: Int, labels: UnsafePointer<Int32>?, input: (_ start: Int, _ count: Int) -> UnsafePointer<S>,
                      scored: (_ start: Int, _ count: Int, _ loss: S) -> Void) {
        guard rows > 0 else { return }
        let chunk = min(rows, 1024)
        reserve(batch: chunk)
        var start = 0
        while start < rows {
            let count = min(chunk, rows - start)
            let loss = forward(x: input(start, count), labels: labels.map { $0 + start }, batch: count, training: false, updateRunning: false)
            scored(start, count, loss)
            start += count
        }
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
        precondition(features.count == labels.count * config.inputs, "features and labels disagree")
        return features.withUnsafeBufferPointer { x in
            evaluate(labels: labels) { start, _ in x.baseAddress! + start * config.inputs }
        }
    }

    /// `evaluate(features:labels:)` with the chunks' inputs from `input` (see `forEachChunk`).
    func evaluate(labels: [Int32], input: (_ start: Int, _ count: Int) -> UnsafePointer<S>) -> (loss: Double, correct: Int) {
        let rows = labels.count
        guard rows > 0 else { return (0, 0) }
        var total = 0.0, correct = 0
        labels.withUnsafeBufferPointer { y in
            forEachChunk(rows: rows, labels: y.baseAddress!, input: input) { start, count, loss in
                total += Double(loss) * Double(count)
                correct += correctCount(labels: y.baseAddress! + start, batch: count)
            }
        }
        return (total / Double(rows), correct)
    }
}
