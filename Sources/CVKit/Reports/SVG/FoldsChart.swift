extension SVGCharts {
    /// One dot per fold (x = fold label, e.g. "1", "2", or "r1 f3"), y = score; a horizontal line at `mean`,
    /// a shaded band for `interval` [lo, hi], an optional dashed line for `baseline` (labelled `baselineLabel`),
    /// and folds whose score is nil drawn as a red "×" at the bottom labelled "diverged".
    ///
    /// There is one fold per score; a missing label is the fold's number. A non-finite score counts
    /// as diverged. The mean, interval and baseline are left out when not finite (the interval also
    /// when it is not two numbers). The y axis takes in every score, the mean, the interval and the
    /// baseline; when some fold diverged, a strip under the data holds the "×" marks. A legend above
    /// the plot names each mark with its value. When fold labels would collide, only every second
    /// (third, …) one is written.
    public static func folds(labels: [String], scores: [Double?], mean: Double, interval: [Double], baseline: Double?,
                             baselineLabel: String = "majority baseline", title: String, yLabel: String) -> String {
        let finiteScores = scores.compactMap { $0 }.filter(\.isFinite)
        let band: (lower: Double, upper: Double)? = interval.count == 2 && interval.allSatisfy(\.isFinite)
            ? (min(interval[0], interval[1]), max(interval[0], interval[1])) : nil
        let meanLine = mean.isFinite ? mean : nil
        let baselineLine = baseline.flatMap { $0.isFinite ? $0 : nil }
        let divergedCount = scores.filter { !($0?.isFinite ?? false) }.count

        var entries: [LegendEntry] = []
        if !finiteScores.isEmpty { entries.append(LegendEntry(swatch: .dot(ChartStyle.blue), label: "fold score")) }
        if let meanLine { entries.append(LegendEntry(swatch: .line(ChartStyle.ink, dashed: false), label: "mean " + SVGNumber.short(meanLine))) }
        if let band {
            entries.append(LegendEntry(swatch: .band(ChartStyle.sky, withLine: false),
                                       label: "interval " + SVGNumber.short(band.lower) + " – " + SVGNumber.short(band.upper)))
        }
        if let baselineLine {
            entries.append(LegendEntry(swatch: .line(ChartStyle.orange, dashed: true),
                                       label: baselineLabel + " " + SVGNumber.short(baselineLine)))
        }
        if divergedCount > 0 { entries.append(LegendEntry(swatch: .cross(ChartStyle.vermillion), label: "diverged")) }

        let width = ChartStyle.width
        var (document, top, bottom) = ChartStyle.canvas(title: title, legend: entries)
        var levels = finiteScores + [meanLine, baselineLine].compactMap { $0 }
        if let band { levels += [band.lower, band.upper] }
        let yNice = NiceTicks(covering: levels)
        // Scores keep 8 pixels off the frame; diverged folds get a strip of their own underneath.
        let dataBottom = divergedCount > 0 ? bottom - 28 : bottom - 8
        let provisional = AxisScale(lower: yNice.lower, upper: yNice.upper, start: dataBottom, end: top + 8)
        let divergedWidth = divergedCount > 0 ? TextMetrics.width("diverged", size: ChartStyle.tickSize) : 0
        let labelWidth = max(ChartAxes.labelWidth(ChartAxes.ticks(yNice, scale: provisional)), divergedWidth)
        let yTitleX = ChartStyle.margin + 10
        let plot = PlotRect(left: yTitleX + 10 + labelWidth + 8, top: top, right: width - ChartStyle.margin - 4, bottom: bottom)
        let yScale = AxisScale(lower: yNice.lower, upper: yNice.upper, start: dataBottom, end: plot.top + 8)
        let yAxis = ChartAxes.ticks(yNice, scale: yScale)

        // One slot per fold; labels thinned so that neighbours do not touch.
        let foldCount = scores.count
        let slot = plot.width / Double(max(foldCount, 1))
        let foldLabels = (0..<foldCount).map { index in
            TextMetrics.truncated(index < labels.count ? labels[index] : String(index + 1), characters: 12)
        }
        let widest = foldLabels.map { TextMetrics.width($0, size: ChartStyle.tickSize) }.max() ?? 0
        let every = max(1, Int(((widest + 6) / slot).rounded(.up)))
        let xAxis = (0..<foldCount).map { index in
            AxisTick(position: plot.left + (Double(index) + 0.5) * slot, label: index % every == 0 ? foldLabels[index] : nil)
        }

        ChartAxes.drawGrid(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis, verticalGrid: false)
        if let band, let low = yScale.position(band.lower), let high = yScale.position(band.upper) {
            document.rect(x: plot.left, y: high, width: plot.width, height: max(low - high, 1), fill: ChartStyle.sky, opacity: 0.3)
        }
        if let baselineLine, let y = yScale.position(baselineLine) {
            document.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: ChartStyle.orange, width: 2, dash: "6 4")
        }
        if let meanLine, let y = yScale.position(meanLine) {
            document.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: ChartStyle.ink, width: 1.5)
        }
        if divergedCount > 0 {
            document.rect(x: plot.left, y: dataBottom + 6, width: plot.width, height: bottom - dataBottom - 6, fill: "#F4F4F4")
            document.text("diverged", x: plot.left - 8, y: bottom - 12 + 4, size: ChartStyle.tickSize, anchor: .end,
                          fill: ChartStyle.vermillion)
        }
        let radius = min(5, max(2.5, slot * 0.3))
        for (index, score) in scores.enumerated() {
            let x = xAxis[index].position
            if let score, let y = yScale.position(score) {
                document.circle(x: x, y: y, radius: radius, fill: ChartStyle.blue, stroke: "#FFFFFF")
            } else {
                document.path(PathData.cross(x: x, y: bottom - 12, radius: min(5, max(3, slot * 0.3))),
                              stroke: ChartStyle.vermillion, width: 2.5)
            }
        }
        ChartAxes.drawAxes(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis, xTitle: "fold", yTitle: yLabel,
                           yTitleX: yTitleX)
        return document.rendered
    }
}
