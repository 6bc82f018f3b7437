import Foundation
import Testing
@testable import CVKit

@Suite struct SVGFoldsTests {
    @Test func oneDotPerScoredFoldAndACrossPerDivergedOne() throws {
        let scores: [Double?] = [0.9, nil, 0.8, 0.85, nil, .nan]
        let svg = SVGCharts.folds(labels: ["1", "2", "3", "4", "5", "6"], scores: scores, mean: 0.85,
                                  interval: [0.8, 0.9], baseline: 0.33, title: "iris", yLabel: "accuracy")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!SVGChecks.mentionsNonFinite(svg))
        #expect(SVGChecks.count("<circle", in: svg) == 3)
        // Three crosses plus the legend's.
        #expect(SVGChecks.count(##"stroke="#D55E00""##, in: svg) == 4)
        let texts = SVGChecks.texts(svg)
        #expect(texts.contains("diverged"))
        #expect(texts.contains("majority baseline 0.33"))
        #expect(texts.contains("mean 0.85"))
        #expect(texts.contains("accuracy"))
        #expect(texts.contains("fold"))
    }

    @Test func baselineIsDashedAndOptional() {
        let with = SVGCharts.folds(labels: ["1", "2"], scores: [0.7, 0.8], mean: 0.75, interval: [0.7, 0.8],
                                   baseline: 0.5, title: "t", yLabel: "y")
        let without = SVGCharts.folds(labels: ["1", "2"], scores: [0.7, 0.8], mean: 0.75, interval: [0.7, 0.8],
                                      baseline: nil, title: "t", yLabel: "y")
        #expect(SVGChecks.count(##"stroke-dasharray="6 4""##, in: with) == 1)
        #expect(SVGChecks.count(##"stroke-dasharray="6 4""##, in: without) == 0)
        #expect(!without.contains("majority baseline"))
        #expect(!without.contains("diverged"))
    }

    @Test func allDivergedRendersWithoutNumbersThatAreNot() throws {
        let svg = SVGCharts.folds(labels: ["1", "2", "3"], scores: [nil, nil, nil], mean: .nan, interval: [.nan, .nan],
                                  baseline: .infinity, title: "all diverged", yLabel: "accuracy")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!SVGChecks.mentionsNonFinite(svg))
        #expect(SVGChecks.count("<circle", in: svg) == 0)
        #expect(SVGChecks.count(##"stroke="#D55E00""##, in: svg) == 4)
    }

    @Test(arguments: [[Double?](), [0.5], [0.5, 0.5, 0.5]])
    func degenerateScoresRender(_ scores: [Double?]) throws {
        let svg = SVGCharts.folds(labels: [], scores: scores, mean: 0.5, interval: [0.5], baseline: nil, title: "", yLabel: "")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!SVGChecks.mentionsNonFinite(svg))
        #expect(SVGChecks.count("<circle", in: svg) == scores.count)
    }

    @Test func manyFoldsThinTheirLabelsAndEscapeThem() throws {
        let labels = (1...5).flatMap { r in (1...10).map { f in "r\(r) f\(f) <x>" } }
        let svg = SVGCharts.folds(labels: labels, scores: labels.map { _ in 0.9 }, mean: 0.9, interval: [0.85, 0.95],
                                  baseline: nil, title: "repeated", yLabel: "score")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(SVGChecks.count("<circle", in: svg) == 50)
        let shown = SVGChecks.texts(svg).filter { $0.hasPrefix("r") && $0.hasSuffix("&lt;x&gt;") }
        #expect(shown.count > 5 && shown.count < 50)
    }

    @Test func sameInputSameBytes() {
        let make = {
            SVGCharts.folds(labels: ["1", "2"], scores: [0.7, nil], mean: 0.7, interval: [0.6, 0.8], baseline: 0.4,
                            title: "t", yLabel: "y")
        }
        #expect(make() == make())
    }
}
