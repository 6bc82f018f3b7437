import Testing
@testable import CVKit

@Suite struct CSVBytesTests {
    /// `appendInteger` writes what `String(Int)` writes, for the edges and 10,000 values of every size.
    @Test func integersAsDecimalText() {
        var random = RandomSource(seed: 5)
        var values = [0, 1, 9, 10, 99, 100, -1, -9, -10, Int.max, Int.min, Int(Int32.max), 1_000_000]
        for _ in 0..<10_000 {
            let bits = Int(random.next() % 64)
            values.append(Int(truncatingIfNeeded: random.next() >> UInt64(bits)) &* (random.next() % 2 == 0 ? 1 : -1))
        }
        for value in values {
            var out: [UInt8] = [0x41]
            CSVBytes.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "A" + String(value))
        }
    }
}
