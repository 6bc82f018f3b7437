import Foundation

/// Numbers as SVG and axis labels write them: fixed precision, `.` as the decimal point whatever
/// the locale, never `nan` or `inf`, never `-0`.
enum SVGNumber {
    /// A coordinate or size with one decimal. Non-finite values become 0 and magnitudes are capped at
    /// 10⁶ pixels: the charts skip such values before drawing, so this is only a last guard that
    /// keeps the document valid.
    static func coordinate(_ value: Double) -> String {
        fixed(value.isFinite ? Swift.min(Swift.max(value, -1_000_000), 1_000_000) : 0, decimals: 1)
    }

    /// `value` with exactly `decimals` decimals (0…9); non-finite values become "0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.\(Swift.min(Swift.max(decimals, 0), 9))f", value)
        return withoutNegativeZero(text)
    }

    /// `value` with three significant digits, for labels such as "mean 0.912" ("1.5e-05" when tiny
    /// or huge); non-finite values become "0".
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return withoutNegativeZero(String(format: "%.3g", value))
    }

    /// "-0", "-0.00" → "0", "0.00": a value that rounds to zero has no sign.
    private static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return String(text.dropFirst())
    }
}
