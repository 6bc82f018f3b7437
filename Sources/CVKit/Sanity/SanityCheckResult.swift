import Foundation

/// The outcome of one sanity check, as `sanity.json` and the report show it.
///
/// `expected` and `observed` are short sentences (numbers written with `%.4g`-style precision);
/// `initial-loss`'s `observed` is the bare loss, so `Double(observed)` (or Python's `float`) reads it.
/// `advice` says what to do: empty when the check passed cleanly, set when it failed or passed
/// with a warning (`lr-sweep` with the configured rate outside the good band). `details` says
/// what was measured and why the bound is what it is.
public struct SanityCheckResult: Sendable, Equatable, Codable {
    public var name: String
    public var passed: Bool
    public var expected: String
    public var observed: String
    public var advice: String
    public var details: String

    public init(name: SanityCheckName, passed: Bool, expected: String, observed: String, advice: String = "", details: String) {
        self.name = name.rawValue
        self.passed = passed
        self.expected = expected
        self.observed = observed
        self.advice = advice
        self.details = details
    }
}

/// The six checks, in the order they run and are reported.
public enum SanityCheckName: String, Sendable, CaseIterable {
    case initialLoss = "initial-loss"
    case regularizationRaisesLoss = "regularization-raises-loss"
    case gradientCheck = "gradient-check"
    case overfitTinySubset = "overfit-tiny-subset"
    case learningRateSweep = "lr-sweep"
    case batchNormStats = "batchnorm-stats"
}

/// Number formats for the check sentences (C `printf` rounding, no locale).
enum SanityFormat {
    /// Four decimals: `1.0986`.
    static func f4(_ value: Double) -> String { value.isFinite ? String(format: "%.4f", value) : "\(value)" }
    /// Two significant digits: `3.2e-09`, `0.012`.
    static func g2(_ value: Double) -> String { value.isFinite ? String(format: "%.2g", value) : "\(value)" }
    /// Four significant digits: `192.1`.
    static func g4(_ value: Double) -> String { value.isFinite ? String(format: "%.4g", value) : "\(value)" }
    /// A learning rate as typed on a command line: `0.001`, `3.16e-05`.
    static func rate(_ value: Double) -> String { String(format: "%.3g", value) }
    /// A share as a whole or one-decimal percentage: `100 %`, `87.5 %`.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? String(format: "%.0f %%", value) : String(format: "%.1f %%", value)
    }
}
