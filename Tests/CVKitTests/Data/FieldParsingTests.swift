import Foundation
import PropertyBased
import Testing
@testable import CVKit

@Suite struct FieldParsingTests {
    func parse(_ text: String) -> Result<Float, FieldParsing.NumberProblem> {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { FieldParsing.parseFloat(UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }

    @Test(arguments: [
        ("12", Float(12)), ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("1e-3", 0.001), ("+2E+4", 20000),
        ("  3.25\t", 3.25), ("0.07871", 0.07871), ("1065.0", 1065), ("-0", 0), ("1e-50", 0),
    ])
    func acceptsDecimalNumbers(text: String, value: Float) throws {
        #expect(try parse(text).get() == value)
    }

    @Test(arguments: [
        ("", FieldParsing.NumberProblem.empty), ("   ", .empty), ("nan", .notANumber), ("-NaN", .notANumber),
        ("inf", .infinite), ("-Infinity", .infinite), ("0x1p3", .hexadecimal), ("1,234", .thousandsSeparator),
        ("1_000", .thousandsSeparator), ("1e400", .outOfRange), ("-3.5e39", .outOfRange), ("x7", .malformed),
        ("1.2.3", .malformed), ("e5", .malformed), ("1e", .malformed), ("--1", .malformed), ("1 2", .thousandsSeparator),
        ("١٢", .malformed),
    ])
    func rejectsEverythingElseWithItsReason(text: String, problem: FieldParsing.NumberProblem) {
        #expect(throws: problem) { try parse(text).get() }
    }

    @Test func roundsCorrectlyToFloat() throws {
        // 0.1 is not representable: the nearest Float, as Float("0.1") gives.
        #expect(try parse("0.1").get() == Float("0.1"))
        #expect(try parse("16777217").get() == 16_777_216)  // halfway: ties to even
        #expect(try parse("3.4028235e38").get() == .greatestFiniteMagnitude)
    }

    @Test func quotesFieldsShortAndEscaped() {
        let long = String(repeating: "y", count: 100)
        let shown = Array(long.utf8).withUnsafeBufferPointer(FieldParsing.quote)
        #expect(shown.hasSuffix("…\"") && shown.count == 43)
        #expect(Array("a\tb".utf8).withUnsafeBufferPointer(FieldParsing.quote) == "\"a\\tb\"")
    }
}

@Suite struct FieldParsingFastPathTests {
    /// The exact fast path and glibc's correctly rounded strtof agree on every decimal.
    @Test func fastPathAgreesWithStrtof() async {
        await propertyCheck(count: 3000, input: Gen.int(in: 0...99_999_999), Gen.int(in: -12...12), Gen.int(in: 0...9)) { mantissa, exponent, digitsAfterPoint in
            var text = String(mantissa)
            if digitsAfterPoint > 0 && digitsAfterPoint < text.count {
                text.insert(".", at: text.index(text.endIndex, offsetBy: -digitsAfterPoint))
            }
            if exponent != 0 { text += "e\(exponent)" }
            var bytes = Array(text.utf8)
            bytes.append(0)
            let parsed = bytes.withUnsafeBufferPointer { FieldParsing.parseFloat(UnsafeBufferPointer(rebasing: $0.dropLast())) }
            let reference = text.withCString { strtof($0, nil) }
            #expect((try? parsed.get()) == reference, "\(text)")
        }
    }
}

@Suite struct FieldParsingPlainPathTests {
    static let alphabet = Array("0123456789012345678901234567890123456789..-+e ".utf8)

    /// The plain-decimal path (digit loops, the 8-digit word) gives exactly what the general path gives,
    /// bit for bit, whenever it answers; it answers for every plain decimal of up to 7 digits.
    @Test func plainPathAgreesWithGeneralPath() async {
        await propertyCheck(count: 20000, input: Gen.int(in: 1...22), Gen.int(in: 0...Int(Int32.max))) { length, seed in
            var generator = seed
            var bytes: [UInt8] = []
            for _ in 0..<length {
                generator = (generator &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
                bytes.append(FieldParsingPlainPathTests.alphabet[(generator >> 8) % FieldParsingPlainPathTests.alphabet.count])
            }
            bytes.append(0)
            let text = String(decoding: bytes.dropLast(), as: UTF8.self)
            bytes.withUnsafeBufferPointer { all in
                let field = UnsafeBufferPointer(rebasing: all.dropLast())
                let general = FieldParsing.parseAnyDecimal(field)
                if let plain = FieldParsing.parsePlainDecimal(field) {
                    #expect((try? general.get())?.bitPattern == plain.bitPattern, "\(text)")
                }
                #expect((try? FieldParsing.parseFloat(field).get())?.bitPattern == (try? general.get())?.bitPattern, "\(text)")
            }
        }
    }

    @Test(arguments: ["-0.02253272", "3.776608", "0.1346466", "1234567.8", "0.1234567", "-.5", "+7", "16777216", "0.00000001"])
    func plainDecimalsTakeThePlainPath(text: String) throws {
        var bytes = Array(text.utf8)
        bytes.append(0)
        let plain = bytes.withUnsafeBufferPointer { FieldParsing.parsePlainDecimal(UnsafeBufferPointer(rebasing: $0.dropLast())) }
        #expect(plain == Float(text))
    }

    @Test(arguments: ["1.2.3.4.5", "1.234e-56", "12 345678", "0.123456789012", "16777217", "1e5", "", "-", "."])
    func otherTextLeavesThePlainPath(text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0)
        #expect(bytes.withUnsafeBufferPointer { FieldParsing.parsePlainDecimal(UnsafeBufferPointer(rebasing: $0.dropLast())) } == nil)
    }
}
