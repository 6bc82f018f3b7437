import Foundation

/// Applying sampled hyperparameter values to a run's settings.
public enum SearchConfig {
    /// Six significant digits, so sampled values print and hash stably (`0.00123457`).
    public static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    /// Validates one value of a parameter (`ModelSpecification.applying`); returns it unchanged.
    @discardableResult
    static func check(name: String, value: String) throws -> String {
        guard let parameter = ModelSpecification.Parameter(rawValue: name) else {
            throw CVKitError.invalidArgument("search space: \(name)=\(value): unknown parameter")
        }
        _ = try ModelSpecification().applying(parameter, value)
        return value
    }

    /// `base` with the values of `config` applied to its model (`ModelSpecification.applying`).
    public static func apply(_ config: [String: String], to base: RunSettings) throws -> RunSettings {
        var settings = base
        for (name, value) in config.sorted(by: { $0.key < $1.key }) {
            guard let parameter = ModelSpecification.Parameter(rawValue: name) else {
                throw CVKitError.invalidArgument("search space: unknown parameter \(name)")
            }
            settings.model = try settings.model.applying(parameter, value)
        }
        if config["layers"] != nil || config["units"] != nil {
            settings.network.hidden = base.model.applying(layers: config["layers"].flatMap(Int.init), units: config["units"].flatMap(Int.init)).network.hidden
        }
        return settings
    }
}
