/// The rules about how well the network fits: overfitting, underfitting, and the healthy case.
extension Diagnosis {
    /// `overfitting`: at the last epoch with both accuracies (from epoch 4), training minus
    /// held-out accuracy is above 0.10, and the gap opened during training, which tells
    /// overfitting from held-out rows that are simply harder (a gap there from the start):
    /// - it grew by at least 0.02 since the middle epoch, or
    /// - it was at least 0.05 narrower at some epoch of the first half, or
    /// - the held-out loss ended ≥ 10 % above its minimum while the training loss fell ≥ 10 %
    ///   after that minimum.
    static func overfitting(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        guard let end = DiagnosisCurves.lastShared(c.trainAccuracy, c.heldOutAccuracy), end >= 3 else { return nil }
        let gap = c.trainAccuracy[end] - c.heldOutAccuracy[end]
        guard gap > 0.10 else { return nil }
        func gapAt(_ i: Int) -> Double? {
            guard let train = DiagnosisCurves.value(c.trainAccuracy, i), let held = DiagnosisCurves.value(c.heldOutAccuracy, i) else { return nil }
            return train - held
        }
        let middle = end / 2
        let narrowest = (0...middle).compactMap { i in gapAt(i).map { (epoch: i, gap: $0) } }.min { $0.gap < $1.gap }
        var growth: String?
        if let before = gapAt(middle), gap - before >= 0.02 {
            growth = ", up from \(DiagnosisText.number(before)) at epoch \(middle + 1)"
        } else if let narrowest, gap - narrowest.gap >= 0.05 {
            growth = ", up from \(DiagnosisText.number(narrowest.gap)) at epoch \(narrowest.epoch + 1)"
        }
        var lossRise: String?
        let heldLoss = (0...end).compactMap { i in DiagnosisCurves.value(c.heldOutLoss, i).map { (epoch: i, loss: $0) } }
        if let low = heldLoss.min(by: { $0.loss < $1.loss }), let last = DiagnosisCurves.value(c.heldOutLoss, end),
           last >= 1.1 * low.loss, c.trainLoss[end] <= 0.9 * c.trainLoss[low.epoch] {
            lossRise = "; held-out loss \(DiagnosisText.number(low.loss)) at epoch \(low.epoch + 1) → \(DiagnosisText.number(last)) at epoch \(end + 1) "
                + "while training loss fell \(DiagnosisText.number(c.trainLoss[low.epoch])) → \(DiagnosisText.number(c.trainLoss[end]))"
        }
        guard growth != nil || lossRise != nil else { return nil }
        return DiagnosisFinding(
            rule: "overfitting", verdict: "Overfitting: the network fits the training rows much better than held-out rows, and the gap opened as training went on.",
            evidence: "Training accuracy \(DiagnosisText.number(c.trainAccuracy[end])), held-out \(DiagnosisText.number(c.heldOutAccuracy[end])) "
                + "at epoch \(end + 1) (gap \(DiagnosisText.number(gap))\(growth ?? ""))\(lossRise ?? "")",
            advice: "Regularize more (raise --l2, e.g. to 1e-3 or 1e-2), use a smaller network (--hidden), train fewer epochs "
                + "(cvkit split stops early on the validation loss), or get more data.")
    }

    /// `underfitting`: the last training accuracy, and the held-out one when there is one, are
    /// both below max(0.8, (1 + baseline) / 2) — under 0.8, or less than halfway from the
    /// majority baseline to perfect, so imbalanced data cannot pass by predicting the majority.
    /// The advice depends on whether the loss was still falling over the last fifth of the epochs
    /// (k = max(1, round(epochs / 5)) epochs), by more than 1 % of its value and by at least a
    /// tenth of its whole fall: then training was cut short; otherwise it has levelled off and the
    /// model is too small.
    static func underfitting(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        guard let end = (0..<c.epochs).last(where: { c.trainAccuracy[$0].isFinite }) else { return nil }
        let bar = max(0.8, (1 + c.baselineAccuracy) / 2)
        let train = c.trainAccuracy[end]
        let held = DiagnosisCurves.value(c.heldOutAccuracy, end)
        guard train < bar, (held ?? 0) < bar else { return nil }
        let k = max(1, Int((Double(c.epochs) / 5).rounded()))
        let last = c.trainLoss[c.epochs - 1]
        let recent = c.epochs > k ? c.trainLoss[c.epochs - 1 - k] - last : 0
        let stillFalling = recent > 0.01 * last && recent >= 0.1 * (c.trainLoss[0] - last)
        let accuracies = "Training accuracy \(DiagnosisText.number(train))" + (held.map { ", held-out \(DiagnosisText.number($0))" } ?? "")
            + " at epoch \(end + 1), " + (held == nil ? "below " : "both below ")
            + "\(DiagnosisText.number(bar)) (the larger of 0.8 and halfway from the majority baseline \(DiagnosisText.number(c.baselineAccuracy)) to 1)"
        let trend = "; training loss \(DiagnosisText.number(c.trainLoss[0])) → \(DiagnosisText.number(last)) \(c.span)"
        return DiagnosisFinding(
            rule: "underfitting", verdict: "Underfitting: the network does not fit even the training rows well.",
            evidence: accuracies + trend,
            advice: stillFalling
                ? "The loss was still falling at the end: train longer (--epochs) or with a higher learning rate (--lr); if it levels off this high, use a bigger model (--hidden)."
                : "The loss has levelled off: use a bigger model (wider or more --hidden layers), or find more informative features.")
    }

    /// `healthy`: nothing fired; the evidence is the loss's fall and the final accuracies.
    static func healthy(_ c: DiagnosisCurves) -> DiagnosisFinding {
        let first = c.trainLoss[0], last = c.trainLoss[c.epochs - 1]
        var evidence = "Training loss \(DiagnosisText.number(first)) → \(DiagnosisText.number(last)) \(c.span) (\(DiagnosisText.change(from: first, to: last)))"
        if let end = DiagnosisCurves.lastShared(c.trainAccuracy, c.heldOutAccuracy) {
            evidence += "; training accuracy \(DiagnosisText.number(c.trainAccuracy[end])), held-out \(DiagnosisText.number(c.heldOutAccuracy[end])) "
                + "(gap \(DiagnosisText.number(c.trainAccuracy[end] - c.heldOutAccuracy[end])))"
        } else if let end = (0..<c.epochs).last(where: { c.trainAccuracy[$0].isFinite }) {
            evidence += "; training accuracy \(DiagnosisText.number(c.trainAccuracy[end])) (no held-out curve)"
        }
        return DiagnosisFinding(
            rule: "healthy",
            verdict: c.epochs < 3 ? "Nothing looks wrong, but \(c.epochs == 1 ? "one epoch is" : "two epochs are") too few to read a trend."
                : "The curves look healthy: the loss \(last < 0.9 * first ? "fell" : "is steady and low")"
                + (c.heldOutAccuracy.contains(where: \.isFinite) ? ", and the held-out accuracy follows the training accuracy." : ", and the training accuracy is high."),
            evidence: evidence, advice: "Nothing to fix from the curves.")
    }
}
