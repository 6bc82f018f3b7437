import Foundation

/// The texts that mean "no value here", matched as bytes (no `String` per field).
///
/// The empty field is always missing. The other markers are pandas' `read_csv` defaults
/// (`pandas._libs.parsers.STR_NA_VALUES`, pandas 2–3) unless `--na-values` replaces them, so a file
/// reads with the same gaps in cvkit as in pandas. `inf` is not a marker: an infinite value is an error.
struct MissingMarkers: Sendable {
    /// pandas' default `na_values`, without the empty string (always missing here).
    static let pandasDefaults = [
        "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]

    private let markers: [[UInt8]]

    init(_ markers: [String]) { self.markers = markers.map { Array($0.utf8) } }

    /// Whether `field` is the empty field or one of the markers (compared byte for byte, after
    /// trimming spaces and tabs, as numbers are).
    func contains(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var lower = 0, upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        if lower == upper { return true }
        let count = upper - lower
        guard let base = field.baseAddress else { return false }
        for marker in markers where marker.count == count {
            let equal = marker.withUnsafeBufferPointer { stored in stored.baseAddress.map { memcmp($0, base + lower, count) == 0 } ?? false }
            if equal { return true }
        }
        return false
    }
}
