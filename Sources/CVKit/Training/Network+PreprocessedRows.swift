/// Scoring rows of a data set through their preprocessing, without the preprocessed copy. Here, in
/// Training (which uses both Model and Preprocessing), not in Model, which sits below Preprocessing.
extension Network where S == Float {
    /// `probabilities(features: source.preprocessing.transform(source.dataset, rows: source.rows))`
    /// — the same bits, in the same chunks of up to 1,024 rows — with each chunk gathered into one
    /// reused buffer instead of the whole matrix.
    public func probabilities(_ source: PreprocessedRows) -> [Float] {
        precondition(source.width == config.inputs, "rows of \(source.width) inputs for a network of \(config.inputs)")
        return gathering(source) { input in probabilities(rows: source.count, input: input) }
    }

    /// `evaluate(features:labels:)` on `source` gathered a chunk at a time (same chunks, same bits).
    public func evaluate(_ source: PreprocessedRows, labels: [Int32]) -> (loss: Double, correct: Int) {
        precondition(source.width == config.inputs && source.count == labels.count, "rows and labels disagree")
        return gathering(source) { input in evaluate(labels: labels, input: input) }
    }

    /// Calls `body` with an `input` function that gathers each chunk of `source` into one buffer
    /// of 1,024 rows.
    private func gathering<T>(_ source: PreprocessedRows, _ body: ((Int, Int) -> UnsafePointer<Float>) -> T) -> T {
        var buffer = [Float](repeating: 0, count: max(1, min(source.count, 1024) * config.inputs))
        return buffer.withUnsafeMutableBufferPointer { x in
            body { start, count in
                source.gather(start: start, count: count, into: x.baseAddress!)
                return UnsafePointer(x.baseAddress!)
            }
        }
    }
}
