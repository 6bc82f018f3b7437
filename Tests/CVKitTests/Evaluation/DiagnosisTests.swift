import Foundation
import Testing
@testable import CVKit

/// Each rule on synthetic curves built to trigger it and on curves that must not; then on real
/// training runs built to trigger it; then in the cross-validation results and report.
@Suite struct DiagnosisTests {
    static let ln3 = log(3.0)

    func diagnose(_ loss: [Double], train: [Double]? = nil, heldLoss: [Double] = [], held: [Double] = [],
                  classes: Int = 3, baseline: Double = 0.4, diverged: Int = 0, runs: Int = 0) -> [DiagnosisFinding] {
        Diagnosis.diagnose(trainLoss: loss, trainAccuracy: train ?? Array(repeating: 0.98, count: loss.count), heldOutLoss: heldLoss,
                           heldOutAccuracy: held, classCount: classes, baselineAccuracy: baseline, divergedRuns: diverged, runs: runs)
    }

    func rules(_ findings: [DiagnosisFinding]) -> [String] { findings.map(\.rule) }

    /// `from` falling geometrically to `to` over `epochs` epochs: a healthy loss curve.
    static func decay(_ from: Double, _ to: Double, _ epochs: Int) -> [Double] {
        (0..<epochs).map { from * pow(to / from, Double($0) / Double(epochs - 1)) }
    }

    /// `from` moving linearly to `to`.
    static func line(_ from: Double, _ to: Double, _ epochs: Int) -> [Double] {
        (0..<epochs).map { from + (to - from) * Double($0) / Double(epochs - 1) }
    }

    // MARK: healthy

    @Test func aFallingLossWithASmallGapIsHealthy() {
        let findings = diagnose(Self.decay(1.1, 0.05, 20), train: Self.line(0.6, 0.99, 20), heldLoss: Self.decay(1.0, 0.12, 20), held: Self.line(0.65, 0.96, 20))
        #expect(rules(findings) == ["healthy"])
        #expect(findings[0].evidence == "Training loss 1.100 → 0.050 over 20 epochs (−95 %); training accuracy 0.990, held-out 0.960 (gap 0.030)")
        #expect(!findings[0].evidence.hasSuffix("."))
        // Learnt in the first epoch and steady since: healthy, without claiming a fall.
        let steady = diagnose(Self.line(0.2, 0.19, 10), train: Array(repeating: 0.97, count: 10), held: Array(repeating: 0.95, count: 10))
        #expect(rules(steady) == ["healthy"] && steady[0].verdict.contains("steady and low"))
    }

    @Test func noEpochsNothingToRead() {
        #expect(diagnose([]).isEmpty)
        #expect(rules(diagnose([], diverged: 3, runs: 3)) == ["loss-rising"])
    }

    // MARK: loss-not-falling

    @Test func aFlatLossAtChanceIsNotFalling() {
        let flat = (0..<20).map { Self.ln3 + 0.003 * sin(Double($0)) }
        let findings = diagnose(flat, train: Array(repeating: 0.35, count: 20), held: Array(repeating: 0.33, count: 20))
        #expect(rules(findings) == ["loss-not-falling"], "the learning rate explains the low accuracy: no underfitting advice")
        #expect(findings[0].evidence.contains("over 20 epochs") && findings[0].evidence.contains("ln 3 = 1.099"))
        #expect(findings[0].advice.contains("--lr"))
    }

    @Test func notFallingNeedsNinetyPercentAboveHalfOfLnC() {
        #expect(rules(diagnose(Self.line(1.1, 0.91 * 1.1, 10))).contains("loss-not-falling"))
        #expect(!rules(diagnose(Self.line(1.1, 0.89 * 1.1, 10))).contains("loss-not-falling"))
        // Learnt in epoch 1 (well below ln C), then flat: not a learning-rate problem.
        #expect(!rules(diagnose(Self.line(0.6, 0.58, 10))).contains("loss-not-falling"))
        // Flat but already low: nothing left to learn.
        #expect(!rules(diagnose(Self.line(0.8, 0.5, 10), classes: 2)).contains("loss-not-falling"))
        // Two epochs are too few to call a trend.
        #expect(!rules(diagnose([1.1, 1.1])).contains("loss-not-falling"))
    }

