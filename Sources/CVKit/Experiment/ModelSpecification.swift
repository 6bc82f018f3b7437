/// The network and how it is trained — one vocabulary for every command: parsed from the flags
/// once (the CLI's `ModelOptions`), validated here (`problem`), written back here (`words`, for
/// "reproduce with" lines, report folder hashes and model files) and changed here by a search
/// (`Parameter`, the names a search space uses).
public struct ModelSpecification: Sendable, Equatable, Codable {
    public var network: NetworkConfig
    public var training: TrainingOptions

    public init(network: NetworkConfig = NetworkConfig(), training: TrainingOptions = TrainingOptions()) {
        self.network = network
        self.training = training
    }

    /// The options, in the order `words` writes them.
    public enum Option: Sendable, CaseIterable {
        case hidden, batchNorm, initialization, epochs, batchSize, optimizer, lr, lrDecay, l2, patience, beta1, beta2, classWeight
    }

    /// The flags that give this model, in `Option` order: the shape, the optimizer and its rate and
    /// schedule, l2, epochs and batch size always (defaults included, so a hash names them); the
    /// rest only when they differ from their defaults. `omitting` leaves options out (sanity uses
    /// no epochs, schedule or patience).
    public func words(omitting: Set<Option> = []) -> [(option: Option, words: [String])] {
        var out: [(option: Option, words: [String])] = []
        func add(_ option: Option, _ words: [String]) { if !omitting.contains(option) { out.append((option, words)) } }
        add(.hidden, ["--hidden", network.hidden.isEmpty ? "''" : network.hidden.map(String.init).joined(separator: ",")])
        if !network.batchNorm { add(.batchNorm, ["--no-batchnorm"]) }
        if network.initialization != .he { add(.initialization, ["--init", network.initialization.rawValue]) }
        add(.epochs, ["--epochs", String(training.epochs)])
        add(.batchSize, ["--batch-size", String(training.batchSize)])
        add(.optimizer, ["--optimizer", training.optimizer.rawValue])
        add(.lr, ["--lr", Shell.number(training.learningRate)])
        add(.lrDecay, ["--lr-decay", training.schedule.description])
        add(.l2, ["--l2", Shell.number(network.l2)])
        if let patience = training.patience { add(.patience, ["--patience", String(patience)]) }
        if training.beta1 != 0.9 { add(.beta1, ["--beta1", Shell.number(training.beta1)]) }
        if training.beta2 != 0.999 { add(.beta2, ["--beta2", Shell.number(training.beta2)]) }
        if let weight = training.classWeight, weight != .none { add(.classWeight, ["--class-weight", weight.rawValue]) }
        return out
    }

    /// Why this model cannot be trained, or nil — every rule in one place, named by its flag:
    /// widths ≥ 1, epochs ≥ 1, batch ≥ 1, lr > 0, l2 ≥ 0, β in [0, 1), patience ≥ 1, and no
    /// BatchNorm with batches of one row (a batch of one has no variance: nothing would train).
    public var problem: String? {
        if let bad = network.hidden.first(where: { $0 < 1 }) { return "--hidden widths must be positive whole numbers (got \(bad))" }
        if training.epochs < 1 { return "--epochs must be at least 1 (got \(training.epochs))" }
        if training.batchSize < 1 { return "--batch-size must be at least 1 (got \(training.batchSize))" }
        if network.batchNorm && !network.hidden.isEmpty && training.batchSize == 1 {
            return "--batch-size 1 with BatchNorm trains nothing: a batch of one row has no variance, so every batch is skipped. "
                + "Use --no-batchnorm, or a batch of 2 or more"
        }
        if !(training.learningRate > 0) || !training.learningRate.isFinite { return "--lr must be a positive number (got \(training.learningRate))" }
        if !(network.l2 >= 0) || !network.l2.isFinite { return "--l2 must be a number ≥ 0 (got \(network.l2))" }
        if !(training.beta1 >= 0 && training.beta1 < 1) || !(training.beta2 >= 0 && training.beta2 < 1) {
            return "--beta1 and --beta2 must be in [0, 1) (got \(training.beta1) and \(training.beta2))"
        }
        if let patience = training.patience, patience < 1 { return "--patience must be at least 1 (got \(patience))" }
        return nil
    }

    /// The hyperparameters a search space can draw (`SearchSpace`), by the name it uses.
    public enum Parameter: String, Sendable, CaseIterable {
        case lr, l2, hidden, layers, units, batch, epochs, optimizer, beta1, beta2
        case classWeight = "class-weight"
    }

    /// This model with `value` (as a search space writes it) for `parameter`. `layers` and `units`
    /// set equal-width hidden layers together (`applying(layers:units:)`). Throws
    /// `invalidArgument` for a value the parameter cannot take.
    public func applying(_ parameter: Parameter, _ value: String) throws -> ModelSpecification {
        func bad(_ why: String) -> CVKitError { .invalidArgument("search space: \(parameter.rawValue)=\(value): \(why)") }
        func number(_ valid: (Double) -> Bool, _ why: String) throws -> Double {
            guard let x = Double(value), x.isFinite, valid(x) else { throw bad(why) }
            return x
        }
        func count() throws -> Int {
            guard let x = Int(value), x >= 1 else { throw bad("a whole number ≥ 1") }
            return x
        }
        var copy = self
        switch parameter {
        case .lr: copy.training.learningRate = try number({ $0 > 0 }, "a positive learning rate")
        case .l2: copy.network.l2 = try number({ $0 >= 0 }, "a number ≥ 0")
        case .beta1: copy.training.beta1 = try number({ $0 >= 0 && $0 < 1 }, "a number in [0, 1)")
        case .beta2: copy.training.beta2 = try number({ $0 >= 0 && $0 < 1 }, "a number in [0, 1)")
        case .batch: copy.training.batchSize = try count()
        case .epochs: copy.training.epochs = try count()
        case .layers, .units: _ = try count()
        case .optimizer:
            guard let kind = OptimizerKind(rawValue: value) else { throw bad("sgd, momentum, rmsprop or adam") }
            copy.training.optimizer = kind
        case .classWeight:
            guard let weight = ClassWeight(rawValue: value) else { throw bad("none or balanced") }
            copy.training.classWeight = weight == .none ? nil : weight
        case .hidden:
            if value == "none" || value.isEmpty {
                copy.network.hidden = []
            } else {
                copy.network.hidden = try value.split(separator: ",").map {
                    guard let width = Int($0), width > 0 else { throw bad("widths must be positive whole numbers") }
                    return width
                }
            }
        }
        return copy
    }

    /// Equal-width hidden layers: `layers` of `units` (either nil keeps this model's count or first width).
    public func applying(layers: Int?, units: Int?) -> ModelSpecification {
        var copy = self
        copy.network.hidden = Array(repeating: units ?? (network.hidden.first ?? 64), count: layers ?? max(network.hidden.count, 1))
        return copy
    }
}
