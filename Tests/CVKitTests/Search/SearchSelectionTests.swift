import Foundation
import Testing
@testable import CVKit

/// Ties in search: the one-standard-error rule, the stated tie-break, `logint`, and spaces that
/// cannot train.
@Suite struct SearchSelectionTests {
    static func trial(_ number: Int, mean: Double, sd: Double, hidden: [Int], l2: Double, lr: Double, parameters: Int) -> TrialResult {
        var settings = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(hidden: hidden), seed: 0)
        settings.network.l2 = l2
        settings.training.learningRate = lr
        return TrialResult(trial: number, round: 1, sampled: [:], config: TrialResult.Config(settings),
                           score: Summary(n: 10, mean: mean, sd: sd, ci95: []), metric: nil, foldAccuracies: [], divergedFolds: 0,
                           commandLine: "", diagnosis: [], parameters: parameters)
    }

    @Test func oneStandardErrorPicksTheSimplest() {
        // SE of the best = 0.0316 / √10 = 0.01: trials 1–3 are within it, trial 4 is not.
        let trials = [
            Self.trial(1, mean: 0.95, sd: 0.0316227766, hidden: [128, 64], l2: 1e-4, lr: 1e-3, parameters: 9000),
            Self.trial(2, mean: 0.945, sd: 0.03, hidden: [32], l2: 1e-4, lr: 1e-3, parameters: 300),
            Self.trial(3, mean: 0.941, sd: 0.03, hidden: [32], l2: 1e-2, lr: 1e-3, parameters: 300),
            Self.trial(4, mean: 0.90, sd: 0.03, hidden: [], l2: 1e-2, lr: 1e-3, parameters: 30),
        ]
        #expect(TrialScoring.withinOneSE(trials).map(\.trial) == [1, 2, 3])
        #expect(TrialScoring.select(trials, rule: .best)?.trial == 1)
        // Fewest parameters (2, 3), then the stronger l2 (3).
        #expect(TrialScoring.select(trials, rule: .oneSE)?.trial == 3)
    }

    @Test func exactTiesAreBrokenBySimplicityNotTrialNumber() {
        let trials = [
            Self.trial(1, mean: 0.9833, sd: 0.0152, hidden: [128, 64], l2: 1e-4, lr: 1e-2, parameters: 9000),
            Self.trial(2, mean: 0.9833, sd: 0.0152, hidden: [64], l2: 1e-4, lr: 1e-2, parameters: 500),
            Self.trial(3, mean: 0.9833, sd: 0.0152, hidden: [64], l2: 1e-4, lr: 1e-3, parameters: 500),
        ]
        #expect(TrialScoring.select(trials, rule: .best)?.trial == 3)
    }

    @Test func logintDrawsIntegersEvenlyPerDecade() throws {
        let space = try SearchSpace(parsing: "epochs=logint(1,100)")
        #expect(space.description == "epochs=logint(1,100)")
        var random = RandomSource(seed: 1)
        let draws = (0..<4000).map { _ in Int(space.sample(&random)["epochs"] ?? "") ?? -1 }
        #expect(draws.allSatisfy { (1...100).contains($0) })
        let low = draws.filter { $0 < 10 }.count, high = draws.filter { $0 >= 10 }.count
        // ln 10 / ln 101 ≈ 0.499 of the draws below 10.
        #expect(abs(Double(low) / 4000 - 0.499) < 0.03, "\(low) below 10, \(high) from 10")
        #expect(throws: CVKitError.self) { try SearchSpace(parsing: "epochs=logint(0,10)") }
    }

    @Test func aSpaceThatDrawsBatchOneWithBatchNormIsRefused() throws {
        let base = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(hidden: [16]))
        #expect(try SearchSpace(parsing: "batch=int(1,64)").problem(base: base)?.contains("batch size of 1") == true)
        #expect(try SearchSpace(parsing: "batch=choice(1|32)").problem(base: base) != nil)
        #expect(try SearchSpace(parsing: "batch=logint(2,64)").problem(base: base) == nil)
        var plain = base
        plain.network.batchNorm = false
        #expect(try SearchSpace(parsing: "batch=int(1,64)").problem(base: plain) == nil)
    }
}
