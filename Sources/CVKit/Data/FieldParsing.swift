import Foundation

/// How a feature field is read: the accepted number syntax and every rejection, with its reason.
///
/// Accepted: optional spaces or tabs around the number (libcsv already trims unquoted fields; quoted
/// ones are trimmed here, so `" 1.5"` and `1.5` agree), an optional sign, decimal digits with an
/// optional point, an optional exponent — `12`, `-0.5`, `.5`, `5.`, `1e-3`, `+2E+4`. The value is
/// rounded once, correctly, to the nearest `Float` (glibc/Apple `strtof` in the C locale).
/// Rejected, each with its own sentence: empty fields and NaN (missing values: `RowDecoder` decides), infinities,
/// hexadecimal floats, thousands separators, values beyond Float's range (`1e400`), and anything else.
enum FieldParsing {
    enum NumberProblem: Error, Equatable {
        case empty
        case notANumber
        case infinite
        case hexadecimal
        case thousandsSeparator
        case outOfRange
        case malformed
    }

    /// Parses a decimal number from `field` (which must be followed in memory by a NUL byte).
    @inline(__always) static func parseFloat(_ field: UnsafeBufferPointer<UInt8>) -> Result<Float, NumberProblem> {
        if let value = parsePlainDecimal(field) { return .success(value) }
        return parseAnyDecimal(field)
    }

