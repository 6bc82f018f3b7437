import Foundation

/// The one place numbers are formatted for the terminal (C `printf` rounding everywhere).
enum NumberFormat {
    /// Four significant digits: `0.8281`, `1065`, `3.4e+04`.
    static func short(_ value: Double) -> String { String(format: "%.4g", value) }
    /// Fixed decimals: `fixed(0.98765, 4)` → `0.9877`.
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    /// A share as a percentage with one decimal: `33.3%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
