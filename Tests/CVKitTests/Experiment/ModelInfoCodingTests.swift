import Foundation
import Testing
@testable import CVKit

@Suite struct ModelInfoCodingTests {
    /// results.json records the initialization; one written before it did (no key) reads as "he".
    @Test func initializationIsWrittenAndOlderDocumentsStillRead() throws {
        let info = CrossValidationResults.ModelInfo(
            layers: "input 4 → Dense 3 → softmax", hidden: [], batchnorm: true, initialization: "torch", optimizer: "adam", lr: 0.001,
            lrDecay: "none", l2: 0, epochs: 20, batchSize: 64, patience: nil, parameters: 15, forwardFLOPsPerSample: 24)
        let json = try JSONEncoder().encode(info)
        #expect(String(decoding: json, as: UTF8.self).contains("\"initialization\":\"torch\""))
        #expect(try JSONDecoder().decode(CrossValidationResults.ModelInfo.self, from: json) == info)
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["initialization"] = nil
        let older = try JSONDecoder().decode(CrossValidationResults.ModelInfo.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.initialization == "he" && older.layers == info.layers && older.patience == nil)
    }
}
