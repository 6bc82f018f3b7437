/// The rules about how the training loss moves: the learning rate and the start.
extension Diagnosis {
    static let tooHighAdvice = "The learning rate is too high: lower it 3 to 10 times (--lr), or let it decay (--lr-decay exp:0.95); "
        + "with --no-batchnorm, turning BatchNorm back on also steadies training."

    /// `loss-rising`, diverged: a NaN or infinite training loss, or runs left out for diverging.
    static func diverged(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        guard c.nonFiniteEpoch != nil || c.divergedRuns > 0 else { return nil }
        var parts: [String] = []
        if c.divergedRuns > 0 {
            parts.append(c.runs > 0 ? "The loss blew up (NaN, infinite or above 3× the initial loss) in \(c.divergedRuns) of \(c.runs) runs"
                : "The loss blew up (NaN, infinite or above 3× the initial loss) in \(c.divergedRuns) run\(c.divergedRuns == 1 ? "" : "s")")
        }
        if let epoch = c.nonFiniteEpoch {
            let path = c.epochs == 0 ? "" : c.epochs == 1 ? " after \(DiagnosisText.number(c.trainLoss[0])) at epoch 1"
                : " after \(DiagnosisText.number(c.trainLoss[0])) → \(DiagnosisText.number(c.trainLoss[c.epochs - 1])) over epochs 1–\(c.epochs)"
            parts.append((parts.isEmpty ? "The training loss" : "the mean training loss") + " was NaN or infinite at epoch \(epoch)\(path)")
        }
        return DiagnosisFinding(
            rule: "loss-rising", verdict: "Training diverged: the loss blew up.",
            evidence: parts.joined(separator: "; "), advice: tooHighAdvice)
    }

