import Foundation

/// Number formats for diagnosis evidence: fixed precision, so a report repeats byte for byte.
enum DiagnosisText {
    /// Losses and accuracies: three decimals (`1.099`, `0.012`); from 10 000 on, three significant
    /// digits (`5.43e+03`), as a diverging loss grows without bound.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let digits = String(format: abs(value) < 1e4 ? "%.3f" : "%.3g", abs(value))
        return value < 0 && digits.contains(where: { $0 != "0" && $0 != "." }) ? "−" + digits : digits
    }

    /// A relative change `to / from − 1` as a signed percent with a real minus sign: `−2.1 %`,
    /// `+38 %`; one decimal below 10 %, none above; from tenfold on, a factor: `×1.02e+12`.
    static func change(from: Double, to: Double) -> String {
        guard from > 0, to.isFinite, from.isFinite else { return "—" }
        if to / from >= 10 { return "×" + String(format: "%.3g", to / from) }
        let percent = (to / from - 1) * 100
        let magnitude = abs(percent) < 9.95 ? String(format: "%.1f", abs(percent)) : String(format: "%.0f", abs(percent))
        if magnitude == "0.0" { return "±0 %" }
        return (percent < 0 ? "−" : "+") + magnitude + " %"
    }
}
