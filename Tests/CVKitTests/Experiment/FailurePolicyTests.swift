import Foundation
import Testing
@testable import CVKit

/// One policy for diverged folds (the featureless majority-class predictor, fitted on the fold's
/// training labels), intervals that never collapse to zero width, and repeated K-fold's
/// corrected interval — on task results built by hand, so each number is known.
@Suite struct FailurePolicyTests {
    /// 12 rows, classes 0 0 0 0 0 0 0 1 1 1 2 2; features irrelevant here.
    static let labels: [Int32] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2]
    static func dataset() -> Dataset {
        Dataset(source: .init(path: "t.csv", sha256: "", byteCount: 0), featureNames: ["x"], labelName: "y", classNames: ["a", "b", "c"],
                features: labels.indices.map(Float.init), labels: labels)
    }

    static func task(index: Int, test: [Int], predicted: [Int32], diverged: Bool = false, repetition: Int = 0) -> TaskResult {
        let train = labels.indices.filter { !test.contains($0) }
        var history = TrainingHistory(initialLoss: 1.1, epochs: [], divergedAtEpoch: diverged ? 2 : nil, bestEpoch: nil, samplesSeen: 0)
        history.epochs = [EpochRecord(epoch: 1, learningRate: 0.001, trainLoss: 1, trainAccuracy: 0.5, validationLoss: nil, validationAccuracy: nil)]
        let truth = test.map { labels[$0] }
        var result = TaskResult(
            index: index, repetition: repetition, fold: index % 3, nTrain: train.count, nValidation: 0, nTest: test.count, accuracy: nil, macroF1: nil,
            logLoss: nil, baselineAccuracy: Metrics.majorityBaseline(trainLabels: train.map { labels[$0] }, testLabels: truth, classCount: 3),
            history: history, testRows: test, predicted: [], packedProbabilities: PackedFloats([]), seconds: 0)
        if diverged {
            let fallback = FallbackPredictor(trainLabels: train.map { labels[$0] }, classCount: 3).predict(rows: test.count)
            result.predicted = fallback.predicted
            result.probabilities = fallback.probabilities
        } else {
            result.predicted = predicted
            result.probabilities = predicted.flatMap { p in (0..<3).map { Float($0 == Int(p) ? 0.8 : 0.1) } }
            result.accuracy = Metrics.accuracy(truth: truth, predicted: predicted)
            result.macroF1 = ConfusionMatrix(truth: truth, predicted: predicted, classCount: 3).macroF1()
            result.logLoss = Metrics.logLoss(truth: truth, probabilities: result.probabilities, classCount: 3)
        }
        return result
    }

    static func settings(repeats: Int = 1) -> RunSettings {
        RunSettings(scheme: .kfold, dataPath: "t.csv", k: 3, repeats: repeats, network: NetworkConfig(hidden: [4]), training: TrainingOptions(epochs: 1))
    }

    @Test func fallbackPredictsTheTrainingMajorityWithItsPrior() {
        let fallback = FallbackPredictor(trainLabels: [2, 1, 2, 0, 2, 1], classCount: 3)
        #expect(fallback.majority == 2)
        #expect(fallback.prior == [Float(1.0 / 6), Float(2.0 / 6), Float(3.0 / 6)])
        let (predicted, probabilities) = fallback.predict(rows: 2)
        #expect(predicted == [2, 2] && probabilities.count == 6 && Array(probabilities[3..<6]) == fallback.prior)
        // Ties go to the lowest class code; no training rows: a uniform prior.
        #expect(FallbackPredictor(trainLabels: [1, 0], classCount: 2).majority == 0)
        #expect(FallbackPredictor(trainLabels: [], classCount: 4).prior == [0.25, 0.25, 0.25, 0.25])
    }

    /// Fold 3 diverged: it counts as the majority predictor (class 0: 2 of its 4 test rows right),
    /// not dropped (upward bias) and not 0; the survivors' own figure is reported beside it.
    @Test func aDivergedFoldCountsAsTheMajorityPredictor() throws {
        let tasks = [
            Self.task(index: 0, test: [0, 1, 7, 10], predicted: [0, 0, 1, 2]),          // 1.0
            Self.task(index: 1, test: [2, 3, 8, 11], predicted: [0, 1, 1, 0]),          // 0.5
            Self.task(index: 2, test: [4, 5, 6, 9], predicted: [], diverged: true),     // fallback: 3 of 4 are class 0
        ]
        let results = CrossValidationResults.make(settings: Self.settings(), dataset: Self.dataset(), tasks: tasks, warnings: [])
        let s = results.summary
        #expect(s.diverged == 1 && s.folds == 3)
        #expect(s.accuracy.n == 3 && abs(s.accuracy.mean - (1.0 + 0.5 + 0.75) / 3) < 1e-12)
        #expect(results.folds[2].accuracy == 0.75 && results.folds[2].diverged)
        let survivors = try #require(s.survivors)
        #expect(survivors.n == 2 && abs(survivors.mean - 0.75) < 1e-12)
        // Pooled over all 12 predictions: 4 + 2 + 3 right.
        #expect(abs((s.accuracy.pooled ?? 0) - 9.0 / 12) < 1e-12)
        #expect(results.warnings.contains { $0.contains("scored as the majority-class predictor") && $0.contains("fold 3 at epoch 2") })
        #expect(s.reason == nil)
        let markdown = CrossValidationMarkdown.render(results)
        #expect(markdown.contains("**1 of 3 folds diverged** and are scored as the majority-class predictor"))
    }

    @Test func nothingFinishedIsNullWithAReason() throws {
        let tasks = (0..<3).map { Self.task(index: $0, test: [$0, $0 + 3, $0 + 6, $0 + 9], predicted: [], diverged: true) }
        let results = CrossValidationResults.make(settings: Self.settings(), dataset: Self.dataset(), tasks: tasks, warnings: [])
        #expect(results.summary.accuracy.n == 0 && results.summary.reason?.contains("no fold finished") == true)
        let json = String(decoding: try ReportJSON.encode(results), as: UTF8.self)
        #expect(json.contains("\"mean\" : null") && json.contains("\"reason\" : \"no fold finished"))
        #expect(results.summary.survivors == nil)
    }

    /// Every fold perfect: no zero-width interval; the pooled Wilson interval, and a warning.
    @Test func noSpreadGivesThePooledWilsonInterval() {
        let tasks = [
            Self.task(index: 0, test: [0, 1, 7, 10], predicted: [0, 0, 1, 2]),
            Self.task(index: 1, test: [2, 3, 8, 11], predicted: [0, 0, 1, 2]),
            Self.task(index: 2, test: [4, 5, 6, 9], predicted: [0, 0, 0, 1]),
        ]
        let results = CrossValidationResults.make(settings: Self.settings(), dataset: Self.dataset(), tasks: tasks, warnings: [])
        #expect(results.summary.interval == "wilson-pooled")
        #expect(results.summary.accuracy.ci95 == WilsonInterval.interval(successes: 12, trials: 12))
        #expect(results.summary.accuracy.ci95[0] < 0.8)
        #expect(results.warnings.contains { $0.contains("no spread") })
    }

    @Test func repeatedKFoldUsesTheCorrectedInterval() {
        var tasks: [TaskResult] = []
        let predictions: [[Int32]] = [[0, 0, 1, 2], [0, 1, 1, 0], [0, 0, 1, 0], [0, 0, 1, 1], [1, 0, 1, 2], [0, 0, 0, 1]]
        for repetition in 0..<2 {
            for fold in 0..<3 {
                let index = repetition * 3 + fold
                tasks.append(Self.task(index: index, test: [fold, fold + 3, fold + 6, fold + 9], predicted: predictions[index], repetition: repetition))
            }
        }
        let results = CrossValidationResults.make(settings: Self.settings(repeats: 2), dataset: Self.dataset(), tasks: tasks, warnings: [])
        let scores = results.folds.compactMap(\.accuracy)
        #expect(results.summary.interval == "corrected-t")
        let expected = Summary(correctedResampled: scores, testToTrainRatio: 4.0 / 8).ci95.map { min(max($0, 0), 1) }
        #expect(results.summary.accuracy.ci95 == expected)
        #expect(CrossValidationMarkdown.render(results).contains("corrected resampled t-interval (Nadeau & Bengio 2003)"))
        // One repeat keeps the plain t-interval.
        let single = CrossValidationResults.make(settings: Self.settings(), dataset: Self.dataset(), tasks: Array(tasks.prefix(3)), warnings: [])
        #expect(single.summary.interval == "t")
    }
}
