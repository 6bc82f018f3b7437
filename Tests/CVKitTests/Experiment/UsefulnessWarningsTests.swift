import Foundation
import Testing
@testable import CVKit

/// A model that only predicts the majority class is called out, whatever the headline.
@Suite struct UsefulnessWarningsTests {
    /// 6 % positives whose feature carries no signal: the network predicts the majority class.
    static func churn() throws -> Dataset {
        var random = RandomSource(seed: 9)
        let rows = (0..<400).map { row -> String in
            let x = Float(random.nextGaussian()), y = Float(random.nextGaussian())
            return "\(x),\(y),\(row % 50 < 3 ? "churn" : "stay")"
        }
        return try CSVLoader.load(text: "x,y,label\n" + rows.joined(separator: "\n") + "\n")
    }

    @Test func majorityOnlyModelIsWarnedAbout() throws {
        let data = try Self.churn()
        var cv = CrossValidation(k: 5, seed: 1)
        cv.training = TrainingOptions(epochs: 10)
        let results = try cv.run(data)
        #expect(results.summary.headline == "accuracy")
        #expect(results.warnings.contains { $0.contains("does not exclude the majority-class baseline") }, "\(results.warnings)")
        #expect(results.warnings.contains { $0.contains("Never predicted in any fold: \"churn\"") }, "\(results.warnings)")
        #expect(results.warnings.contains { $0.contains("--metric balanced-accuracy") }, "\(results.warnings)")
        #expect(abs((results.summary.balancedAccuracy.pooled ?? 0) - 0.5) < 1e-12)
        #expect(!results.diagnosis.contains { $0.advice.contains("bigger model") && !$0.advice.contains("will not change") })
    }

    @Test func balancedAccuracyHeadlineWarnsAtChance() throws {
        let data = try Self.churn()
        var settings = CrossValidation(k: 5, seed: 1).settings(for: data)
        settings.metric = .balancedAccuracy
        settings.training = TrainingOptions(epochs: 10)
        let splits = try settings.resampler().splits(labels: data.labels, groups: data.groups)
        let tasks = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1).run(journal: nil)
        let results = CrossValidationResults.make(settings: settings, dataset: data, tasks: tasks, warnings: [])
        #expect(results.summary.headline == "balanced-accuracy")
        #expect(results.commandLine.hasSuffix("--metric balanced-accuracy"))
        #expect(results.warnings.contains { $0.contains("does not exclude chance (1/2 = 0.5000)") }, "\(results.warnings)")
        #expect(!results.warnings.contains { $0.contains("accuracy is the headline") })
    }

    /// On iris nothing is wrong: no usefulness warning.
    @Test func aGoodModelGetsNone() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let results = try CrossValidation(k: 5, seed: 3).run(data)
        #expect(!results.warnings.contains { $0.contains("baseline") || $0.contains("Never predicted") || $0.contains("chance") })
    }

    /// "Rare" is under 10 % of the rows and under half a balanced class's share: 8 % of two classes
    /// is, 9.7 % of ten classes (digits' "8") is not.
    @Test func aRareClassIsRareAgainstItsShare() throws {
        func warns(_ counts: [Int]) throws -> Bool {
            let lines = counts.enumerated().flatMap { c, n in (0..<n).map { "\($0 % 7),c\(c)" } }
            let data = try CSVLoader.load(text: "x,label\n" + lines.joined(separator: "\n") + "\n")
            let results = CrossValidationResults.make(settings: CrossValidation(k: 5, seed: 1).settings(for: data), dataset: data, tasks: [], warnings: [])
            return results.warnings.contains { $0.contains("accuracy is the headline") }
        }
        let two = try warns([92, 8]), digitsLike = try warns([178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        let four = try warns([400, 400, 400, 40]), balanced = try warns([50, 50, 50])
        #expect(two && !digitsLike && four && !balanced)
        // The 10 % cap: 15 % of two classes is under half a balanced share (25 %) but not rare.
        #expect(try !warns([85, 15]))
    }

    /// LOOCV's pessimistic-baseline warning only where the two largest classes are within a row.
    @Test func looBaselineWarningOnlyWhereItBites() throws {
        let iris = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let penguins = try CSVLoader.load(path: ProjectFiles.dataset("penguins"), options: CSVOptions(label: .name("species")))
        for (data, expected) in [(iris, true), (penguins, false)] {
            var settings = CrossValidation(k: 5, seed: 1).settings(for: data)
            settings.scheme = .loocv
            let results = CrossValidationResults.make(settings: settings, dataset: data, tasks: [], warnings: [])
            #expect(results.warnings.contains { $0.contains("pessimistic under leave-one-out") } == expected)
        }
        // The edge: the two largest classes one row apart warn, two rows apart do not.
        for (counts, expected) in [([51, 50, 49], true), ([52, 50], false)] {
            let lines = counts.enumerated().flatMap { c, n in (0..<n).map { "\($0 % 7),c\(c)" } }
            let data = try CSVLoader.load(text: "x,label\n" + lines.joined(separator: "\n") + "\n")
            var settings = CrossValidation(k: 5, seed: 1).settings(for: data)
            settings.scheme = .loocv
            let results = CrossValidationResults.make(settings: settings, dataset: data, tasks: [], warnings: [])
            #expect(results.warnings.contains { $0.contains("pessimistic under leave-one-out") } == expected, "\(counts)")
        }
    }
}
