/// How a `Network`'s weights start (seeded; biases and β 0, γ 1 either way, unless said).
public enum Initialization: String, Sendable, Codable, CaseIterable {
    /// The default (DESIGN.md): hidden Dense weights He-normal `N(0, 2 / fan_in)`, right for ReLU;
    /// the output layer `N(0, 0.01²)`, so the initial logits are near zero and the initial loss is
    /// ≈ ln C — what the sanity check expects.
    case he
    /// PyTorch's `nn.Linear` default, for runs that must match a PyTorch script's: every Dense
    /// weight `U(−1/√fan_in, 1/√fan_in)` (`kaiming_uniform_(a = √5)`), and a Dense bias — the
    /// output layer's, or every layer's without BatchNorm — `U(−1/√fan_in, 1/√fan_in)` too.
    /// The initial loss is then somewhat above ln C.
    case torch

    /// How a report says it.
    public var description: String {
        switch self {
        case .he: "He-normal N(0, 2/fan_in) hidden weights, N(0, 0.01²) output weights, zero biases"
        case .torch: "PyTorch's default, U(±1/√fan_in) for every weight and bias"
        }
    }
}
