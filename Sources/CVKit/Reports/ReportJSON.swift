import Foundation

/// The JSON every report and `--json` output uses: sorted keys, pretty printed, slashes not
/// escaped, a final newline — stable bytes for the same value.
///
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026` (as Go's encoder does by
/// default): the decoded text is unchanged, but a class name such as `<script>` taken from the data
/// can never become markup when the file is shown in a web page. Outside strings JSON has none of
/// these characters, so replacing the bytes is exact.
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Reports keep non-finite numbers out (diverged folds have null scores); should one slip
        // through, it is written as a string rather than failing the whole report.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let encoded = try encoder.encode(value)
        var data = Data()
        data.reserveCapacity(encoded.count + 1)
        for byte in encoded {
            switch byte {
            case UInt8(ascii: "<"): data.append(contentsOf: Array(#"\u003c"#.utf8))
            case UInt8(ascii: ">"): data.append(contentsOf: Array(#"\u003e"#.utf8))
            case UInt8(ascii: "&"): data.append(contentsOf: Array(#"\u0026"#.utf8))
            default: data.append(byte)
            }
        }
        data.append(0x0A)
        return data
    }
}
