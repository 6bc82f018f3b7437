import Foundation

/// A `[Float]` that JSON stores as one base64 string of its IEEE 754 little-endian bytes.
///
/// Exact (every bit round-trips, NaN payloads included), a third of the size of decimal text, and
/// without a number-formatting pass per value: the journal of a 100,000-row run holds a million
/// probabilities, and `JSONEncoder` spent about a second printing them as decimals.
public struct PackedFloats: Sendable, Equatable, Codable {
    public var values: [Float]

    public init(_ values: [Float]) { self.values = values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let bits = LittleEndianBase64.decode(try container.decode(String.self), as: UInt32.self) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not base64 of Float32 values")
        }
        values = bits.map(Float.init(bitPattern:))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(LittleEndianBase64.encode(values.lazy.map(\.bitPattern)))
    }
}
