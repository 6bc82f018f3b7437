/// Scoring rows of a data set through their preprocessing, without the preprocessed copy. Here, in
/// Training (which uses both Model and Preprocessing), not in Model, which sits below Preprocessing.
extension Network where S == Float {
    /// `probabilities(features: source.preprocessing.transform(source.dataset, rows: source.rows))`
    /// — the same bits, in the same chunks of up to 1,024 rows — with each chunk gathered into one
    /// reused buffer instead of the whole matrix.
    public func probabilities(_ source: PreprocessedRows) -> [Float] {
        precondition(source.width == config.inputs, "rows of \(source.width) inputs for a network of \(config.inputs)")
        let rows = source.count, classes = config.classes
        var result = [Float](repeating: 0, count: rows * classes)
        guard rows > 0 else { return result }
        let chunk = min(rows, 1024)
        reserve(batch: chunk)
        var buffer = [Float](repeating: 0, count: max(1, chunk * config.inputs))
        buffer.withUnsafeMutableBufferPointer { x in
            result.withUnsafeMutableBufferPointer { out in
                var start = 0
                while start < rows {
                    let count = min(chunk, rows - start)
                    source.gather(start: start, count: count, into: x.baseAddress!)
                    forward(x: x.baseAddress!, labels: nil, batch: count, training: false, updateRunning: false)
                    let probabilities = lastProbabilities(batch: count)
                    for i in 0..<probabilities.count { out[start * classes + i] = probabilities[i] }
                    start += count
                }
            }
        }
        return result
    }

    /// `evaluate(features:labels:)` on `source` gathered a chunk at a time (same chunks, same bits).
    public func evaluate(_ source: PreprocessedRows, labels: [Int32]) -> (loss: Double, correct: Int) {
        precondition(source.width == config.inputs && source.count == labels.count, "rows and labels disagree")
        let rows = labels.count
        guard rows > 0 else { return (0, 0) }
        let chunk = min(rows, 1024)
        reserve(batch: chunk)
        var buffer = [Float](repeating: 0, count: max(1, chunk * config.inputs))
        var total = 0.0, correct = 0
        buffer.withUnsafeMutableBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                var start = 0
                while start < rows {
                    let count = min(chunk, rows - start)
                    source.gather(start: start, count: count, into: x.baseAddress!)
                    let loss = forward(x: x.baseAddress!, labels: y.baseAddress! + start, batch: count, training: false, updateRunning: false)
                    total += Double(loss) * Double(count)
                    correct += correctCount(labels: y.baseAddress! + start, batch: count)
                    start += count
                }
            }
        }
        return (total / Double(rows), correct)
    }
}
