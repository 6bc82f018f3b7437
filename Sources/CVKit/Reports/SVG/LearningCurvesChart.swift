extension SVGCharts {
    /// Two panels side by side sharing the x axis "epoch" (1…): left "loss" with the given loss series
    /// (e.g. training loss, held-out loss), right "accuracy" (y from 0 to 1, or tighter if all data is high,
    /// but always including the data) with the accuracy series. Mean lines, translucent bands, a legend.
    ///
    /// Series `i` of each panel takes palette colour `i`, so pass training before held-out in both.
    /// Index `j` of a series belongs to `epochs[j]`; entries past `epochs` are ignored. A point
    /// with no neighbour on its line (one epoch, or between gaps) is drawn as a dot. Each panel's
    /// legend sits under it; the chart grows taller when a legend needs more than one row.
    public static func learningCurves(epochs: [Int], loss: [BandSeries], accuracy: [BandSeries], title: String) -> String {
        let margin = ChartStyle.margin
        let gap = 40.0
        let panelWidth = (ChartStyle.width - 2 * margin - gap) / 2
        let legends = [loss, accuracy].map { Legend(legendEntries($0), maxWidth: panelWidth) }
        let legendHeight = max(legends[0].height, legends[1].height, Legend.rowHeight)
        let height = ChartStyle.height + legendHeight - Legend.rowHeight
        var document = SVGDocument(width: ChartStyle.width, height: height, title: title)
        ChartStyle.drawTitle(title, into: &document)

        let top = 66.0
        let bottom = height - legendHeight - 50
        let x = epochs.map(Double.init)
        let xTicks = NiceTicks(covering: x, target: 5, integer: true, expand: false)
        let panels = [
            (name: "loss", series: loss, ticks: NiceTicks(covering: values(of: loss, count: epochs.count)),
             legend: legends[0]),
            (name: "accuracy", series: accuracy, ticks: accuracyTicks(values(of: accuracy, count: epochs.count)),
             legend: legends[1]),
        ]
        for (index, panel) in panels.enumerated() {
            let panelLeft = margin + Double(index) * (panelWidth + gap)
            let provisional = AxisScale(lower: panel.ticks.lower, upper: panel.ticks.upper, start: bottom, end: top)
            let labelWidth = ChartAxes.labelWidth(ChartAxes.ticks(panel.ticks, scale: provisional))
            let plot = PlotRect(left: panelLeft + labelWidth + 10, top: top, right: panelLeft + panelWidth, bottom: bottom)
            let xScale = AxisScale(lower: xTicks.lower, upper: xTicks.upper, start: plot.left, end: plot.right)
            let yScale = AxisScale(lower: panel.ticks.lower, upper: panel.ticks.upper, start: plot.bottom, end: plot.top)
            let xAxis = ChartAxes.ticks(xTicks, scale: xScale)
            let yAxis = ChartAxes.ticks(panel.ticks, scale: yScale)

            document.text(panel.name, x: plot.left, y: top - 10, size: ChartStyle.headingSize, bold: true)
            ChartAxes.drawGrid(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis)
            drawBands(panel.series, x: x, xScale: xScale, yScale: yScale, into: &document)
            drawLines(panel.series, x: x, xScale: xScale, yScale: yScale, into: &document)
            ChartAxes.drawAxes(into: &document, plot: plot, xTicks: xAxis, yTicks: yAxis, xTitle: "epoch", yTitle: nil,
                               yTitleX: panelLeft)
            panel.legend.draw(into: &document, left: panelLeft, top: bottom + 44)
        }
        return document.rendered
    }

    /// A line swatch per series, with a band behind it when the series has one.
    private static func legendEntries(_ series: [BandSeries]) -> [LegendEntry] {
        series.enumerated().map { index, series in
            let color = ChartStyle.color(index)
            return LegendEntry(swatch: series.hasBand ? .band(color, withLine: true) : .line(color, dashed: false),
                               label: series.name)
        }
    }

    /// The finite means and band bounds of the first `count` entries of every series.
    private static func values(of series: [BandSeries], count: Int) -> [Double] {
        series.flatMap { series in
            (0..<count).flatMap { index -> [Double] in
                let mean = index < series.mean.count && series.mean[index].isFinite ? [series.mean[index]] : []
                return mean + (series.band(at: index).map { [$0.lower, $0.upper] } ?? [])
            }
        }
    }

    /// 0…1, starting higher (at a tenth below the data, rounded down) when all data is at least 0.5,
    /// and widened to take in any data outside 0…1.
    static func accuracyTicks(_ data: [Double]) -> NiceTicks {
        guard let smallest = data.min(), let largest = data.max() else { return NiceTicks(lower: 0, upper: 1) }
        var lower = smallest >= 0.5 ? max(0, ((smallest - 0.05) * 10).rounded(.down) / 10) : 0
        lower = min(lower, smallest)
        return NiceTicks(lower: lower, upper: max(1, largest))
    }

    private static func drawBands(_ series: [BandSeries], x: [Double], xScale: AxisScale, yScale: AxisScale,
                                  into document: inout SVGDocument) {
        for (index, series) in series.enumerated() where series.hasBand {
            let color = ChartStyle.color(index)
            let columns: [(x: Double, lower: Double, upper: Double)?] = x.indices.map { j in
                guard let band = series.band(at: j), let px = xScale.position(x[j]),
                      let low = yScale.position(band.lower), let high = yScale.position(band.upper) else { return nil }
                return (px, low, high)
            }
            for run in PathData.runs(columns) {
                // A lone column (one epoch, or between gaps) is drawn 8 pixels wide.
                let edges = run.count == 1 ? run.flatMap { [($0.x - 4, $0.lower, $0.upper), ($0.x + 4, $0.lower, $0.upper)] } : run
                let outline = edges.map { CanvasPoint(x: $0.x, y: $0.upper) }
                    + edges.reversed().map { CanvasPoint(x: $0.x, y: $0.lower) }
                document.path(PathData.polygon(outline), fill: color, opacity: 0.2)
            }
        }
    }

    private static func drawLines(_ series: [BandSeries], x: [Double], xScale: AxisScale, yScale: AxisScale,
                                  into document: inout SVGDocument) {
        for (index, series) in series.enumerated() {
            let color = ChartStyle.color(index)
            let points: [CanvasPoint?] = x.indices.map { j in
                guard j < series.mean.count, let px = xScale.position(x[j]), let py = yScale.position(series.mean[j]) else {
                    return nil
                }
                return CanvasPoint(x: px, y: py)
            }
            for run in PathData.runs(points) {
                if run.count == 1, let only = run.first {
                    document.circle(x: only.x, y: only.y, radius: 3.5, fill: color)
                } else {
                    document.path(PathData.polyline(run), stroke: color, width: 2)
                }
            }
        }
    }
}