    // MARK: loss-rising

    @Test func aRisingLossIsTooHighAndNotAlsoNotFalling() {
        let findings = diagnose(Self.line(1.1, 1.6, 10), heldLoss: Self.line(1.1, 1.7, 10), held: Array(repeating: 0.5, count: 10))
        #expect(rules(findings) == ["loss-rising"])
        #expect(findings[0].evidence == "Training loss 1.100 → 1.600 over 10 epochs (+45 %)")
        #expect(findings[0].advice.contains("too high"))
    }

    @Test func aSpikeOrAReboundIsRising() {
        var spike = Self.decay(1.0, 0.05, 20)
        spike[8] = 4.0
        let shot = diagnose(spike)
        #expect(rules(shot) == ["loss-rising"] && shot[0].evidence.contains("4.000 at epoch 9"))
        let rebound = Self.decay(1.0, 0.1, 10) + Self.line(0.15, 0.7, 10)
        let back = diagnose(rebound)
        #expect(rules(back) == ["loss-rising"] && back[0].verdict.contains("then rose again"))
        // A small late bump on a low loss is noise, not a rise.
        #expect(rules(diagnose(Self.decay(1.0, 0.01, 19) + [0.02])) == ["healthy"])
        // Ten percent above the first loss, not more: no rise (the flat loss is "not falling").
        #expect(!rules(diagnose(Self.line(1.1, 1.2, 10))).contains("loss-rising"))
    }

    @Test func aNonFiniteLossOrDivergedRunsIsDivergence() {
        let nan = diagnose([1.2, 3.0, 40.0, .nan], train: [0.4, 0.3, 0.3, 0.3], held: [0.4, 0.3, 0.3, 0.3])
        #expect(rules(nan) == ["loss-rising"])
        #expect(nan[0].evidence == "The training loss was NaN or infinite at epoch 4 after 1.200 → 40.000 over epochs 1–3")
        let some = diagnose(Self.decay(1.1, 0.05, 20), diverged: 3, runs: 10)
        #expect(rules(some) == ["loss-rising"] && some[0].evidence.hasPrefix("The loss blew up (NaN, infinite or above 3× the initial loss) in 3 of 10 runs"))
        #expect(rules(diagnose([.infinity])) == ["loss-rising"])
    }

    // MARK: loss-oscillating

    @Test func aLossJumpingUpAndDownOscillates() {
        let zigzag = (0..<20).map { $0 % 2 == 0 ? 1.2 - 0.01 * Double($0) : 0.5 }
        let findings = diagnose(zigzag)
        #expect(rules(findings) == ["loss-oscillating"])
        #expect(findings[0].evidence.hasPrefix("Training loss changed direction 18 times in 19 epoch-to-epoch steps"))
        // Small wiggles on a falling loss are noise.
        let wiggly = Self.decay(1.1, 0.1, 20).enumerated().map { $1 + ($0 % 2 == 0 ? 0.02 : -0.02) }
        #expect(rules(diagnose(wiggly)) == ["healthy"])
        // Two large swings are not enough.
        var twice = Self.decay(1.0, 0.1, 20)
        twice[5] += 0.5
        twice[12] += 0.3
        #expect(!rules(diagnose(twice)).contains("loss-oscillating"))
    }

    // MARK: slow-start

    @Test func aPlateauThenASuddenFallIsASlowStart() {
        let curve = Array(repeating: 2.30, count: 6) + Self.decay(2.2, 0.1, 14)
        let findings = diagnose(curve, classes: 10, baseline: 0.1)
        #expect(rules(findings) == ["slow-start"])
        #expect(findings[0].evidence == "Training loss 2.300 → 2.300 over epochs 1–5 (0 % of the total fall), then → 0.100 by epoch 20")
        // A steady fall from the first epoch is no slow start.
        #expect(rules(diagnose(Self.decay(2.3, 0.1, 20), classes: 10, baseline: 0.1)) == ["healthy"])
        // A plateau followed by a small fall (under 30 %) is no slow start.
        #expect(!rules(diagnose(Array(repeating: 1.0, count: 6) + Self.line(0.99, 0.8, 14))).contains("slow-start"))
    }

