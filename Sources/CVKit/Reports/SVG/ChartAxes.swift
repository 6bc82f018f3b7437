import Foundation

/// A tick on an axis: its pixel position and label (nil for an unlabelled minor tick).
struct AxisTick: Equatable {
    var position: Double
    var label: String?
}

/// Axes drawn around a plot rectangle: light grid lines at the labelled ticks, a left and a
/// bottom axis line, tick labels, and axis titles (the y title turned to read upwards).
enum ChartAxes {
    /// The x-axis tick labels' baseline, below the plot.
    static let xLabelOffset = 16.0
    /// The x-axis title's baseline, below the plot.
    static let xTitleOffset = 34.0

    /// The widest y tick label, for the margin left of the plot.
    static func labelWidth(_ ticks: [AxisTick]) -> Double {
        ticks.compactMap { $0.label.map { TextMetrics.width($0, size: ChartStyle.tickSize) } }.max() ?? 0
    }

    static func drawGrid(into document: inout SVGDocument, plot: PlotRect, xTicks: [AxisTick], yTicks: [AxisTick],
                         verticalGrid: Bool = true) {
        for tick in yTicks where tick.label != nil {
            document.line(x1: plot.left, y1: tick.position, x2: plot.right, y2: tick.position, stroke: ChartStyle.gridLine)
        }
        if verticalGrid {
            for tick in xTicks where tick.label != nil {
                document.line(x1: tick.position, y1: plot.top, x2: tick.position, y2: plot.bottom, stroke: ChartStyle.gridLine)
            }
        }
    }

    /// The axis lines, ticks and labels; titles are skipped when nil. `yTitleX` is where the turned
    /// y title's baseline goes.
    static func drawAxes(into document: inout SVGDocument, plot: PlotRect, xTicks: [AxisTick], yTicks: [AxisTick],
                         xTitle: String?, yTitle: String?, yTitleX: Double) {
        document.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axisLine)
        document.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: ChartStyle.axisLine)
        for tick in xTicks {
            let length = tick.label == nil ? 3.0 : 5.0
            document.line(x1: tick.position, y1: plot.bottom, x2: tick.position, y2: plot.bottom + length,
                          stroke: ChartStyle.axisLine)
            if let label = tick.label {
                document.text(label, x: tick.position, y: plot.bottom + xLabelOffset, size: ChartStyle.tickSize,
                              anchor: .middle, fill: ChartStyle.mutedInk)
            }
        }
        for tick in yTicks {
            document.line(x1: plot.left - 5, y1: tick.position, x2: plot.left, y2: tick.position, stroke: ChartStyle.axisLine)
            if let label = tick.label {
                document.text(label, x: plot.left - 8, y: tick.position + 4, size: ChartStyle.tickSize,
                              anchor: .end, fill: ChartStyle.mutedInk)
            }
        }
        if let xTitle {
            let fitted = TextMetrics.fitted(xTitle, width: plot.width, size: ChartStyle.axisTitleSize)
            document.text(fitted, x: plot.centerX, y: plot.bottom + xTitleOffset, size: ChartStyle.axisTitleSize,
                          anchor: .middle, fill: ChartStyle.ink)
        }
        if let yTitle {
            let fitted = TextMetrics.fitted(yTitle, width: plot.height, size: ChartStyle.axisTitleSize)
            document.text(fitted, x: yTitleX, y: plot.centerY, size: ChartStyle.axisTitleSize, anchor: .middle,
                          fill: ChartStyle.ink, rotation: -90)
        }
    }

    /// Labelled ticks for a linear axis.
    static func ticks(_ nice: NiceTicks, scale: AxisScale) -> [AxisTick] {
        zip(nice.values, nice.labels).compactMap { value, label in
            scale.position(value).map { AxisTick(position: $0, label: label) }
        }
    }

    /// Ticks for a log axis: labelled at its powers of ten, and short unlabelled ones at 2…9 × 10ⁿ
    /// when there are at most 6 decades.
    static func ticks(_ log: LogTicks, scale: AxisScale) -> [AxisTick] {
        var ticks = log.exponents.map { AxisTick(position: scale.position(ofDomainValue: Double($0)), label: LogTicks.label($0)) }
        if log.upperExponent - log.lowerExponent <= 6 {
            for exponent in log.lowerExponent..<log.upperExponent {
                for multiple in 2...9 {
                    let value = Double(exponent) + log10(Double(multiple))
                    ticks.append(AxisTick(position: scale.position(ofDomainValue: value), label: nil))
                }
            }
        }
        return ticks
    }
}
