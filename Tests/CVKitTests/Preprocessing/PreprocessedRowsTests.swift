import Testing
@testable import CVKit

/// `PreprocessedRows` is `Preprocessing.transform` gathered a chunk at a time: every Float, every
/// probability and every evaluation must be the same bits as through the transformed copy.
@Suite struct PreprocessedRowsTests {
    /// penguins (categories, gaps: the general gather) and digits (all numeric: the standardizer's
    /// kernel): a preprocessing fitted on a shuffled two thirds, and rows to score — for digits all
    /// 1,797 shuffled and 40 again (1,837: two chunks of scoring, the second partial), for penguins
    /// the other third and 40 again.
    static func cases() throws -> [(Dataset, Preprocessing, [Int])] {
        let penguins = try CSVLoader.load(path: ProjectFiles.dataset("penguins"), options: CSVOptions(label: .name("species")))
        let digits = try CSVLoader.load(path: ProjectFiles.dataset("digits"))
        return [penguins, digits].map { data in
            var random = RandomSource(seed: 9)
            var rows = Array(0..<data.rowCount)
            random.shuffle(&rows)
            let train = Array(rows[..<(data.rowCount * 2 / 3)])
            let scored = data.rowCount > 1024 ? rows + Array(rows[..<40]) : Array(rows[(data.rowCount * 2 / 3)...]) + Array(rows[..<40])
            return (data, Preprocessing.fit(data, rows: train), scored)
        }
    }

    @Test func gatherEqualsTransform() throws {
        for (data, preprocessing, rows) in try Self.cases() {
            #expect(data.rowCount < 1024 || rows.count > 1024)
            let source = PreprocessedRows(dataset: data, rows: rows, preprocessing: preprocessing)
            let whole = preprocessing.transform(data, rows: rows)
            var gathered = [Float](repeating: .nan, count: whole.count)
            // Uneven pieces, so every offset is exercised.
            var start = 0, piece = 1
            gathered.withUnsafeMutableBufferPointer { out in
                while start < rows.count {
                    let count = min(piece, rows.count - start)
                    source.gather(start: start, count: count, into: out.baseAddress! + start * source.width)
                    start += count
                    piece = piece * 3 + 1
                }
            }
            #expect(source.width == preprocessing.width && source.count == rows.count)
            #expect(gathered.map(\.bitPattern) == whole.map(\.bitPattern))
        }
    }

    @Test func networkScoresTheSameBitsAsOnTheTransformedCopy() throws {
        for (data, preprocessing, rows) in try Self.cases() {
            let config = NetworkConfig(inputs: preprocessing.width, classes: data.classCount, hidden: [16, 8])
            let network = try Network<Float>(config: config, seed: 3)
            let train = Array(0..<(data.rowCount * 2 / 3))
            _ = try Trainer(options: TrainingOptions(epochs: 2, batchSize: 32, learningRate: 0.01)).train(
                network, dataset: data, rows: train, preprocessing: preprocessing, labels: train.map { data.labels[$0] }, seed: 4)
            let source = PreprocessedRows(dataset: data, rows: rows, preprocessing: preprocessing)
            let copy = preprocessing.transform(data, rows: rows)
            let labels = rows.map { data.labels[$0] }
            #expect(network.probabilities(source).map(\.bitPattern) == network.probabilities(features: copy).map(\.bitPattern))
            let a = network.evaluate(source, labels: labels), b = network.evaluate(features: copy, labels: labels)
            #expect(a.loss.bitPattern == b.loss.bitPattern && a.correct == b.correct)
            // Both sides share the chunk loop: checked against the rows scored as separate calls of
            // at most one chunk, each chunk's labels its own (an offset lost would score chunk 2
            // against chunk 1's labels).
            var loss = 0.0, correct = 0
            for start in stride(from: 0, to: rows.count, by: 1024) {
                let part = Array(rows[start..<min(start + 1024, rows.count)])
                let scored = network.evaluate(PreprocessedRows(dataset: data, rows: part, preprocessing: preprocessing), labels: part.map { data.labels[$0] })
                loss += scored.loss * Double(part.count)
                correct += scored.correct
            }
            #expect(a.correct == correct && abs(a.loss - loss / Double(rows.count)) < 1e-9)
        }
    }

    /// The trainer's held-out curve from gathered rows equals the one from the matrix, epoch by
    /// epoch, and so do early stopping's choice and the restored weights.
    @Test func trainerValidationFromRowsEqualsFromTheMatrix() throws {
        for (data, preprocessing, rows) in try Self.cases() {
            let train = Array(0..<(data.rowCount * 2 / 3))
            let trainY = train.map { data.labels[$0] }, heldY = rows.map { data.labels[$0] }
            let config = NetworkConfig(inputs: preprocessing.width, classes: data.classCount, hidden: [16])
            let trainer = Trainer(options: TrainingOptions(epochs: 12, batchSize: 32, learningRate: 0.05, patience: 2))
            let a = try Network<Float>(config: config, seed: 5), b = try Network<Float>(config: config, seed: 5)
            let fromMatrix = try trainer.train(a, features: preprocessing.transform(data, rows: train), labels: trainY,
                                               validation: (preprocessing.transform(data, rows: rows), heldY), seed: 6)
            let fromRows = try trainer.train(b, dataset: data, rows: train, preprocessing: preprocessing, labels: trainY,
                                             validation: (PreprocessedRows(dataset: data, rows: rows, preprocessing: preprocessing), heldY), seed: 6)
            #expect(fromMatrix == fromRows)
            #expect(fromRows.epochs.allSatisfy { $0.validationLoss != nil })
            #expect(a.parameterValues.map(\.bitPattern) == b.parameterValues.map(\.bitPattern))
        }
    }
}
