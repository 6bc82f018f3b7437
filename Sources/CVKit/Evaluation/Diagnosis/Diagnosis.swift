/// Reads learning curves the way an experienced person would, and says what it sees.
///
/// A pure function from per-epoch curves to at most two findings (one about the loss's
/// dynamics, one about the fit), most important first. Every threshold is relative — to the first
/// epoch's loss, to the total fall, or to ln C, the loss of a uniform guess over C classes — so
/// the rules mean the same on 2 classes as on 10. An epoch's training loss is the mean over its
/// mini-batches, so epoch 1 already includes the first steps. Each rule's function documents its
/// test; in short:
///
/// **Learning rate and start** (the first that fires wins):
/// 1. `loss-rising`, diverged: a training loss is NaN or infinite, or some runs diverged.
/// 2. `loss-oscillating`: from 6 epochs, the large epoch-to-epoch changes (≥ 0.1 · ln C and
///    ≥ 10 % of the loss) change sign at least max(3, ¼ · (epochs − 2)) times.
/// 3. `loss-rising`: from 3 epochs, the last loss is above 1.1 × the first; or a later loss
///    reached 1.5 × the first (shot up); or the loss climbed back from its minimum by half of
///    its fall and by 0.1 · ln C.
/// 4. `loss-not-falling`: from 3 epochs, the first loss is near chance (≥ 0.7 · ln C) and the
///    last is above 0.9 × the first and above 0.5 · ln C.
/// 5. `slow-start`: from 6 epochs, the first fifth of the epochs (at least 2) stays within 5 %
///    of the total fall, and the loss then falls by at least 30 %.
///
/// **Fit** (the first that fires):
/// 6. `overfitting`: training minus held-out accuracy at the end is above 0.10 and opened during
///    training (grew ≥ 0.02 over the second half, or was ≥ 0.05 narrower in the first half, or
///    the held-out loss turned up ≥ 10 % while the training loss fell ≥ 10 %).
/// 7. `underfitting`: the final training accuracy, and the held-out one when there is one, are
///    below max(0.8, (1 + baseline) / 2). (A low accuracy implies a high loss: each miss costs
///    at least ln 2, so no separate loss test is needed.)
///
/// Order and exclusions: a learning-rate finding (1–4) comes alone: with the rate wrong, the gap
/// says nothing about the model and "a bigger model" would be the wrong advice. Otherwise the fit
/// finding comes first (it decides the score) and a slow start second. Rules that contradict each
/// other — too high and too low a rate, over- and underfitting — are in one group, so they never
/// come together. When nothing fires the answer is one `healthy` finding with its evidence; with
/// no epoch at all (and no divergence) there is nothing to read and the answer is empty.
public enum Diagnosis {
    /// The findings for one run's (or the mean of several runs') learning curves.
    ///
    /// - Parameters:
    ///   - trainLoss: mean training cross-entropy per epoch (without the L2 term). A NaN or
    ///     infinite value means training diverged there.
    ///   - trainAccuracy: training accuracy per epoch, a fraction.
    ///   - heldOutLoss: held-out (validation or test fold) loss per epoch; may be empty or NaN.
    ///   - heldOutAccuracy: held-out accuracy per epoch; may be empty or NaN.
    ///   - classCount: C, for ln C.
    ///   - baselineAccuracy: the majority-class baseline accuracy.
    ///   - divergedRuns: runs whose training diverged and are missing from the curves.
    ///   - runs: all runs, diverged or not (for the evidence "3 of 10 runs").
    public static func diagnose(
        trainLoss: [Double], trainAccuracy: [Double], heldOutLoss: [Double], heldOutAccuracy: [Double],
        classCount: Int, baselineAccuracy: Double, divergedRuns: Int = 0, runs: Int = 0
    ) -> [DiagnosisFinding] {
        let curves = DiagnosisCurves(
            trainLoss: trainLoss, trainAccuracy: trainAccuracy, heldOutLoss: heldOutLoss, heldOutAccuracy: heldOutAccuracy,
            classCount: classCount, baselineAccuracy: baselineAccuracy, divergedRuns: divergedRuns, runs: runs)
        if let diverged = diverged(curves) { return [diverged] }
        guard curves.epochs > 0 else { return [] }
        var findings: [DiagnosisFinding] = []
        let dynamics = oscillating(curves) ?? rising(curves) ?? notFalling(curves) ?? slowStart(curves)
        if let dynamics, dynamics.rule != "slow-start" { return [dynamics] }
        if let fit = overfitting(curves) ?? underfitting(curves) { findings.append(fit) }
        if let dynamics { findings.append(dynamics) }
        return findings.isEmpty ? [healthy(curves)] : findings
    }
}
