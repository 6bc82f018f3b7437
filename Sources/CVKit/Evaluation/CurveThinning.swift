/// Which points of a curve of `count` points a chart draws: every k-th, k = ⌈count / 400⌉, and the
/// last — at most 401 points, the curve's ends kept; a curve of at most 401 points whole, so
/// thinning twice changes nothing. The one rule for a curve thinned where it is made
/// (`Metrics.rocCurve(positive:scores:thinned:)`, which counts its points first) and one thinned
/// where it is drawn (`SVGCharts.thinned`).
struct CurveThinning {
    let count: Int
    private let step: Int

    init(count: Int) {
        self.count = count
        step = count > 401 ? (count + 399) / 400 : 1
    }

    /// Whether the point at `index` (from 0) is kept.
    func keeps(_ index: Int) -> Bool { index % step == 0 || index == count - 1 }
}