    @Test func aSlowStartComesAfterTheFitFinding() {
        let curve = Array(repeating: 2.30, count: 6) + Self.line(2.2, 1.2, 14)
        let findings = diagnose(curve, train: Self.line(0.1, 0.6, 20), held: Self.line(0.1, 0.55, 20), classes: 10, baseline: 0.1)
        #expect(rules(findings) == ["underfitting", "slow-start"])
    }

    // MARK: overfitting

    @Test func aWideGrowingGapIsOverfitting() {
        let train = Self.line(0.7, 1.0, 20), held = Self.line(0.7, 0.8, 20)
        let findings = diagnose(Self.decay(1.0, 0.01, 20), train: train, heldLoss: Self.decay(1.0, 0.5, 20), held: held)
        #expect(rules(findings) == ["overfitting"])
        #expect(findings[0].evidence == "Training accuracy 1.000, held-out 0.800 at epoch 20 (gap 0.200, up from 0.095 at epoch 10)")
        #expect(findings[0].advice.contains("--l2"))
    }

    @Test func aRisingHeldOutLossWithAWideGapIsOverfitting() {
        // The gap is wide and steady over the second half; the held-out loss turned up while training fell.
        let train = Array(repeating: 0.8, count: 5) + Array(repeating: 1.0, count: 15)
        let held = Array(repeating: 0.8, count: 5) + Array(repeating: 0.85, count: 15)
        let heldLoss = Self.decay(1.0, 0.4, 8) + Self.line(0.42, 0.7, 12)
        let findings = diagnose(Self.decay(1.0, 0.01, 20), train: train, heldLoss: heldLoss, held: held)
        #expect(rules(findings) == ["overfitting"])
        #expect(findings[0].evidence.contains("held-out loss 0.400 at epoch 8 → 0.700 at epoch 20"))
    }

    @Test func aGapThatWasThereFromTheStartOrIsNarrowIsNotOverfitting() {
        // Held-out rows simply harder: the gap is 0.15 from epoch 1 and the held-out loss falls.
        let steady = diagnose(Self.decay(1.0, 0.05, 20), train: Self.line(0.8, 0.95, 20), heldLoss: Self.decay(1.1, 0.4, 20), held: Self.line(0.65, 0.8, 20))
        #expect(!rules(steady).contains("overfitting"))
        // A gap of 0.08 is not wide.
        let narrow = diagnose(Self.decay(1.0, 0.05, 20), train: Self.line(0.7, 1.0, 20), heldLoss: Self.decay(1.0, 0.3, 20), held: Self.line(0.7, 0.92, 20))
        #expect(rules(narrow) == ["healthy"])
        // No held-out curve: nothing to compare.
        #expect(rules(diagnose(Self.decay(1.0, 0.05, 20), train: Self.line(0.7, 1.0, 20))) == ["healthy"])
        // A rising loss suppresses it: the gap says nothing when the learning rate is wrong.
        #expect(rules(diagnose(Self.line(1.0, 1.5, 20), train: Self.line(0.7, 1.0, 20), held: Self.line(0.7, 0.7, 20))) == ["loss-rising"])
    }

    // MARK: underfitting

    @Test func lowTrainingAndHeldOutAccuracyIsUnderfitting() {
        let levelled = diagnose(Self.decay(1.1, 0.7, 10) + Array(repeating: 0.7, count: 10), train: Self.line(0.5, 0.65, 20), held: Self.line(0.5, 0.62, 20))
        #expect(rules(levelled) == ["underfitting"])
        #expect(levelled[0].evidence.hasPrefix("Training accuracy 0.650, held-out 0.620 at epoch 20, both below 0.800"))
        #expect(levelled[0].advice.contains("levelled off") && levelled[0].advice.contains("--hidden"))
        let falling = diagnose(Self.line(1.1, 0.6, 20), train: Self.line(0.5, 0.65, 20), held: Self.line(0.5, 0.62, 20))
        #expect(rules(falling) == ["underfitting"] && falling[0].advice.contains("still falling") && falling[0].advice.contains("--epochs"))
    }

