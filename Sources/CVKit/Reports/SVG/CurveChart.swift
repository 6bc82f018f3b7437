extension SVGCharts {
    /// Curves on the unit square — a ROC curve (with the chance diagonal), a precision–recall curve,
    /// a reliability diagram (points with their counts, with the diagonal of perfect calibration) —
    /// one colour per series. A series of more than 401 points is thinned (`thinned`), so a chart
    /// stays small whatever the number of rows.
    public static func curves(series: [(name: String, points: [(x: Double, y: Double)])], xLabel: String, yLabel: String,
                              title: String, diagonal: Bool, markers: [String]? = nil) -> String {
        let drawn = series.filter { !$0.points.isEmpty }
        guard !drawn.isEmpty else { return emptyChart(title: title, message: "No curve to draw: a class has no row in the predictions.") }
        let entries = drawn.enumerated().map { LegendEntry(swatch: .line(ChartStyle.color($0), dashed: false), label: $1.name) }
            + (diagonal ? [LegendEntry(swatch: .line(ChartStyle.mutedInk, dashed: true), label: markers == nil ? "chance" : "perfect calibration")] : [])
        var (document, top, bottom) = ChartStyle.canvas(title: title, legend: entries)
        let nice = NiceTicks(covering: [0, 1], target: 5, expand: false)
        let yTitleX = ChartStyle.margin + 10
        let provisional = AxisScale(lower: 0, upper: 1, start: bottom, end: top)
        let labelWidth = ChartAxes.labelWidth(ChartAxes.ticks(nice, scale: provisional))
        // A square plot, centred in the canvas width.
        let side = bottom - top
        let left = max(yTitleX + 10 + labelWidth + 8, (ChartStyle.width - side) / 2)
        let plot = PlotRect(left: left, top: top, right: left + side, bottom: bottom)
        let xScale = AxisScale(lower: 0, upper: 1, start: plot.left, end: plot.right)
        let yScale = AxisScale(lower: 0, upper: 1, start: plot.bottom, end: plot.top)
        let xAxis = ChartAxes.ticks(nice, scale: xScale), yAxis = ChartAxes.ticks(nice, scale: yScale)
        ChartAxes.drawGrid(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis)
        if diagonal {
            document.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.top, stroke: ChartStyle.mutedInk, width: 1.5, dash: "6 4")
        }
        for (index, curve) in drawn.enumerated() {
            let canvas = thinned(curve.points).compactMap { point -> CanvasPoint? in
                guard let x = xScale.position(point.x), let y = yScale.position(point.y) else { return nil }
                return CanvasPoint(x: x, y: y)
            }
            document.path(PathData.polyline(canvas), stroke: ChartStyle.color(index), width: 2)
            if let markers {
                for (point, label) in zip(canvas, markers) {
                    document.circle(x: point.x, y: point.y, radius: 4, fill: ChartStyle.color(index), opacity: 0.9, stroke: "#FFFFFF")
                    document.text(label, x: point.x + 6, y: point.y - 6, size: ChartStyle.tickSize, fill: ChartStyle.mutedInk)
                }
            }
        }
        // The y title beside its tick labels, wherever the square plot sits.
        ChartAxes.drawAxes(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis, xTitle: xLabel, yTitle: yLabel,
                           yTitleX: plot.left - labelWidth - 18)
        return document.rendered
    }

    /// The points `CurveThinning` keeps: every k-th, k = ⌈count / 400⌉, and the last — at most 401,
    /// the curve's ends kept. A series of at most 401 points is returned as it is, so thinning twice
    /// changes nothing (a caller may thin a long curve as soon as it is made).
    public static func thinned(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        let thinning = CurveThinning(count: points.count)
        return points.indices.filter(thinning.keeps).map { points[$0] }
    }
}
