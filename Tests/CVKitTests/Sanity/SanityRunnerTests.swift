import Foundation
import Testing
@testable import CVKit

@Suite struct SanityRunnerTests {
    static let names = ["initial-loss", "regularization-raises-loss", "gradient-check", "overfit-tiny-subset", "lr-sweep", "batchnorm-stats"]

    @Test func wineRunsAllSixChecksInOrderAndPasses() throws {
        var seen: [String] = []
        let results = try SanityRunner.run(dataset: SanityFixtures.wine(), settings: SanityFixtures.settings(path: "datasets/wine.csv")) {
            seen.append($0.name)
        }
        #expect(results.checks.map(\.name) == Self.names)
        #expect(seen == Self.names)
        #expect(results.passed, "\(results.checks.filter { !$0.passed })")
        #expect(results.trainingPart.rows == 142 && results.trainingPart.heldOut == 36)
        #expect(results.lrSweep.points.count == 11)
    }

    @Test func sameSettingsSameResults() throws {
        let settings = SanityFixtures.settings(seed: 5)
        let a = try SanityRunner.run(dataset: SanityFixtures.wine(), settings: settings)
        let b = try SanityRunner.run(dataset: SanityFixtures.wine(), settings: settings)
        #expect(a == b)
        #expect(try ReportJSON.encode(a) == ReportJSON.encode(b))
    }

    /// The held-out rows are never read: scrambling them changes nothing.
    @Test func heldOutRowsDoNotMatter() throws {
        let wine = try SanityFixtures.wine()
        let settings = SanityFixtures.settings(seed: 3)
        let heldOut = try Holdout(test: SanitySettings.heldOutFraction, seed: settings.seed).splits(labels: wine.labels)[0].test
        var features = wine.features
        for row in heldOut { for j in 0..<wine.featureCount { features[row * wine.featureCount + j] = 1e6 * Float(j + 1) } }
        let scrambled = Dataset(source: wine.source, featureNames: wine.featureNames, labelName: wine.labelName, classNames: wine.classNames,
                                features: features, labels: wine.labels)
        #expect(try SanityRunner.run(dataset: wine, settings: settings) == SanityRunner.run(dataset: scrambled, settings: settings))
    }

    @Test func contradictoryLabelsFailTheOverfitCheckOnly() throws {
        let results = try SanityRunner.run(dataset: SanityFixtures.contradictory(), settings: SanityFixtures.settings(seed: 1))
        #expect(!results.passed)
        #expect(results.checks.filter { !$0.passed }.map(\.name) == ["overfit-tiny-subset"])
    }

    @Test func badSettingsAndTooLittleDataThrow() throws {
        var settings = SanityFixtures.settings()
        settings.subset = 1
        #expect(throws: CVKitError.self) { try SanityRunner.run(dataset: SanityFixtures.contradictory(), settings: settings) }
        let two = Dataset(source: .init(path: "two.csv", sha256: "", byteCount: 0), featureNames: ["a"], labelName: "y", classNames: ["p", "q"],
                          features: [0, 1], labels: [0, 1])
        #expect {
            try SanityRunner.run(dataset: two, settings: SanityFixtures.settings())
        } throws: { error in
            guard case CVKitError.badData(_, let message)? = error as? CVKitError else { return false }
            return message.contains("at least 2")
        }
    }
}
