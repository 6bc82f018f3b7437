import Foundation
import Testing
@testable import CVKit

/// The rules on real training runs of the actual `Trainer` on shipped data, each built to trigger
/// one rule, and in the cross-validation results and report. Each run takes well under a second.
extension DiagnosisTests {
    /// Trains on `trainRows` rows of a shipped data set (stratified; default 70 %), standardized on
    /// those rows, watching the other rows after every epoch; diagnoses the history.
    func trained(_ name: String, trainRows: Int? = nil, hidden: [Int], batchNorm: Bool = true, options: TrainingOptions) throws
        -> (findings: [DiagnosisFinding], history: TrainingHistory) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset(name))
        let test = trainRows.map { 1 - Double($0) / Double(data.rowCount) } ?? 0.3
        let split = try Holdout(test: test, seed: 0).splits(labels: data.labels)[0]
        let scaler = Standardizer.fit(data, rows: split.train)
        let trainY = split.train.map { data.labels[$0] }, testY = split.test.map { data.labels[$0] }
        let config = NetworkConfig(inputs: data.featureCount, classes: data.classCount, hidden: hidden, batchNorm: batchNorm, l2: 0)
        let network = try Network<Float>(config: config, seed: 1)
        let history = try Trainer(options: options).train(
            network, features: scaler.transform(data, rows: split.train), labels: trainY,
            validation: (scaler.transform(data, rows: split.test), testY), seed: 2)
        let findings = Diagnosis.diagnose(
            trainLoss: history.epochs.map(\.trainLoss) + (history.diverged ? [.nan] : []), trainAccuracy: history.epochs.map(\.trainAccuracy),
            heldOutLoss: history.epochs.map { $0.validationLoss ?? .nan }, heldOutAccuracy: history.epochs.map { $0.validationAccuracy ?? .nan },
            classCount: data.classCount, baselineAccuracy: Metrics.majorityBaseline(trainLabels: trainY, testLabels: testY, classCount: data.classCount))
        return (findings, history)
    }

    static let tooHigh: Set = ["loss-rising", "loss-oscillating"]

    @Test func realRunWithATinyLearningRateIsNotFalling() throws {
        let tiny = try trained("wine", hidden: [16], options: TrainingOptions(epochs: 10, learningRate: 1e-6))
        #expect(rules(tiny.findings) == ["loss-not-falling"])
        let sane = try trained("wine", hidden: [16], options: TrainingOptions(epochs: 10, learningRate: 1e-2))
        #expect(rules(sane.findings) == ["healthy"])
    }

    @Test func realRunWithAHugeSGDStepDiverges() throws {
        let run = try trained("wine", hidden: [32], batchNorm: false, options: TrainingOptions(epochs: 20, batchSize: 16, optimizer: .sgd, learningRate: 5))
        #expect(run.history.diverged)
        #expect(rules(run.findings) == ["loss-rising"] && run.findings[0].evidence.contains("NaN or infinite"))
    }

    @Test func realRunsWithTooHighARateRiseOrOscillate() throws {
        // Momentum at 1 without BatchNorm: the loss climbs by orders of magnitude without NaN.
        let momentum = try trained("wine", hidden: [32], batchNorm: false, options: TrainingOptions(epochs: 20, batchSize: 16, optimizer: .momentum, learningRate: 1))
        // Adam at 1 with BatchNorm: the loss jumps up and down.
        let adam = try trained("wine", hidden: [32], options: TrainingOptions(epochs: 20, batchSize: 16, learningRate: 1))
        for run in [momentum, adam] {
            #expect(run.findings.count == 1 && Self.tooHigh.contains(run.findings[0].rule), "\(rules(run.findings))")
            #expect(run.findings.allSatisfy { $0.advice.contains("too high") })
        }
    }

    @Test func realRunOfABigNetworkOnFewRowsOverfits() throws {
        let run = try trained("digits", trainRows: 60, hidden: [64], options: TrainingOptions(epochs: 30, batchSize: 16))
        #expect(rules(run.findings) == ["overfitting"])
    }

    @Test func realRunOfTwoTinyStepsOfSoftmaxRegressionUnderfits() throws {
        let run = try trained("digits", hidden: [], options: TrainingOptions(epochs: 2, optimizer: .sgd, learningRate: 1e-3))
        #expect(rules(run.findings) == ["underfitting"])
        #expect(run.findings[0].advice.contains("still falling"))
        let longer = try trained("digits", hidden: [], options: TrainingOptions(epochs: 2, optimizer: .sgd, learningRate: 0.05))
        #expect(!rules(longer.findings).contains("underfitting"))
    }

    // MARK: in the results and the report

    func crossValidate(lr: Double, optimizer: OptimizerKind = .adam, batchNorm: Bool = true) throws -> CrossValidationResults {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("wine"))
        let settings = RunSettings(scheme: .kfold, dataPath: "datasets/wine.csv", k: 3,
                                   network: NetworkConfig(inputs: 1, classes: 2, hidden: [16], batchNorm: batchNorm),
                                   training: TrainingOptions(epochs: 5, batchSize: 32, optimizer: optimizer, learningRate: lr), seed: 3)
        let splits = try settings.resampler().splits(labels: data.labels, groups: data.groups)
        let tasks = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 2).run(journal: nil)
        return CrossValidationResults.make(settings: settings, dataset: data, tasks: tasks, warnings: [])
    }

    @Test func resultsCarryTheDiagnosisAndTheReportShowsItAfterTheSummary() throws {
        let results = try crossValidate(lr: 1e-5)
        #expect(rules(results.diagnosis) == ["loss-not-falling"])
        let json = String(decoding: try ReportJSON.encode(results), as: UTF8.self)
        #expect(json.contains("\"diagnosis\"") && json.contains("\"rule\" : \"loss-not-falling\""))
        let report = CrossValidationMarkdown.render(results)
        let summary = try #require(report.range(of: "## Summary")), diagnosis = try #require(report.range(of: "## Diagnosis"))
        let protocolHeading = try #require(report.range(of: "## Protocol"))
        #expect(summary.upperBound < diagnosis.lowerBound && diagnosis.upperBound < protocolHeading.lowerBound)
        let finding = results.diagnosis[0]
        #expect(report.contains("- **The training loss is not falling: the network is barely learning.** \(finding.evidence). \(finding.advice)"))
    }

    @Test func divergedFoldsAreDiagnosedAsTooHigh() throws {
        let results = try crossValidate(lr: 1e4, optimizer: .sgd, batchNorm: false)
        #expect(results.summary.diverged > 0)
        #expect(rules(results.diagnosis) == ["loss-rising"])
        #expect(results.diagnosis[0].evidence.contains("of 3 runs"))
    }

    @Test func reportEscapesTheFindings() throws {
        var results = try crossValidate(lr: 1e-2)
        #expect(rules(results.diagnosis) == ["healthy"])
        results.diagnosis = [DiagnosisFinding(rule: "x", verdict: "a *b*", evidence: "<i>", advice: "[c](d)")]
        #expect(CrossValidationMarkdown.render(results).contains("- **a \\*b\\*** &lt;i&gt;. \\[c\\](d)"))
        results.diagnosis = []
        #expect(CrossValidationMarkdown.render(results).contains("## Diagnosis\n\nNo learning curves to read.\n"))
    }
}
