import Foundation
import Testing
@testable import CVKit

/// Racing: the ANOVA elimination (against numbers worked with statsmodels' formula by hand), and a
/// raced search that drops what is clearly worse, keeps the winner, and is the same for any jobs
/// and when driven one phase (fold) at a time.
@Suite struct RacingTests {
    @Test func eliminationDropsOnlyWhatIsSignificantlyWorse() {
        let racing = Racing(minFolds: 3, alpha: 0.05)
        // Fold effects shared by all (0.00, +0.02, −0.01); config 2 is 0.10 below config 0, config 1 0.001 below.
        let base = [0.90, 0.92, 0.89]
        let noise = [[0.002, -0.001, -0.001], [0.000, 0.001, -0.001], [-0.001, 0.000, 0.001]]
        let scores = [base.enumerated().map { $1 + noise[0][$0] }, base.enumerated().map { $1 - 0.001 + noise[1][$0] },
                      base.enumerated().map { $1 - 0.10 + noise[2][$0] }]
        let out = racing.eliminate(scores: scores, lowerIsBetter: false)
        #expect(out[0] == nil && out[1] == nil)
        #expect((out[2] ?? 1) < 0.001)
        // Residual s² by hand: two-way ANOVA without interaction, df = (3 − 1)(3 − 1) = 4.
        let y = scores, cm = y.map { $0.reduce(0, +) / 3 }, fm = (0..<3).map { f in y.reduce(0) { $0 + $1[f] } / 3 }
        let g = cm.reduce(0, +) / 3
        var ss = 0.0
        for c in 0..<3 { for f in 0..<3 { let e = y[c][f] - cm[c] - fm[f] + g; ss += e * e } }
        let t = (cm[0] - cm[2]) / (2 * (ss / 4) / 3).squareRoot()
        #expect(abs((out[2] ?? 0) - StudentT.twoSidedPValue(t, degreesOfFreedom: 4) / 2) < 1e-15)
        // Lower is better (a loss): the same scores negated drop the same configuration.
        #expect(racing.eliminate(scores: scores.map { $0.map { -$0 } }, lowerIsBetter: true).map { $0 != nil } == [false, false, true])
        // Before the minimum number of folds, nothing is dropped.
        #expect(racing.eliminate(scores: scores.map { Array($0.prefix(2)) }, lowerIsBetter: false).allSatisfy { $0 == nil })
        #expect(Racing.defaultMinFolds(k: 3) == 2 && Racing.defaultMinFolds(k: 10) == 3 && Racing(minFolds: 1).problem(k: 5) != nil)
    }

    /// A search with hopeless configurations (a learning rate that cannot learn in 2 epochs): the race
    /// drops them, never chooses them, and gives the same trials for 1 or 2 jobs and phase by phase.
    @Test func aRacedSearchDropsTheHopeless() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("wine"))
        var base = RunSettings(scheme: .kfold, dataPath: "datasets/wine.csv", k: 5, network: NetworkConfig(hidden: [16]),
                               training: TrainingOptions(epochs: 4, batchSize: 32), seed: 3)
        base.training.optimizer = .sgd
        var search = HyperparameterSearch(base: base, space: try SearchSpace(parsing: "lr=choice(0.3|0.1|0.000001|0.0000001)"), method: .grid, trials: 4)
        search.racing = Racing(minFolds: 3, alpha: 0.05)
        let one = try search.run(dataset: data, jobs: 1), two = try search.run(dataset: data, jobs: 2)
        func strip(_ trials: [TrialResult]) -> [TrialResult] { trials.map { var t = $0; t.diagnosis = []; return t } }
        #expect(strip(one.trials) == strip(two.trials))
        let dropped = one.trials.filter { $0.droppedAtFold != nil }
        #expect(!dropped.isEmpty, "\(one.trials.map { ($0.config.lr, $0.score.mean, $0.droppedAtFold ?? 0) })")
        #expect(dropped.allSatisfy { $0.config.lr < 1e-3 && ($0.droppedAtFold ?? 0) >= 3 && ($0.raceP ?? 1) < 0.05 })
        let best = try #require(TrialScoring.select(one.trials, rule: .best))
        #expect(best.droppedAtFold == nil && best.config.lr > 1e-3)
        // Phase by phase: fold by fold, the live configurations only.
        var done: [Int: TaskResult] = [:], sizes: [Int] = []
        while case .needs(let units) = try search.step(dataset: data, finished: done) {
            sizes.append(units.count)
            for result in try ExperimentRunner(units: units, jobs: 2).run(journal: nil) { done[result.index] = result }
        }
        #expect(sizes.count == 5 && sizes[0] == 4 && sizes.last! < 4, "\(sizes)")
        #expect(search.commandLine.contains("--race --race-min-folds 3 --race-alpha 0.05"))
    }
}