    @Test func underfittingIsJudgedAgainstTheBaseline() {
        // 90 % majority class: 0.92 is barely above predicting the majority (bar (1 + 0.9) / 2 = 0.95).
        let loss = Self.decay(0.7, 0.25, 20)
        #expect(rules(diagnose(loss, train: Self.line(0.9, 0.92, 20), held: Self.line(0.9, 0.91, 20), classes: 2, baseline: 0.9)) == ["underfitting"])
        #expect(rules(diagnose(loss, train: Self.line(0.9, 0.97, 20), held: Self.line(0.9, 0.96, 20), classes: 2, baseline: 0.9)) == ["healthy"])
        // High held-out accuracy with the training curve above the bar: not underfitting.
        #expect(rules(diagnose(loss, train: Self.line(0.6, 0.85, 20), held: Self.line(0.6, 0.84, 20))) == ["healthy"])
        // Without a held-out curve, the training accuracy decides.
        #expect(rules(diagnose(loss, train: Self.line(0.4, 0.6, 20))) == ["underfitting"])
    }

    // MARK: properties over many curves

    /// Random curves of every shape: never more than one finding per group, never contradictory,
    /// always an answer, at most three, evidence without a final full stop.
    @Test func findingsAreShortOrderedAndNeverContradictory() {
        var random = RandomSource(seed: 11)
        let dynamics: Set = ["loss-rising", "loss-oscillating", "loss-not-falling", "slow-start"]
        let learningRate: Set = ["loss-rising", "loss-oscillating", "loss-not-falling"]
        for _ in 0..<2000 {
            let epochs = 1 + random.nextInt(below: 30)
            let start = 0.5 + 2 * random.nextDouble(), end = 0.01 + 3 * random.nextDouble()
            let noise = random.nextDouble() < 0.3 ? random.nextDouble() : 0.02
            let loss = Self.line(start, end, max(epochs, 2)).prefix(epochs).map { max(0.001, $0 + noise * (random.nextDouble() - 0.5)) }
            let train = (0..<epochs).map { _ in random.nextDouble() }, held = (0..<epochs).map { _ in random.nextDouble() }
            let findings = diagnose(Array(loss), train: train, heldLoss: random.nextDouble() < 0.5 ? [] : Array(loss), held: held,
                                    classes: 2 + random.nextInt(below: 9), baseline: random.nextDouble())
            let found = rules(findings)
            #expect(!found.isEmpty && found.count <= 3)
            #expect(found.filter(dynamics.contains).count <= 1)
            #expect(!(found.contains("overfitting") && found.contains("underfitting")))
            if found.contains(where: learningRate.contains) { #expect(found.count == 1) }
            if found.contains("healthy") { #expect(found == ["healthy"]) }
            #expect(findings.allSatisfy { !$0.evidence.hasSuffix(".") && !$0.verdict.isEmpty && $0.advice.hasSuffix(".") })
        }
    }

    @Test func numbersHaveFixedPrecision() {
        #expect(DiagnosisText.number(1.0986) == "1.099" && DiagnosisText.number(-0.2241) == "−0.224" && DiagnosisText.number(-0.0001) == "0.000")
        #expect(DiagnosisText.number(48_927_765_185) == "4.89e+10" && DiagnosisText.number(.nan) == "—")
        #expect(DiagnosisText.change(from: 1.1, to: 1.08) == "−1.8 %" && DiagnosisText.change(from: 1, to: 1.45) == "+45 %")
        #expect(DiagnosisText.change(from: 1, to: 1.0001) == "±0 %" && DiagnosisText.change(from: 0.5, to: 5e11) == "×1e+12")
    }
}
