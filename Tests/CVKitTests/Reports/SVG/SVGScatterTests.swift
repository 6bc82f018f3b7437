import Foundation
import Testing
@testable import CVKit

@Suite struct SVGScatterTests {
    static let sweep: [(x: Double, y: Double, group: Int)] =
        [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1].enumerated().map { (x: $1, y: 1.1 - 0.1 * Double($0), group: 0) }

    @Test func logAxisHasATickAtEachPowerOfTen() throws {
        let svg = SVGCharts.scatter(points: Self.sweep, groupNames: [], logX: true, xLabel: "learning rate",
                                    yLabel: "loss after 3 epochs", title: "learning-rate sweep")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        let texts = SVGChecks.texts(svg)
        let powers = texts.filter { $0.hasPrefix("10") && $0.count > 2 }
        #expect(powers == ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
        // Evenly spaced: the labels' x coordinates step by the same amount.
        let xs = svg.components(separatedBy: "\n").filter { line in powers.contains { line.hasSuffix(">\($0)</text>") } }
            .compactMap { $0.components(separatedBy: "x=\"").dropFirst().first?.components(separatedBy: "\"").first }
            .compactMap(Double.init)
        let steps = zip(xs, xs.dropFirst()).map { $1 - $0 }
        #expect(xs.count == 6)
        #expect((steps.max() ?? 0) - (steps.min() ?? 1) <= 0.2)
        #expect(SVGChecks.count("<circle", in: svg) == 6)
    }

    @Test func pointsThatCannotBePlacedAreSkipped() throws {
        let points: [(x: Double, y: Double, group: Int)] = [
            (0, 1, 0), (-1, 1, 0), (.nan, 1, 0), (1e-3, .infinity, 0), (1e-3, 0.5, 0), (1e-2, 0.4, 1),
        ]
        let log = SVGCharts.scatter(points: points, groupNames: ["a", "b"], logX: true, xLabel: "x", yLabel: "y", title: "t")
        let linear = SVGCharts.scatter(points: points, groupNames: ["a", "b"], logX: false, xLabel: "x", yLabel: "y", title: "t")
        for svg in [log, linear] {
            #expect(try SVGChecks.xmlProblem(svg) == nil)
            #expect(!SVGChecks.mentionsNonFinite(svg))
        }
        #expect(SVGChecks.count("<circle", in: log) == 2)
        #expect(SVGChecks.count("<circle", in: linear) == 4)
    }

    @Test func groupsTakePaletteColoursAndNameTheLegend() {
        let points: [(x: Double, y: Double, group: Int)] = [(1, 1, 0), (2, 2, 1), (3, 3, 7), (4, 4, -1)]
        let svg = SVGCharts.scatter(points: points, groupNames: ["adam", "sgd <m>"], logX: false, xLabel: "epochs",
                                    yLabel: "score", title: "search")
        let circles = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<circle") }
        #expect(circles.map { $0.contains(##"fill="#0072B2""##) } == [true, false, false, false])
        #expect(circles.map { $0.contains(##"fill="#D55E00""##) } == [false, true, true, false])
        #expect(circles[3].contains(##"fill="#56B4E9""##))
        #expect(SVGChecks.texts(svg).contains("sgd &lt;m&gt;"))
    }

    @Test func referenceLinesAreLabelledAndInsideTheAxis() throws {
        let svg = SVGCharts.scatter(points: [(0.1, 0.4, 0), (0.2, 0.6, 0)], groupNames: [], logX: false, xLabel: "x",
                                    yLabel: "y", title: "t",
                                    referenceLines: [(y: 2, label: "initial loss ln(3) & more"), (y: .nan, label: "skipped")])
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        let texts = SVGChecks.texts(svg)
        #expect(texts.contains("initial loss ln(3) &amp; more"))
        #expect(!texts.contains("skipped"))
        #expect(texts.contains("2.0"))
        #expect(SVGChecks.count(##"stroke-dasharray="6 4""##, in: svg) == 1)
    }

    @Test func emptyAndSinglePointRender() throws {
        let cases = [
            SVGCharts.scatter(points: [], groupNames: [], logX: true, xLabel: "", yLabel: "", title: ""),
            SVGCharts.scatter(points: [], groupNames: [], logX: false, xLabel: "", yLabel: "", title: ""),
            SVGCharts.scatter(points: [(1e-3, 2, 0)], groupNames: ["g"], logX: true, xLabel: "x", yLabel: "y", title: "one"),
            SVGCharts.scatter(points: [(5, 2, 0), (5, 2, 0)], groupNames: [], logX: false, xLabel: "x", yLabel: "y", title: "same"),
        ]
        for svg in cases {
            #expect(try SVGChecks.xmlProblem(svg) == nil)
            #expect(!SVGChecks.mentionsNonFinite(svg))
        }
    }

    @Test func sameInputSameBytes() {
        let make = {
            SVGCharts.scatter(points: Self.sweep, groupNames: ["a"], logX: true, xLabel: "x", yLabel: "y", title: "t",
                              referenceLines: [(y: 1, label: "one")])
        }
        #expect(make() == make())
    }
}
