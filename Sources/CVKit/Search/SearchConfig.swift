import Foundation

/// Applying sampled hyperparameter values to a run's settings.
public enum SearchConfig {
    /// Six significant digits, so sampled values print and hash stably (`0.00123457`).
    public static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    /// Validates one value of a parameter; returns it unchanged.
    @discardableResult
    static func check(name: String, value: String) throws -> String {
        func bad(_ why: String) -> CVKitError { .invalidArgument("search space: \(name)=\(value): \(why)") }
        switch name {
        case "lr": guard let x = Double(value), x > 0, x.isFinite else { throw bad("a positive learning rate") }
        case "l2": guard let x = Double(value), x >= 0, x.isFinite else { throw bad("a number ≥ 0") }
        case "beta1", "beta2": guard let x = Double(value), x >= 0, x < 1 else { throw bad("a number in [0, 1)") }
        case "batch", "epochs", "layers", "units": guard let x = Int(value), x >= 1 else { throw bad("a whole number ≥ 1") }
        case "optimizer": guard OptimizerKind(rawValue: value) != nil else { throw bad("sgd, momentum, rmsprop or adam") }
        case "class-weight": guard ClassWeight(rawValue: value) != nil else { throw bad("none or balanced") }
        case "hidden": _ = try widths(value)
        default: throw bad("unknown parameter")
        }
        return value
    }

    static func widths(_ value: String) throws -> [Int] {
        if value == "none" || value.isEmpty { return [] }
        return try value.split(separator: ",").map {
            guard let width = Int($0), width > 0 else { throw CVKitError.invalidArgument("search space: hidden=\(value): widths must be positive whole numbers") }
            return width
        }
    }

    /// `base` with the values of `config` applied.
    public static func apply(_ config: [String: String], to base: RunSettings) throws -> RunSettings {
        var settings = base
        for (name, value) in config {
            try check(name: name, value: value)
            switch name {
            case "lr": settings.training.learningRate = Double(value) ?? settings.training.learningRate
            case "l2": settings.network.l2 = Double(value) ?? settings.network.l2
            case "beta1": settings.training.beta1 = Double(value) ?? settings.training.beta1
            case "beta2": settings.training.beta2 = Double(value) ?? settings.training.beta2
            case "batch": settings.training.batchSize = Int(value) ?? settings.training.batchSize
            case "epochs": settings.training.epochs = Int(value) ?? settings.training.epochs
            case "optimizer": settings.training.optimizer = OptimizerKind(rawValue: value) ?? settings.training.optimizer
            case "class-weight": settings.training.classWeight = ClassWeight(rawValue: value).flatMap { $0 == .none ? nil : $0 }
            case "hidden": settings.network.hidden = try widths(value)
            default: break
            }
        }
        if config["layers"] != nil || config["units"] != nil {
            let layers = config["layers"].flatMap(Int.init) ?? max(base.network.hidden.count, 1)
            let units = config["units"].flatMap(Int.init) ?? (base.network.hidden.first ?? 64)
            settings.network.hidden = Array(repeating: units, count: layers)
        }
        return settings
    }
}
