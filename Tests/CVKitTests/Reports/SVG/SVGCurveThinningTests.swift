import Testing
@testable import CVKit

@Suite struct SVGCurveThinningTests {
    func curve(_ count: Int) -> [(x: Double, y: Double)] { (0..<count).map { (Double($0), Double($0 * $0)) } }

    /// At most 401 points, both ends kept, every k-th point between (k = ⌈count / 400⌉), and
    /// thinning a thinned curve changes nothing — so a curve may be thinned where it is made.
    @Test(arguments: [0, 1, 400, 401, 402, 1_000, 4_001, 1_000_000])
    func thinningKeepsTheEndsAndIsIdempotent(count: Int) {
        let points = curve(count)
        let kept = SVGCharts.thinned(points)
        #expect(kept.count <= 401 && (count > 401 || kept.count == count))
        if count > 0 {
            #expect(kept.first! == points.first! && kept.last! == points.last!)
        }
        if count > 401 {
            let step = (count + 399) / 400
            #expect(kept.dropLast().enumerated().allSatisfy { $1.x == Double($0 * step) })
        }
        let again = SVGCharts.thinned(kept)
        #expect(again.count == kept.count && zip(again, kept).allSatisfy { $0 == $1 })
    }

    /// The chart draws the same path from a curve and from its thinned copy.
    @Test func aChartOfAThinnedCurveIsTheSameChart() {
        let points = curve(12_345).map { (x: $0.x / 12_344, y: $0.y / (12_344.0 * 12_344)) }
        let draw = { (p: [(x: Double, y: Double)]) in
            SVGCharts.curves(series: [(name: "c", points: p)], xLabel: "x", yLabel: "y", title: "t", diagonal: true)
        }
        #expect(draw(points) == draw(SVGCharts.thinned(points)))
    }

    /// The curves made thinned (as the report makes them, without the whole curve in memory) are
    /// the thinned whole curves, point for point — with ties, and around the 401-point edge.
    @Test(arguments: [50, 400, 401, 402, 3_000, 20_011])
    func curvesMadeThinnedEqualThinnedCurves(rows: Int) {
        var random = RandomSource(seed: UInt64(rows))
        let positive = (0..<rows).map { _ in random.nextDouble() < 0.3 }
        // Every 7th score repeats its neighbour's: groups of equal scores.
        var scores = (0..<rows).map { _ in random.nextDouble() }
        for i in stride(from: 7, to: rows, by: 7) { scores[i] = scores[i - 1] }
        let same = { (a: [(x: Double, y: Double)], b: [(x: Double, y: Double)]) in a.count == b.count && zip(a, b).allSatisfy { $0 == $1 } }
        #expect(same(Metrics.rocCurve(positive: positive, scores: scores, thinned: true), SVGCharts.thinned(Metrics.rocCurve(positive: positive, scores: scores))))
        #expect(same(Metrics.precisionRecallCurve(positive: positive, scores: scores, thinned: true),
                     SVGCharts.thinned(Metrics.precisionRecallCurve(positive: positive, scores: scores))))
    }
}
