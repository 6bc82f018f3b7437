import Foundation

/// Numbers written for people, shared by checks and reports.
public enum NumberText {
    /// A count with thousands separators: `10,435`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    /// Four decimals: `0.9366`.
    public static func fixed4(_ value: Double) -> String { value.isFinite ? String(format: "%.4f", value) : "—" }

    /// A share as a percentage with one decimal: `6.1 %`.
    public static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