    /// `loss-oscillating`: from 6 epochs, the large epoch-to-epoch changes (≥ 0.1 · ln C and
    /// ≥ 10 % of the lower of the two losses; smaller ones are noise) change sign at least
    /// max(3, ¼ · (epochs − 2)) times. A healthy curve falls, with small wiggles at most.
    static func oscillating(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        let loss = c.trainLoss
        guard c.epochs >= 6 else { return nil }
        let large = zip(loss, loss.dropFirst()).map { ($1 - $0, min($0, $1)) }
            .filter { abs($0.0) >= 0.1 * c.chanceLoss && abs($0.0) >= 0.1 * $0.1 }.map(\.0)
        let reversals = zip(large, large.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
        let needed = max(3, (c.epochs - 2 + 3) / 4)
        guard reversals >= needed, let low = loss.min(), let high = loss.max(), let biggest = large.map(abs).max() else { return nil }
        return DiagnosisFinding(
            rule: "loss-oscillating", verdict: "The training loss oscillates: it jumps up and down from epoch to epoch instead of settling.",
            evidence: "Training loss changed direction \(reversals) times in \(c.epochs - 1) epoch-to-epoch steps, by up to "
                + "\(DiagnosisText.number(biggest)) (between \(DiagnosisText.number(low)) and \(DiagnosisText.number(high)); ln \(c.classCount) = \(DiagnosisText.number(c.chanceLoss)))",
            advice: tooHighAdvice)
    }

    /// `loss-rising`: from 3 epochs, one of
    /// - the last loss is above 1.1 × the first: it rose over the run;
    /// - some later epoch's loss reached 1.5 × the first and the first + 0.1 · ln C: it shot up,
    ///   even if it came back down (a healthy loss never climbs far above where it started);
    /// - the last loss climbed back from the minimum by at least half of what it had fallen and by
    ///   at least 0.1 · ln C: it fell, then rose again.
    static func rising(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        let loss = c.trainLoss
        guard c.epochs >= 3, let first = loss.first, let last = loss.last, let low = loss.min(), let lowIndex = loss.firstIndex(of: low),
              let peak = loss.dropFirst().max(), let peakIndex = loss.dropFirst().firstIndex(of: peak) else { return nil }
        func rose(_ verdict: String, _ evidence: String) -> DiagnosisFinding {
            DiagnosisFinding(rule: "loss-rising", verdict: verdict, evidence: evidence, advice: tooHighAdvice)
        }
        let n = DiagnosisText.number
        if last > 1.1 * first {
            return rose("The training loss rises instead of falling.",
                        "Training loss \(n(first)) → \(n(last)) \(c.span) (\(DiagnosisText.change(from: first, to: last)))")
        }
        if peak >= 1.5 * first, peak - first >= 0.1 * c.chanceLoss {
            return rose("The training loss shot up before it came down: training is unstable.",
                        "Training loss \(n(first)) at epoch 1, \(n(peak)) at epoch \(peakIndex + 1), \(n(last)) at epoch \(c.epochs)")
        }
        let climb = last - low
        if lowIndex < c.epochs - 1, climb >= 0.5 * (first - low), climb >= 0.1 * c.chanceLoss {
            return rose("The training loss fell, then rose again.",
                        "Training loss fell from \(n(first)) to \(n(low)) by epoch \(lowIndex + 1), then rose to \(n(last)) by epoch \(c.epochs)")
        }
        return nil
    }

    /// `loss-not-falling`: from 3 epochs, the first loss is near chance (≥ 0.7 · ln C; a first
    /// epoch that already fell below is learning), and the last loss is above 0.9 × the first
    /// and above 0.5 · ln C: the network has learnt next to nothing.
    static func notFalling(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        guard c.epochs >= 3, let first = c.trainLoss.first, let last = c.trainLoss.last,
              first >= 0.7 * c.chanceLoss, last > 0.9 * first, last > 0.5 * c.chanceLoss else { return nil }
        return DiagnosisFinding(
            rule: "loss-not-falling", verdict: "The training loss is not falling: the network is barely learning.",
            evidence: "Training loss \(DiagnosisText.number(first)) → \(DiagnosisText.number(last)) \(c.span) (\(DiagnosisText.change(from: first, to: last))); "
                + "a uniform guess scores ln \(c.classCount) = \(DiagnosisText.number(c.chanceLoss))",
            advice: "The learning rate is probably too low: raise it 10 times (--lr) and look again. If the loss still does not move, "
                + "check that the features carry information about the label.")
    }

    /// `slow-start`: from 6 epochs, the loss of each of the first k = max(2, round(epochs / 5))
    /// epochs after the first stays within 5 % of the total fall of the first epoch's, and the loss
    /// then falls by at least 30 % of its first value: a plateau, then a sudden fall — the
    /// signature of a signal that starts too weak or saturated. (A loss that jumps about early is
    /// no plateau: the rising and oscillating rules read it.)
    static func slowStart(_ c: DiagnosisCurves) -> DiagnosisFinding? {
        let loss = c.trainLoss
        guard c.epochs >= 6, let first = loss.first, let last = loss.last else { return nil }
        let k = max(2, Int((Double(c.epochs) / 5).rounded()))
        let total = first - last
        guard total >= 0.3 * first, loss[1...k].allSatisfy({ abs($0 - first) < 0.05 * total }) else { return nil }
        let share = String(format: "%.0f", max(first - loss[k], 0) / total * 100)
        return DiagnosisFinding(
            rule: "slow-start", verdict: "The loss stayed flat for the first epochs, then fell suddenly: a slow start.",
            evidence: "Training loss \(DiagnosisText.number(first)) → \(DiagnosisText.number(loss[k])) over epochs 1–\(k + 1) (\(share) % of the total fall), "
                + "then → \(DiagnosisText.number(last)) by epoch \(c.epochs)",
            advice: "A plateau at the start points to the initialization: the signal starts too weak (or saturated) and takes epochs to grow. "
                + "Keep BatchNorm on, check that the initial loss is near ln C (Per fold table), and allow more epochs or a higher learning rate.")
    }
}