    /// The common case, fast: `[+-]? digits [. digits]`, at most 19 digits, no spaces, no exponent,
    /// value digits ≤ 2²⁴ and ≤ 10 digits after the point. Then Clinger's fast path applies (see
    /// `parseAnyDecimal`) and gives exactly what it gives; nil sends every other field there.
    ///
    /// The byte after the field is a NUL, which is not a digit, so the digit loops need no bounds
    /// check; up to 8 digits after the point are read and checked as one 64-bit word (the field's
    /// last 8 bytes, so never past its end).
    @inline(__always) static func parsePlainDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
        guard let start = field.baseAddress, !field.isEmpty else { return nil }
        let end = start + field.count
        var p = start
        let negative = p.pointee == UInt8(ascii: "-")
        if negative || p.pointee == UInt8(ascii: "+") { p += 1 }
        var mantissa: UInt64 = 0
        let integerStart = p
        while true {
            let digit = p.pointee &- 0x30
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            p += 1
        }
        var digits = integerStart.distance(to: p)
        var fractionDigits = 0
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            fractionDigits = p.distance(to: end)
            if fractionDigits >= 1, fractionDigits <= 8, field.count >= 8 {
                // The last 8 bytes of the field, the bytes before the fraction replaced by "0".
                let word = UnsafeRawPointer(end - 8).loadUnaligned(as: UInt64.self)
                let before: UInt64 = (1 << UInt64(8 * (8 - fractionDigits))) - 1  // 0 for 8 digits
                let digitsWord = (word & ~before) | (0x3030_3030_3030_3030 & before)
                guard isEightDigits(digitsWord) else { return nil }
                mantissa = mantissa &* integerPowerOfTen(fractionDigits) &+ valueOfEightDigits(digitsWord)
                p = end
            } else {
                let fractionStart = p
                while true {
                    let digit = p.pointee &- 0x30
                    if digit >= 10 { break }
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    p += 1
                }
                fractionDigits = fractionStart.distance(to: p)
            }
            digits += fractionDigits
        }
        guard p == end, digits > 0, digits <= 19, fractionDigits <= 10, mantissa <= 1 << 24 else { return nil }
        let magnitude = Float(mantissa) / powerOfTen(fractionDigits)
        // The sign by a bit operation: a branch on it is a coin toss for typical data.
        return Float(bitPattern: magnitude.bitPattern | UInt32(negative ? 1 : 0) << 31)
    }

    /// Whether all 8 bytes of `word` are ASCII digits.
    @inline(__always) private static func isEightDigits(_ word: UInt64) -> Bool {
        ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0
    }

    /// The number 8 ASCII digits spell, the first digit in the lowest byte (SWAR, as in simdjson).
    @inline(__always) private static func valueOfEightDigits(_ word: UInt64) -> UInt64 {
        var value = word &- 0x3030_3030_3030_3030
        value = (value &* 10) &+ (value >> 8)
        let pairs: UInt64 = 0x0000_00FF_0000_00FF
        value = ((value & pairs) &* 0x000F_4240_0000_0064 &+ ((value >> 16) & pairs) &* 0x0000_2710_0000_0001) >> 32
        return value & 0xFFFF_FFFF
    }

    /// 10ⁿ for n in 1...8, as an integer (a table lookup once compiled).
    @inline(__always) private static func integerPowerOfTen(_ n: Int) -> UInt64 {
        switch n {
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// Every accepted syntax, and the reason for every rejection.
    static func parseAnyDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Result<Float, NumberProblem> {
        var lower = 0
        var upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        if lower == upper { return .failure(.empty) }
        guard let decimal = scanDecimal(field, lower, upper), let base = field.baseAddress else {
            return .failure(classify(field, lower, upper))
        }
        // Clinger's fast path: a mantissa below 2²⁴ and a power of ten up to 10¹⁰ are both exact in
        // Float, so one multiplication or division rounds the exact decimal value once, correctly.
        if decimal.mantissa <= 1 << 24, (-10...10).contains(decimal.exponent) {
            let magnitude = decimal.exponent >= 0
                ? Float(decimal.mantissa) * powerOfTen(decimal.exponent)
                : Float(decimal.mantissa) / powerOfTen(-decimal.exponent)
            return .success(decimal.negative ? -magnitude : magnitude)
        }
        // strtof stops at the first trailing space, which the syntax check has already allowed;
        // the byte after the field is a NUL, so it never reads past the field.
        let value = (base + lower).withMemoryRebound(to: CChar.self, capacity: upper - lower) {
            strtof($0, nil)
        }
        guard value.isFinite else { return .failure(.outOfRange) }
        return .success(value)
    }

    /// Every accepted syntax, read as a Double (`strtod`, correctly rounded): for columns whose values
    /// are stored shifted or scaled (`ColumnEncoding`), where Float's range or step would lose them.
    static func parseAnyDouble(_ field: UnsafeBufferPointer<UInt8>) -> Result<Double, NumberProblem> {
        var lower = 0
        var upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        if lower == upper { return .failure(.empty) }
        guard scanDecimal(field, lower, upper) != nil, let base = field.baseAddress else {
            return .failure(classify(field, lower, upper))
        }
        let value = (base + lower).withMemoryRebound(to: CChar.self, capacity: upper - lower) { strtod($0, nil) }
        guard value.isFinite else { return .failure(.outOfRange) }
        return .success(value)
    }

    /// 10ⁿ for n in 0...10, each exact in Float (5¹⁰ < 2²⁴). A table of literals, which the compiler
    /// initializes statically (a `switch` over Float constants became an indirect jump, mispredicted
    /// as the digit count varies; a computed table is a lazy global, checked on every use).
    @inline(__always) static func powerOfTen(_ n: Int) -> Float { floatPowersOfTen[n] }

    /// The decimal's sign, digits as an integer (saturating past 19 digits) and power of ten,
    /// or nil when the text is not `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    private static func scanDecimal(_ f: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int)
        -> (negative: Bool, mantissa: UInt64, exponent: Int)?
    {
        var i = lower
        var negative = false
        if f[i] == UInt8(ascii: "+") || f[i] == UInt8(ascii: "-") { negative = f[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0, digits = 0, exponent = 0, overflow = false
        func take(_ digit: UInt8) -> Bool {
            digits += 1
            if mantissa >= 1_000_000_000_000_000_000 { overflow = true; return false }
            mantissa = mantissa * 10 + UInt64(digit &- 0x30)
            return true
        }
        while i < upper, isDigit(f[i]) {
            if !take(f[i]) { exponent += 1 }
            i += 1
        }
        if i < upper, f[i] == UInt8(ascii: ".") {
            i += 1
            while i < upper, isDigit(f[i]) {
                if take(f[i]) { exponent -= 1 }
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < upper, f[i] == UInt8(ascii: "e") || f[i] == UInt8(ascii: "E") {
            i += 1
            var sign = 1
            if i < upper, f[i] == UInt8(ascii: "+") || f[i] == UInt8(ascii: "-") { sign = f[i] == UInt8(ascii: "-") ? -1 : 1; i += 1 }
            var value = 0, exponentDigits = 0
            while i < upper, isDigit(f[i]) {
                value = min(value * 10 + Int(f[i] &- 0x30), 100_000)
                exponentDigits += 1
                i += 1
            }
            if exponentDigits == 0 { return nil }
            exponent += sign * value
        }
        guard i == upper else { return nil }
        // Past 19 digits the mantissa is inexact: force the strtof path.
        return (negative, overflow ? UInt64.max : mantissa, exponent)
    }

    private static func classify(_ f: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> NumberProblem {
        var text = String(decoding: UnsafeBufferPointer(rebasing: f[lower..<upper]), as: UTF8.self).lowercased()
        if text.hasPrefix("+") || text.hasPrefix("-") { text.removeFirst() }
        if text == "nan" { return .notANumber }
        if text == "inf" || text == "infinity" { return .infinite }
        if text.hasPrefix("0x") { return .hexadecimal }
        let digitsAndSeparators = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "_" || $0 == " ") }
        if digitsAndSeparators && (text.contains(",") || text.contains("_") || text.contains(" ")) { return .thousandsSeparator }
        return .malformed
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// A field's text for an error message: at most 40 characters, control characters escaped.
    static func quote(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: field, as: UTF8.self)
        var shown = ""
        for scalar in text.unicodeScalars.prefix(40) {
            shown += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        if text.unicodeScalars.count > 40 { shown += "…" }
        return "\"\(shown)\""
    }

    /// The field as text if it is valid UTF-8, else nil.
    static func text(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        String(validating: field, as: UTF8.self)
    }
}

extension FieldParsing.NumberProblem {
    /// The sentence after "column "x": ", for a field shown as `shown`.
    func message(shown: String) -> String {
        switch self {
        case .empty: "empty field: a missing value, and --no-impute makes every feature need a number (leave it out to impute in each fold)"
        case .notANumber: "\(shown) is NaN, which is not among the missing-value markers (--na-values): features must be numbers"
        case .infinite: "\(shown) is infinite: features must be finite numbers"
        case .hexadecimal: "\(shown) is a hexadecimal number: write features in decimal, e.g. 12.5 or 1e-3"
        case .thousandsSeparator: "\(shown) holds a comma or a digit separator: if the comma is a decimal mark, read the file with --decimal , (and --delimiter ';' when commas also separate fields); cvkit does not read thousands separators"
        case .outOfRange: "\(shown) is outside the range of a 32-bit float (about ±3.4e38)"
        case .malformed: "expected a number, found \(shown)"
        }
    }
}

/// 10ⁿ for n in 0...10, for `FieldParsing.powerOfTen`.
private let floatPowersOfTen: [Float] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]
