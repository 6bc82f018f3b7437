/// An integer array stored in JSON as one base64 string of its little-endian bytes
/// (`LittleEndianBase64`): a task's test rows and predicted classes, tens of thousands of numbers
/// per journal line, which `JSONEncoder` spent ~30 ms per 20,000-row task boxing one by one.
/// Reads the plain JSON arrays of journals written before the packing, too.
@propertyWrapper
public struct PackedIntegers<T: FixedWidthInteger & Codable & Sendable>: Sendable, Equatable, Codable {
    public var wrappedValue: [T]

    public init(wrappedValue: [T]) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let text = try? container.decode(String.self) else {
            wrappedValue = try container.decode([T].self)
            return
        }
        guard let values = LittleEndianBase64.decode(text, as: T.self) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not base64 of \(MemoryLayout<T>.size)-byte integers")
        }
        wrappedValue = values
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(LittleEndianBase64.encode(wrappedValue))
    }
}
