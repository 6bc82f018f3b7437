import Foundation

/// The learning rate of each epoch (0-based `epoch`), from a base rate `lr₀`.
///
/// - `constant`: `lr₀`.
/// - `step(every: n, factor: f)`: `lr₀ · f^⌊epoch / n⌋` (e.g. halve every 10 epochs).
/// - `exponential(rate: r)`: `lr₀ · r^epoch`.
/// - `inverseTime(decay: k)`: `lr₀ / (1 + k · epoch)` — the "1/t decay" of CS231n.
public enum LearningRateSchedule: Sendable, Equatable, Codable, CustomStringConvertible {
    case constant
    case step(every: Int, factor: Double)
    case exponential(rate: Double)
    case inverseTime(decay: Double)

    public func rate(base: Double, epoch: Int) -> Double {
        switch self {
        case .constant: base
        case .step(let every, let factor): base * pow(factor, Double(epoch / max(every, 1)))
        case .exponential(let rate): base * pow(rate, Double(epoch))
        case .inverseTime(let decay): base / (1 + decay * Double(epoch))
        }
    }

    /// Reads `none`, `step:10:0.5`, `exp:0.95` or `inv:0.1` (the `--lr-decay` syntax).
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":").map(String.init)
        func number(_ index: Int) -> Double? { parts.count > index ? Double(parts[index]) : nil }
        switch parts.first {
        case "none", "constant": self = .constant; if parts.count == 1 { return }
        case "step":
            if parts.count == 3, let every = Int(parts[1]), every > 0, let factor = number(2), factor > 0, factor <= 1 {
                self = .step(every: every, factor: factor); return
            }
        case "exp":
            if parts.count == 2, let rate = number(1), rate > 0, rate <= 1 { self = .exponential(rate: rate); return }
        case "inv":
            if parts.count == 2, let decay = number(1), decay >= 0, decay.isFinite { self = .inverseTime(decay: decay); return }
        default: break
        }
        throw CVKitError.invalidArgument(
            "learning-rate decay \"\(text)\" is not one of: none, step:EPOCHS:FACTOR (e.g. step:10:0.5), exp:RATE (e.g. exp:0.95), inv:K (e.g. inv:0.1)")
    }

    public var description: String {
        switch self {
        case .constant: "none"
        case .step(let every, let factor): "step:\(every):\(factor)"
        case .exponential(let rate): "exp:\(rate)"
        case .inverseTime(let decay): "inv:\(decay)"
        }
    }
}
