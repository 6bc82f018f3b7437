/// Hand-written SVG charts for the Markdown reports (GitHub shows them with `![…](chart.svg)`).
///
/// Each function returns a whole standalone SVG 1.1 document: a white background, `sans-serif`
/// text, about 720 × 360 pixels. The output depends on the input only, byte for byte: coordinates
/// are written with one decimal and no locale. Text taken from the input (titles, names, labels) is
/// XML-escaped and never becomes markup. Non-finite values are skipped, and degenerate input (no
/// data, one point, all values equal) still gives a readable chart with a non-empty axis.
public enum SVGCharts {
    /// A small chart holding only the title and a note in grey, for input with nothing to draw.
    static func emptyChart(title: String, message: String) -> String {
        let width = min(max(360, TextMetrics.width(title, size: ChartStyle.titleSize) + 2 * ChartStyle.margin), ChartStyle.width)
        var document = SVGDocument(width: width, height: 90, title: title)
        ChartStyle.drawTitle(title, into: &document)
        document.text(message, x: ChartStyle.margin, y: 62, size: ChartStyle.axisTitleSize, fill: ChartStyle.mutedInk)
        return document.rendered
    }
}

/// Sizes and colours shared by the charts.
enum ChartStyle {
    static let width = 720.0
    static let height = 360.0
    /// Space left of and right of everything on the canvas.
    static let margin = 16.0

    static let titleSize = 16.0
    static let headingSize = 13.0
    static let axisTitleSize = 12.0
    static let tickSize = 11.0
    static let legendSize = 11.0

    static let ink = "#222222"
    static let mutedInk = "#555555"
    static let axisLine = "#888888"
    static let gridLine = "#E6E6E6"

    /// Okabe–Ito colours, told apart with any of the common colour-vision deficiencies.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"]
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let orange = "#E69F00"
    static let sky = "#56B4E9"

    /// The palette colour for series or group `index`, cycling (negative indices count as positive).
    static func color(_ index: Int) -> String {
        palette[(index % palette.count + palette.count) % palette.count]
    }

    /// A single-panel chart's canvas: the document with its title and legend drawn, and the plot
    /// area's vertical span (`top` below the legend, `bottom` above the x-axis labels). The canvas
    /// grows by the legend's extra rows.
    static func canvas(title: String, legend entries: [LegendEntry]) -> (document: SVGDocument, top: Double, bottom: Double) {
        let legend = Legend(entries, maxWidth: width - 2 * margin)
        let canvasHeight = height + max(legend.height - Legend.rowHeight, 0)
        var document = SVGDocument(width: width, height: canvasHeight, title: title)
        drawTitle(title, into: &document)
        legend.draw(into: &document, left: margin, top: 38)
        return (document, 38 + max(legend.height, Legend.rowHeight) + 14, canvasHeight - 48)
    }

    /// Writes the chart title at the top left, shortened with "…" to fit the canvas.
    static func drawTitle(_ title: String, into document: inout SVGDocument) {
        let fitted = TextMetrics.fitted(title, width: document.width - 2 * margin, size: titleSize)
        document.text(fitted, x: margin, y: 26, size: titleSize, bold: true)
    }
}
