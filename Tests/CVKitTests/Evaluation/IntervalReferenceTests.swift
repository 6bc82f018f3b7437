import Foundation
import Testing
@testable import CVKit

/// The intervals of repeated K-fold, `compare` and fold scores without spread, against scipy
/// (Fixtures/make_interval_reference.py → interval_reference.json).
@Suite struct IntervalReferenceTests {
    struct Case: Decodable { var k: Int; var r: Int; var ratio: Double; var scores: [Double]; var corrected: [Double]; var plain: [Double] }
    struct Reference: Decodable { var repeated: [Case]; var wilson57of60: [Double] }

    static let reference: Reference? = {
        let url = URL(fileURLWithPath: ProjectFiles.root + "/Tests/CVKitTests/Fixtures/interval_reference.json")
        return try? JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    @Test func correctedResampledMatchesScipy() throws {
        let reference = try #require(Self.reference)
        #expect(reference.repeated.count == 3)
        for item in reference.repeated {
            let corrected = Summary(correctedResampled: item.scores, testToTrainRatio: item.ratio)
            let plain = Summary(item.scores)
            #expect(corrected.mean == plain.mean && corrected.sd == plain.sd)
            for (got, want) in zip(corrected.ci95, item.corrected) { #expect(abs(got - want) < 1e-12, "k \(item.k) r \(item.r)") }
            for (got, want) in zip(plain.ci95, item.plain) { #expect(abs(got - want) < 1e-12, "k \(item.k) r \(item.r)") }
            // The correction only widens: by √(1 + J · ratio).
            let widening = (corrected.ci95[1] - corrected.ci95[0]) / (plain.ci95[1] - plain.ci95[0])
            #expect(abs(widening - (1 + Double(item.scores.count) * item.ratio).squareRoot()) < 1e-9)
        }
    }

    @Test func compareIntervalIsTheCorrectedOne() throws {
        let reference = try #require(Self.reference)
        let item = reference.repeated[0]
        let differences = item.scores.map { $0 - 0.9 }
        let test = CorrectedTTest(differences: differences, testToTrainRatio: item.ratio)
        #expect(abs(test.ci95[0] - (item.corrected[0] - 0.9)) < 1e-12 && abs(test.ci95[1] - (item.corrected[1] - 0.9)) < 1e-12)
        // The interval excludes 0 exactly when the corrected test rejects at 5 %.
        #expect((test.ci95[0] > 0 || test.ci95[1] < 0) == (test.pValue < 0.05))
    }

    @Test func wilsonMatchesStatsmodels() throws {
        let reference = try #require(Self.reference)
        let interval = WilsonInterval.interval(successes: 57, trials: 60)
        #expect(abs(interval[0] - reference.wilson57of60[0]) < 1e-12 && abs(interval[1] - reference.wilson57of60[1]) < 1e-12)
    }

    /// The reports quote docs/coverage.md: the quoted ranges must still be there.
    @Test func coverageNoteQuotesTheDocument() throws {
        let text = try String(contentsOfFile: ProjectFiles.root + "/docs/coverage.md", encoding: .utf8)
        let quoted = (CoverageNote.plain + CoverageNote.corrected).matches(of: /\d+–\d+ %/).map { String($0.output) }
        #expect(quoted.count == 4)
        for range in quoted { #expect(text.contains(range), "docs/coverage.md no longer says \(range)") }
    }
}
