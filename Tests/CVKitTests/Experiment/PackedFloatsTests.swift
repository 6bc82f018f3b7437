import Foundation
import Testing
@testable import CVKit

@Suite struct PackedFloatsTests {
    @Test func everyBitRoundTrips() throws {
        var random = RandomSource(seed: 4)
        var values: [Float] = [0, -0.0, 1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1]
        values += (0..<1000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: random.next())) }
        let json = try JSONEncoder().encode(PackedFloats(values))
        let back = try JSONDecoder().decode(PackedFloats.self, from: json)
        #expect(back.values.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(String(decoding: try JSONEncoder().encode(PackedFloats([1])), as: UTF8.self) == "\"AACAPw==\"")
    }

    @Test func corruptTextIsADecodingError() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PackedFloats.self, from: Data("\"AAA\"".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PackedFloats.self, from: Data("\"!!\"".utf8)) }
    }
}
