import Foundation
import Testing
@testable import CVKit

@Suite struct SVGLearningCurvesTests {
    static let loss = [
        BandSeries(name: "training loss", mean: [1.2, 0.8, 0.6, 0.5], lower: [1.1, 0.7, 0.55, 0.45], upper: [1.3, 0.9, 0.7, 0.6]),
        BandSeries(name: "held-out loss", mean: [1.3, 0.9, 0.75, 0.7]),
    ]
    static let accuracy = [
        BandSeries(name: "training accuracy", mean: [0.5, 0.7, 0.8, 0.85], lower: [0.45, 0.65, 0.75, 0.8], upper: [0.55, 0.75, 0.85, 0.9]),
        BandSeries(name: "held-out accuracy", mean: [0.48, 0.66, 0.74, 0.78]),
    ]

    @Test func wellFormedWithPanelsAxisAndLegend() throws {
        let svg = SVGCharts.learningCurves(epochs: [1, 2, 3, 4], loss: Self.loss, accuracy: Self.accuracy, title: "iris <mlp>")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        let texts = SVGChecks.texts(svg)
        for expected in ["iris &lt;mlp&gt;", "loss", "accuracy", "epoch", "training loss", "held-out loss",
                         "training accuracy", "held-out accuracy"] {
            #expect(texts.contains(expected), "missing \(expected)")
        }
        #expect(SVGChecks.count("epoch", in: texts.joined(separator: "\n")) == 2)
        // One band and two lines per panel.
        #expect(SVGChecks.count("fill-opacity=\"0.20\"", in: svg) == 2)
        #expect(SVGChecks.count("<path d=", in: svg) == 6)
    }

    @Test func nanIsAGapNeverANumber() throws {
        let loss = [BandSeries(name: "loss", mean: [1, 0.8, .nan, 0.5, 0.4], lower: [0.9, .nan, .nan, 0.4, 0.3],
                               upper: [1.1, 0.9, 0.6, 0.6, 0.5])]
        let svg = SVGCharts.learningCurves(epochs: [1, 2, 3, 4, 5], loss: loss, accuracy: [], title: "gaps")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!SVGChecks.mentionsNonFinite(svg))
        // The line breaks at epoch 3: two stroked runs. The band: a lone column at epoch 1, a run over 4…5.
        #expect(SVGChecks.count("stroke-linejoin", in: svg) == 2)
        #expect(SVGChecks.count("fill-opacity=\"0.20\"", in: svg) == 2)
    }

    @Test func oneEpochIsDrawnAsDots() throws {
        let svg = SVGCharts.learningCurves(
            epochs: [1], loss: [BandSeries(name: "loss", mean: [0.7])],
            accuracy: [BandSeries(name: "accuracy", mean: [0.6]), BandSeries(name: "held-out", mean: [0.5])], title: "one")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!SVGChecks.mentionsNonFinite(svg))
        #expect(SVGChecks.count("<circle", in: svg) == 3)
    }

    @Test func degenerateInputStillRenders() throws {
        let flat = SVGCharts.learningCurves(
            epochs: [1, 2, 3], loss: [BandSeries(name: "flat", mean: [0.5, 0.5, 0.5])],
            accuracy: [BandSeries(name: "flat", mean: [1, 1, 1])], title: "flat")
        let empty = SVGCharts.learningCurves(epochs: [], loss: [], accuracy: [], title: "")
        let ragged = SVGCharts.learningCurves(
            epochs: [1, 2, 3, 4], loss: [BandSeries(name: "short", mean: [1], lower: [0.5, 0.4, 0.3, 0.2, 0.1], upper: [])],
            accuracy: [BandSeries(name: "all gaps", mean: [.nan, .nan, .infinity, -.infinity])], title: "ragged")
        for svg in [flat, empty, ragged] {
            #expect(try SVGChecks.xmlProblem(svg) == nil)
            #expect(!SVGChecks.mentionsNonFinite(svg))
        }
        // The flat loss gets an axis with distinct tick labels around 0.5.
        let labels = SVGChecks.texts(flat).filter { $0.hasPrefix("0.") }
        #expect(Set(labels).count == labels.count && labels.count >= 3)
    }

    @Test func accuracyAxisIsZeroToOneUnlessAllDataIsHigh() {
        #expect(SVGCharts.accuracyTicks([0.3, 0.9]).lower == 0)
        #expect(SVGCharts.accuracyTicks([0.3, 0.9]).upper == 1)
        let high = SVGCharts.accuracyTicks([0.93, 0.99, 1])
        #expect(abs(high.lower - 0.8) < 1e-9 && high.upper == 1)
        let outside = SVGCharts.accuracyTicks([-0.2, 1.3])
        #expect(outside.lower <= -0.2 && outside.upper >= 1.3)
        #expect(SVGCharts.accuracyTicks([]).lower == 0)
    }

    @Test func longLegendsWrapAndGrowTheChart() throws {
        let many = (0..<8).map { BandSeries(name: "a rather long series name number \($0)", mean: [1, 0.5]) }
        let svg = SVGCharts.learningCurves(epochs: [1, 2], loss: many, accuracy: [], title: "many")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(!svg.contains("height=\"360.0\" viewBox"))
    }

    @Test func sameInputSameBytes() {
        let a = SVGCharts.learningCurves(epochs: [1, 2, 3, 4], loss: Self.loss, accuracy: Self.accuracy, title: "t")
        let b = SVGCharts.learningCurves(epochs: [1, 2, 3, 4], loss: Self.loss, accuracy: Self.accuracy, title: "t")
        #expect(a == b)
    }
}
