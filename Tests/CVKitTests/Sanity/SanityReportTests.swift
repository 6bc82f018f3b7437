import Foundation
import Testing
@testable import CVKit

@Suite struct SanityReportTests {
    static func results() throws -> SanityResults {
        try SanityRunner.run(dataset: SanityFixtures.contradictory(), settings: SanityFixtures.settings(path: "data/conflict.csv"))
    }

    @Test func jsonHasTheContract() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: ReportJSON.encode(Self.results())) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["name"] as? String } == SanityRunnerTests.names)
        for check in checks {
            for key in ["name", "expected", "observed", "advice"] { #expect(check[key] is String, "\(key)") }
            #expect(check["passed"] is Bool)
        }
        #expect(Double(try #require(checks.first?["observed"] as? String)) != nil)
        let data = try #require(object["data"] as? [String: Any])
        #expect(data["rows"] as? Int == 30 && data["features"] as? Int == 3 && (data["classes"] as? [Any])?.count == 2)
        #expect(object["reportDir"] == nil)
    }

    @Test func markdownLeadsWithTheVerdictAndExplainsTheFailure() throws {
        let md = SanityMarkdown.render(try Self.results())
        #expect(md.hasPrefix("# sanity: conflict.csv — 1 of 6 checks failed"))
        #expect(md.contains("| `overfit-tiny-subset` | **FAIL** |"))
        #expect(md.contains("identical twin with another label"))
        #expect(md.contains("**training part only**: 24 of 30 rows"))
        #expect(md.contains("![loss after the sweep's epochs against the learning rate](lr-sweep.svg)"))
    }

    @Test func writesThreeFilesWithRepeatableBytes() throws {
        let one = try ProjectFiles.temporaryFolder() + "/a", two = try ProjectFiles.temporaryFolder() + "/b"
        var results = try Self.results()
        try SanityReportWriter.write(results, folder: one)
        results.reportDir = "elsewhere"
        try SanityReportWriter.write(results, folder: two)
        for file in ["sanity.md", "sanity.json", "lr-sweep.svg"] {
            let a = FileManager.default.contents(atPath: one + "/" + file)
            #expect(a != nil && a == FileManager.default.contents(atPath: two + "/" + file), "\(file)")
        }
    }

    /// Diverged rates are drawn at the cap, and the cap is labelled; the chart stays valid SVG.
    @Test func sweepChartCapsDivergedRates() throws {
        var results = try Self.results()
        results.lrSweep.initialLoss = 1
        results.lrSweep.points = LearningRateSweep.rates.enumerated().map { index, lr in
            .init(lr: lr, loss: index < 9 ? 1 - 0.1 * Double(index) : (index == 9 ? 40 : nil),
                  verdict: index < 9 ? "falls" : "diverges", fastest: index == 8)
        }
        let svg = SanityReportWriter.sweepChart(results)
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(SVGChecks.count("<circle", in: svg) == 11)
        #expect(svg.contains("cap (2 × initial): higher or non-finite losses"))
        #expect(!SVGChecks.mentionsNonFinite(svg.replacingOccurrences(of: "non-finite", with: "")))
    }
}
