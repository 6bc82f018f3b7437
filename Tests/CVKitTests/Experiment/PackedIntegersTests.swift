import Foundation
import Testing
@testable import CVKit

@Suite struct PackedIntegersTests {
    func result(rows: [Int], predicted: [Int32]) -> TaskResult {
        TaskResult(
            index: 3, repetition: 1, fold: 2, nTrain: 10, nValidation: 0, nTest: rows.count, accuracy: 0.5, macroF1: nil, logLoss: 0.7,
            baselineAccuracy: 0.25, history: TrainingHistory(initialLoss: 2.3, epochs: [], divergedAtEpoch: nil, bestEpoch: nil, samplesSeen: 20),
            testRows: rows, predicted: predicted, packedProbabilities: PackedFloats([0.25, 0.75]), seconds: 1.5)
    }

    /// Test rows and predictions go into the journal as base64 and come back exactly, extremes included.
    @Test func taskResultsRoundTripPacked() throws {
        let original = result(rows: [0, 7, Int(Int32.max) + 5, 99_999], predicted: [0, 9, Int32.max, -1])
        let json = try JSONEncoder().encode(original)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"testRows\":\"") && text.contains("\"predicted\":\"") && !text.contains("macroF1"))
        #expect(try JSONDecoder().decode(TaskResult.self, from: json) == original)
        let empty = result(rows: [], predicted: [])
        #expect(try JSONDecoder().decode(TaskResult.self, from: try JSONEncoder().encode(empty)) == empty)
    }

    /// Journals written before the packing (plain arrays) still read.
    @Test func plainArraysStillRead() throws {
        let original = result(rows: [4, 1, 8], predicted: [2, 0, 1])
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(original)) as? [String: Any])
        object["testRows"] = [4, 1, 8]
        object["predicted"] = [2, 0, 1]
        #expect(try JSONDecoder().decode(TaskResult.self, from: try JSONSerialization.data(withJSONObject: object)) == original)
        object["testRows"] = "not base64!"
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TaskResult.self, from: try JSONSerialization.data(withJSONObject: object)) }
    }
}
