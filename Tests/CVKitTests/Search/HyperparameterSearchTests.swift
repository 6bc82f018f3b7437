import Foundation
import Testing
@testable import CVKit

@Suite struct HyperparameterSearchTests {
    func base() throws -> (Dataset, RunSettings) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let settings = RunSettings(scheme: .kfold, dataPath: "datasets/iris.csv", k: 3, network: NetworkConfig(inputs: 1, classes: 2, hidden: [16]),
                                   training: TrainingOptions(epochs: 4, batchSize: 32), seed: 5)
        return (data, settings)
    }

    @Test func randomSearchIsDeterministicAndRanksByScore() throws {
        let (data, settings) = try base()
        let search = HyperparameterSearch(base: settings, space: try SearchSpace(parsing: "lr=log(1e-4,1e-1)"), method: .random, trials: 4)
        let outcomeA = try search.run(dataset: data, jobs: 2, journal: nil)
        let a = outcomeA.trials, rounds = outcomeA.rounds
        let outcomeB = try search.run(dataset: data, jobs: 1, journal: nil)
        let b = outcomeB.trials
        #expect(a == b && a.count == 4 && rounds.count == 1)
        let results = SearchResults.make(search: search, dataset: data, trials: a, rounds: rounds, warnings: [])
        #expect(results.best.score.mean == a.map(\.score.mean).max())
        #expect(zip(results.trials, results.trials.dropFirst()).allSatisfy { $0.score.mean >= $1.score.mean })
        #expect(results.best.commandLine.hasPrefix("cvkit kfold datasets/iris.csv --k 3"))
        #expect(search.commandLine.hasPrefix("cvkit search datasets/iris.csv --k 3") && search.commandLine.contains("--space 'lr=log(0.0001,0.1)'"))
    }

    /// `--metric roc-auc` ranks by the pooled ROC AUC of each trial's out-of-fold predictions, and
    /// `--metric log-loss` by the lowest mean loss.
    @Test func searchRanksByTheChosenMetric() throws {
        let (data, plain) = try base()
        for metric in [MetricName.rocAuc, .logLoss] {
            var settings = plain
            settings.metric = metric
            let search = HyperparameterSearch(base: settings, space: try SearchSpace(parsing: "lr=log(1e-4,1e-1)"), method: .random, trials: 5)
            let outcomeTrials = try search.run(dataset: data, jobs: 2, journal: nil)
            let trials = outcomeTrials.trials, rounds = outcomeTrials.rounds
            let results = SearchResults.make(search: search, dataset: data, trials: trials, rounds: rounds, warnings: [])
            let objectives = results.trials.map(TrialScoring.objective)
            #expect(results.trials.allSatisfy { $0.metric == metric })
            if metric == .rocAuc {
                #expect(results.trials.allSatisfy { $0.score.pooled != nil })
                #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $0 >= $1 }, "\(objectives)")
            } else {
                #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $0 <= $1 }, "\(objectives)")
            }
            #expect(search.commandLine.hasSuffix("--metric \(metric.rawValue) --method random --space 'lr=log(0.0001,0.1)' --trials 5"), "\(search.commandLine)")
        }
    }

    /// Every trial is scored on the same folds: the same configuration twice scores the same.
    @Test func trialsShareTheSplits() throws {
        let (data, settings) = try base()
        let search = HyperparameterSearch(base: settings, space: try SearchSpace(parsing: "lr=choice(0.01|0.01)"), method: .grid, trials: 0)
        let outcomeTrials = try search.run(dataset: data, jobs: 2, journal: nil)
        let trials = outcomeTrials.trials
        #expect(trials.count == 2 && trials[0].foldAccuracies == trials[1].foldAccuracies)
    }

    @Test func coarseToFineNarrowsEachRound() throws {
        let (data, settings) = try base()
        let search = HyperparameterSearch(base: settings, space: try SearchSpace(parsing: "lr=log(1e-5,1)"), method: .coarseToFine, trials: 4, rounds: 3, keep: 0.25)
        let outcomeTrials = try search.run(dataset: data, jobs: 2, journal: nil)
        let trials = outcomeTrials.trials, rounds = outcomeTrials.rounds
        #expect(trials.count == 12 && rounds.count == 3 && Set(trials.map(\.round)) == [1, 2, 3])
        func width(_ text: String) throws -> Double {
            let space = try SearchSpace(parsing: text)
            guard case .logUniform(let a, let b) = space.parameters[0].distribution else { return .nan }
            return log10(b) - log10(a)
        }
        let widths = try rounds.map { try width($0.space) }
        #expect(widths[1] < widths[0] && widths[2] < widths[1], "\(widths)")
    }

    @Test func nestedKeepsInnerChoicesInsideOuterTraining() throws {
        let (data, settings) = try base()
        let nested = NestedCrossValidation(base: settings, outerK: 3, innerK: 2, space: try SearchSpace(parsing: "lr=log(1e-3,1e-1)"), method: .random, trials: 2)
        let results = try nested.run(dataset: data, jobs: 2, journal: nil)
        #expect(results.outer.count == 3)
        #expect(results.outer.allSatisfy { $0.nTrain == 100 && $0.nTest == 50 && (0...1).contains($0.outerScore) })
        #expect(abs(results.optimism - (results.summary.innerBest.mean - results.summary.accuracy.mean)) < 1e-12)
        #expect(results.stability.map(\.parameter) == ["lr"])
        #expect(try nested.taskCount() == 3 * 2 * 2 + 3)
    }

    /// `nested --metric roc-auc`: the inner choice and the outer estimate in ROC AUC, accuracy kept beside it.
    @Test func nestedInAnotherMetric() throws {
        let (data, plain) = try base()
        var settings = plain
        settings.metric = .rocAuc
        let nested = NestedCrossValidation(base: settings, outerK: 3, innerK: 2, space: try SearchSpace(parsing: "lr=log(1e-3,1e-1)"), method: .random, trials: 2)
        let results = try nested.run(dataset: data, jobs: 2, journal: nil)
        let score = try #require(results.summary.score)
        #expect(results.summary.headline == "roc-auc")
        #expect(abs(score.mean - results.outer.map(\.outerScore).reduce(0, +) / 3) < 1e-12)
        #expect(results.outer.allSatisfy { $0.outerAccuracy != nil && (0...1).contains($0.outerScore) })
        #expect(abs(results.summary.accuracy.mean - results.outer.compactMap(\.outerAccuracy).reduce(0, +) / 3) < 1e-12)
        #expect(abs(results.optimism - (results.summary.innerBest.mean - score.mean)) < 1e-12)
        #expect(nested.commandLine.contains("--metric roc-auc"))
    }

    /// `compare --metric log-loss`: the differences are per-split log losses, and lower wins.
    @Test func comparisonInAnotherMetric() throws {
        let (data, settings) = try base()
        var a = settings, b = settings
        a.metric = .logLoss
        b.metric = .logLoss
        a.training.epochs = 1
        b.training.epochs = 30
        a.repeats = 2
        b.repeats = 2
        let results = try ModelComparison(a: a, b: b).run(dataset: data, jobs: 2, journal: nil)
        #expect(results.metric == .logLoss && results.differences.count == 6)
        #expect(abs(results.meanDifference - (results.a.logLoss.mean - results.b.logLoss.mean)) < 1e-12)
        #expect(results.verdict.hasPrefix("B is better than A in log loss"), "\(results.verdict)")
        #expect(results.commandLine.hasSuffix("--metric log-loss"))
    }

    @Test func comparisonUsesTheCorrectedTest() throws {
        let (data, settings) = try base()
        var b = settings
        b.network.l2 = 0.5
        var a = settings
        a.repeats = 2
        b.repeats = 2
        let results = try ModelComparison(a: a, b: b).run(dataset: data, jobs: 2, journal: nil)
        #expect(results.differences.count == 6)
        #expect(results.pValue >= results.naivePValue - 1e-12)
        #expect(!results.verdict.isEmpty)
        #expect(results.commandLine.contains("--a '--hidden 16") && results.commandLine.contains("--l2 0.5"))
        var labelled = a
        labelled.csv.label = .name("label")
        #expect(ModelComparison(a: labelled, b: b).commandLine.hasPrefix("cvkit compare datasets/iris.csv --label label --k 3"))
    }
}
