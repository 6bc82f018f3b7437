import ArgumentParser
import Foundation
import CVKit

/// The network and its training; shared by every command that trains.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Hidden layer widths, comma-separated; '' for softmax regression.", valueName: "widths"))
    var hidden: String = "128,64"

    @Flag(help: "Leave out BatchNorm (Dense layers get a bias instead).")
    var noBatchnorm = false

    @Option(name: .customLong("init"), help: ArgumentHelp(
        "Initial weights: he (He-normal hidden layers, N(0, 0.01²) output: initial loss ≈ ln C) or torch (PyTorch's nn.Linear default, U(±1/√fan_in)).",
        valueName: "scheme"))
    var initialization: String = "he"

    @Option(help: "Passes over the training part.")
    var epochs: Int = 20

    @Option(help: "Rows per mini-batch (the last partial batch is kept).")
    var batchSize: Int = 64

    @Option(help: ArgumentHelp("sgd, momentum (0.9), rmsprop (0.99) or adam (0.9, 0.999, bias-corrected).", valueName: "name"))
    var optimizer: String = "adam"

    @Option(help: "Learning rate.")
    var lr: Double = 1e-3

    @Option(help: ArgumentHelp("Learning-rate decay per epoch: none, step:EPOCHS:FACTOR, exp:RATE or inv:K (lr / (1 + K·epoch)).", valueName: "schedule"))
    var lrDecay: String = "none"

    @Option(help: "L2 penalty l2/2·ΣW² on the Dense weights (not biases, γ or β).")
    var l2: Double = 0

    @Option(help: "Adam's β₁, and the momentum of --optimizer momentum.")
    var beta1: Double = 0.9

    @Option(help: "Adam's β₂.")
    var beta2: Double = 0.999

    @Option(help: "Early stopping: epochs without a lower validation loss before stopping and restoring the best epoch. split: on its validation part (default 10); kfold, loocv, search, nested, compare: on a stratified slice of each training part (--val-fraction), never the test part. Implies --early-stopping.")
    var patience: Int?

    @Flag(help: "Early stopping (patience 5 unless --patience) on a stratified validation slice carved from each training part; the test part decides nothing.")
    var earlyStopping = false

    @Option(help: "With early stopping outside split: the share of each training part held out to choose the epoch.")
    var valFraction: Double = 0.1

    @Option(help: ArgumentHelp("Class weights in the training loss: none (default) or balanced (n / (C·n_c) from each training part).",
                               valueName: "none|balanced"))
    var classWeight: String = "none"

    /// The flags' syntax here (enumerations, widths); every rule on the values in one place,
    /// `ModelSpecification.problem`.
    func validate() throws {
        _ = try hiddenWidths()
        if Initialization(rawValue: initialization) == nil {
            throw ValidationError("--init must be one of \(Initialization.allCases.map(\.rawValue).joined(separator: ", ")) (got \(initialization))")
        }
        if OptimizerKind(rawValue: optimizer) == nil {
            throw ValidationError("--optimizer must be one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")) (got \(optimizer))")
        }
        do { _ = try LearningRateSchedule(parsing: lrDecay) } catch let error as CVKitError { throw ValidationError(error.description) }
        if ClassWeight(rawValue: classWeight) == nil { throw ValidationError("--class-weight must be none or balanced (got \(classWeight))") }
        if !(valFraction > 0 && valFraction < 0.5) { throw ValidationError("--val-fraction must be in (0, 0.5) (got \(valFraction))") }
        if let problem = try specification().problem { throw ValidationError(problem) }
    }

    func hiddenWidths() throws -> [Int] {
        let trimmed = hidden.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
            guard let width = Int(part.trimmingCharacters(in: .whitespaces)), width > 0 else {
                throw ValidationError("--hidden takes positive widths separated by commas, e.g. 128,64 (got \"\(hidden)\")")
            }
            return width
        }
    }

    /// The model these flags give (`defaultPatience`: the command's, when it stops early by default).
    func specification(defaultPatience: Int? = nil) throws -> ModelSpecification {
        ModelSpecification(network: try network(), training: try training(defaultPatience: defaultPatience))
    }

    func network() throws -> NetworkConfig {
        NetworkConfig(inputs: 1, classes: 2, hidden: try hiddenWidths(), batchNorm: !noBatchnorm, l2: l2,
                      initialization: Initialization(rawValue: initialization) ?? .he)
    }

    /// Early stopping was asked for (`--early-stopping` or `--patience`).
    var stopsEarly: Bool { earlyStopping || patience != nil }

    func training(defaultPatience: Int? = nil) throws -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batchSize, optimizer: OptimizerKind(rawValue: optimizer) ?? .adam, learningRate: lr,
                        schedule: try LearningRateSchedule(parsing: lrDecay), patience: patience ?? (earlyStopping ? 5 : defaultPatience),
                        beta1: beta1, beta2: beta2, classWeight: ClassWeight(rawValue: classWeight) == ClassWeight.none ? nil : ClassWeight(rawValue: classWeight))
    }
}
