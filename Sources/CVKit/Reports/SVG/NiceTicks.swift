import Foundation

/// Axis ticks at round numbers: a step of 1, 2 or 5 times a power of ten, giving about `target`
/// ticks across the range.
///
/// The range is made usable first: non-finite bounds become 0…1, swapped bounds are put in order,
/// and a range with no span (one value, or all values equal) is widened around its value, so the
/// axis always has a non-zero span. With `expand`, the axis runs from the last tick at or below the
/// lowest value to the first tick at or above the highest; without, it runs exactly over the values
/// and only ticks inside are kept. With `integer`, the step is a whole number (for epochs, counts).
struct NiceTicks: Equatable {
    /// Where the axis starts and ends; `lower < upper` always.
    var lower: Double
    var upper: Double
    var step: Double
    var values: [Double]

    init(lower rawLower: Double, upper rawUpper: Double, target: Int = 5, integer: Bool = false, expand: Bool = true) {
        let limit = 1e300
        var lower = rawLower.isFinite ? Swift.min(Swift.max(rawLower, -limit), limit) : 0
        var upper = rawUpper.isFinite ? Swift.min(Swift.max(rawUpper, -limit), limit) : 1
        if !rawLower.isFinite && !rawUpper.isFinite { (lower, upper) = (0, 1) }
        if lower > upper { swap(&lower, &upper) }
        let magnitude = Swift.max(abs(lower), abs(upper))
        if upper - lower <= magnitude * 1e-9 || upper - lower < 1e-300 {
            let pad = integer ? (expand ? 1 : 0.5) : (magnitude > 1e-300 ? magnitude * 0.1 : 1)
            lower -= pad
            upper += pad
        }
        let raw = (upper - lower) / Double(Swift.max(target, 1))
        let power = pow(10, floor(log10(raw)))
        let normalized = raw / power
        var step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * power
        if integer { step = Swift.max(1, step.rounded()) }
        if expand {
            lower = floor(lower / step + 1e-9) * step
            upper = ceil(upper / step - 1e-9) * step
        }
        var values: [Double] = []
        var k = ceil(lower / step - 1e-9)
        while k * step <= upper + step * 1e-9 && values.count < 100 {
            values.append(k * step)
            k += 1
        }
        self.lower = lower
        self.upper = upper
        self.step = step
        self.values = values
    }

    /// The ticks over all finite `data` (0…1 when there is none).
    init(covering data: [Double], target: Int = 5, integer: Bool = false, expand: Bool = true) {
        let finite = data.filter(\.isFinite)
        self.init(lower: finite.min() ?? 0, upper: finite.max() ?? 1, target: target, integer: integer, expand: expand)
    }

    /// Tick labels, all with the decimals the step needs ("0.0", "0.5", "1.0"); three significant
    /// digits when the step is tiny or the values huge.
    var labels: [String] {
        let decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)))
        let huge = Swift.max(abs(lower), abs(upper)) >= 1e6
        return values.map { decimals > 6 || huge ? SVGNumber.short($0) : SVGNumber.fixed($0, decimals: decimals) }
    }
}

/// Ticks for a log10 axis: at the powers of ten from the one at or below the smallest positive
/// value to the one at or above the largest (one decade either side when that is a single power).
/// When there are more than 8 decades, only every second (third, …) power gets a tick.
struct LogTicks: Equatable {
    /// The axis runs from 10^lowerExponent to 10^upperExponent; `lowerExponent < upperExponent`.
    var lowerExponent: Int
    var upperExponent: Int
    /// The powers of ten with a labelled tick.
    var exponents: [Int]

    /// The ticks over the positive finite `data` (1…10 when there is none).
    init(covering data: [Double]) {
        let positive = data.filter { $0.isFinite && $0 > 0 }
        guard let smallest = positive.min(), let largest = positive.max() else {
            self.init(lowerExponent: 0, upperExponent: 1)
            return
        }
        // The tolerance keeps 1e-5 (whose log10 may be off by an ulp) on the power -5 itself.
        var lower = Int(floor(log10(smallest) + 1e-9))
        var upper = Int(ceil(log10(largest) - 1e-9))
        if lower >= upper { (lower, upper) = (lower - 1, upper + 1) }
        self.init(lowerExponent: lower, upperExponent: upper)
    }

    private init(lowerExponent: Int, upperExponent: Int) {
        self.lowerExponent = lowerExponent
        self.upperExponent = upperExponent
        let every = Swift.max(1, (upperExponent - lowerExponent + 7) / 8)
        exponents = Array(stride(from: lowerExponent, through: upperExponent, by: every))
    }

    /// "10⁻⁵" for -5: ten with the exponent in superscript digits.
    static func label(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let superscript = String(abs(exponent)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return "10" + (exponent < 0 ? "⁻" : "") + String(superscript)
    }
}
