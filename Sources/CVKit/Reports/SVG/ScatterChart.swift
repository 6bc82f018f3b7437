extension SVGCharts {
    /// A scatter of points (x, y) with optional log10 x axis (ticks at powers of ten), one colour per `group`
    /// index (0…5), and optional horizontal reference lines with labels. Used for the learning-rate sweep
    /// (loss after a few epochs against learning rate) and for hyperparameter search (score against a parameter).
    ///
    /// Points with a non-finite coordinate, or x ≤ 0 on a log axis, are skipped. Group indices
    /// past 5 reuse the colours. The legend above the plot names the groups in `groupNames` (none
    /// when it is empty). The y axis takes in the reference lines; each line's label sits above its
    /// right end, or its left end when that would touch the label of the line just below.
    public static func scatter(points: [(x: Double, y: Double, group: Int)], groupNames: [String], logX: Bool,
                               xLabel: String, yLabel: String, title: String,
                               referenceLines: [(y: Double, label: String)] = []) -> String {
        let shown = points.filter { $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) }
        let references = referenceLines.filter(\.y.isFinite)
        let entries = groupNames.enumerated().map { LegendEntry(swatch: .dot(ChartStyle.color($0)), label: $1) }

        let width = ChartStyle.width
        var (document, top, bottom) = ChartStyle.canvas(title: title, legend: entries)
        let yNice = NiceTicks(covering: shown.map(\.y) + references.map(\.y))
        let provisional = AxisScale(lower: yNice.lower, upper: yNice.upper, start: bottom, end: top)
        let labelWidth = ChartAxes.labelWidth(ChartAxes.ticks(yNice, scale: provisional))
        let yTitleX = ChartStyle.margin + 10
        let plot = PlotRect(left: yTitleX + 10 + labelWidth + 8, top: top, right: width - ChartStyle.margin - 12, bottom: bottom)
        // Points keep 8 pixels off the frame, so those at the ends of the axes are not cut by it.
        let inset = 8.0
        let yScale = AxisScale(lower: yNice.lower, upper: yNice.upper, start: plot.bottom - inset, end: plot.top + inset)
        let yAxis = ChartAxes.ticks(yNice, scale: yScale)
        let xScale: AxisScale
        let xAxis: [AxisTick]
        if logX {
            let log = LogTicks(covering: shown.map(\.x))
            xScale = AxisScale(lower: Double(log.lowerExponent), upper: Double(log.upperExponent), start: plot.left + inset,
                               end: plot.right - inset, logarithmic: true)
            xAxis = ChartAxes.ticks(log, scale: xScale)
        } else {
            let nice = NiceTicks(covering: shown.map(\.x), target: 6)
            xScale = AxisScale(lower: nice.lower, upper: nice.upper, start: plot.left + inset, end: plot.right - inset)
            xAxis = ChartAxes.ticks(nice, scale: xScale)
        }

        ChartAxes.drawGrid(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis)
        let placed = references.sorted(by: { $0.y < $1.y }).compactMap { reference in
            yScale.position(reference.y).map { (y: $0, label: reference.label) }
        }
        for reference in placed {
            document.line(x1: plot.left, y1: reference.y, x2: plot.right, y2: reference.y, stroke: ChartStyle.mutedInk,
                          width: 1.5, dash: "6 4")
        }
        // Labels after all lines, so that their white backing hides any line passing behind them.
        var lastRightLabel: Double?
        for (y, text) in placed {
            let label = TextMetrics.fitted(text, width: plot.width / 2 - 8, size: ChartStyle.legendSize)
            let labelWidth = TextMetrics.width(label, size: ChartStyle.legendSize)
            let onLeft = lastRightLabel.map { $0 - y < 14 } ?? false
            let x = onLeft ? plot.left + 6 : plot.right - 6
            // A white backing keeps the label readable over grid and other reference lines.
            document.rect(x: onLeft ? x - 2 : x - labelWidth - 2, y: y - 15, width: labelWidth + 4, height: 13,
                          fill: "#FFFFFF", opacity: 0.85)
            document.text(label, x: x, y: y - 5, size: ChartStyle.legendSize, anchor: onLeft ? .start : .end,
                          fill: ChartStyle.mutedInk)
            if !onLeft { lastRightLabel = y }
        }
        for point in shown {
            guard let x = xScale.position(point.x), let y = yScale.position(point.y) else { continue }
            document.circle(x: x, y: y, radius: 4, fill: ChartStyle.color(point.group), opacity: 0.85, stroke: "#FFFFFF")
        }
        ChartAxes.drawAxes(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis, xTitle: xLabel, yTitle: yLabel,
                           yTitleX: yTitleX)
        return document.rendered
    }
}
