import Foundation

/// Check 1, `initial-loss`: before any training, with l2 = 0, the mean cross-entropy is ln C.
///
/// The output layer starts from `N(0, 0.01²)`, so the logits are near zero and every class gets
/// probability ≈ 1/C. To second order, logits with a small spread σ per class give an expected
/// loss of `ln C + σ² (C − 1) / (2C)`: with BatchNorm's unit-variance inputs to the last layer
/// σ ≈ 0.01 · √(fan-in / 2) (0.06 for 64 units, 0.23 for 1,024), an excess below 0.03.
/// The bound `|loss − ln C| ≤ 0.1` leaves room for that and for small samples, and fails when the
/// logits' spread reaches ≈ 0.45 — no longer "small". (PyTorch with this initialization is within
/// 0.021 of ln 10 on every digits fold.) Far above: the network is confidently wrong from the
/// start — the last layer is not small or the features are not standardized. Far below: the
/// untrained network already predicts the labels — a label leaking into the features, or a loss bug.
enum InitialLossCheck {
    static let tolerance = 0.1

    /// The training-mode data loss of `network` (its weights as given) on `features`.
    static func evaluate(network: Network<Float>, features: [Float], labels: [Int32]) -> SanityCheckResult {
        let classes = network.config.classes
        let lnC = log(Double(classes))
        let loss = Double(network.loss(features: features, labels: labels, training: true).dataLoss)
        let passed = loss.isFinite && abs(loss - lnC) <= tolerance
        var advice = ""
        if !loss.isFinite {
            advice = "The loss is not finite before any training: look for extreme feature values that standardization does not tame."
        } else if loss > lnC + tolerance && network.config.initialization == .torch {
            advice = "--init torch starts the last layer with U(±1/√fan_in) weights and bias, larger than cvkit's N(0, 0.01²): "
                + "its initial loss sits above ln \(classes). Run without --init torch to check the rest of the pipeline."
        } else if loss > lnC + tolerance {
            advice = "The untrained network is confidently wrong: the last layer's weights must start small (cvkit draws them from "
                + "N(0, 0.01²)) and the features must be standardized; a loss far above ln \(classes) means one of them is not."
        } else if loss < lnC - tolerance {
            advice = "The untrained network already predicts the labels: look for a feature that encodes the label (leakage), "
                + "or a bug in the loss."
        }
        return SanityCheckResult(
            name: .initialLoss, passed: passed,
            expected: "ln \(classes) = \(SanityFormat.f4(lnC)) ± \(tolerance)",
            observed: SanityFormat.f4(loss), advice: advice,
            details: "Mean cross-entropy of the untrained network (l2 = 0, training mode) on \(labels.count) rows of the training part. "
                + "Logits near zero give every class probability 1/\(classes), hence ln \(classes); the bound ±\(tolerance) allows "
                + "logits with a spread of up to ≈ 0.45, far more than a correct initialization gives (expected excess < 0.03).")
    }
}
