import Foundation
import Testing
@testable import CVKit

@Suite struct PredictionsCSVTests {
    func task(_ index: Int, repetition: Int, fold: Int, rows: [Int], diverged: Bool = false) -> TaskResult {
        TaskResult(
            index: index, repetition: repetition, fold: fold, nTrain: 3, nValidation: 0, nTest: rows.count, accuracy: diverged ? nil : 0.5,
            macroF1: nil, logLoss: nil, baselineAccuracy: 0.5,
            history: TrainingHistory(initialLoss: 0.7, epochs: [], divergedAtEpoch: nil, bestEpoch: nil, samplesSeen: 3),
            testRows: rows, predicted: rows.map { Int32($0 % 2) },
            packedProbabilities: PackedFloats(rows.flatMap { [Float($0) / 10, 1 - Float($0) / 10] }), seconds: 0)
    }

    /// Ordered by repeat, then row; a row tested twice in one repeat keeps task order; a diverged
    /// task has no line; each line carries its own task's prediction and probabilities.
    @Test func orderedByRepeatThenRowStably() throws {
        let dataset = Dataset(source: .init(path: "five.csv", sha256: "", byteCount: 0), featureNames: ["a"], labelName: "y", classNames: ["p", "q"],
                              features: [0, 1, 2, 3, 4], labels: [0, 1, 0, 1, 0])
        let tasks = [task(0, repetition: 0, fold: 0, rows: [3, 1]), task(1, repetition: 0, fold: 1, rows: [0, 4, 2]),
                     task(2, repetition: 1, fold: 0, rows: [2, 0]), task(3, repetition: 1, fold: 1, rows: [1, 2]),
                     task(4, repetition: 1, fold: 2, rows: [3], diverged: true)]
        var bytes = Data()
        let produce = CrossValidationReportWriter.predictionsCSV(tasks: tasks, dataset: dataset)
        try produce { bytes.append(contentsOf: $0) }
        // Handed on in pieces (one line or a few at a time), the same bytes.
        for pieceSize in [1, 40] {
            var pieces = 0, streamed = Data()
            try CrossValidationReportWriter.predictionsCSV(tasks: tasks, dataset: dataset, pieceSize: pieceSize)({ streamed.append(contentsOf: $0); pieces += 1 })
            #expect(streamed == bytes && pieces > 3, "piece size \(pieceSize): \(pieces) pieces")
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "row,repeat,fold,true,predicted,p_p,p_q")
        #expect(Array(lines.dropFirst()) == [
            "0,1,2,p,p,0.0,1.0", "1,1,1,q,q,0.1,0.9", "2,1,2,p,p,0.2,0.8", "3,1,1,q,q,0.3,0.7", "4,1,2,p,p,0.4,0.6",
            "0,2,1,p,p,0.0,1.0", "1,2,2,q,q,0.1,0.9", "2,2,1,p,p,0.2,0.8", "2,2,2,p,p,0.2,0.8",
        ])
    }
}
