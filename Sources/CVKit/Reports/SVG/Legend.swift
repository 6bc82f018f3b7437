/// The small picture in front of a legend label.
enum LegendSwatch: Equatable {
    /// A round dot, as scatter points and fold scores are drawn.
    case dot(String)
    /// A line, dashed or solid.
    case line(String, dashed: Bool)
    /// A translucent band, with its mean line through it when `withLine`.
    case band(String, withLine: Bool)
    /// An "×", as diverged folds are drawn.
    case cross(String)
}

struct LegendEntry: Equatable {
    var swatch: LegendSwatch
    var label: String
}

/// A legend laid out in rows: entries left to right, wrapping to a new row when the next one would
/// pass `maxWidth`. A label too long for a row on its own is shortened with "…".
///
/// Swatches are drawn with rects and paths only, never circles, so counting `<circle` in a chart
/// counts its data points.
struct Legend {
    static let rowHeight = 18.0
    static let swatchWidth = 18.0
    private static let labelGap = 5.0
    private static let entryGap = 16.0

    /// The entries of each row with their x offsets from the legend's left edge.
    let rows: [[(entry: LegendEntry, x: Double, label: String)]]

    init(_ entries: [LegendEntry], maxWidth: Double) {
        var rows: [[(entry: LegendEntry, x: Double, label: String)]] = []
        var row: [(entry: LegendEntry, x: Double, label: String)] = []
        var x = 0.0
        let size = ChartStyle.legendSize
        for entry in entries {
            let label = TextMetrics.fitted(entry.label, width: maxWidth - Self.swatchWidth - Self.labelGap, size: size)
            let width = Self.swatchWidth + Self.labelGap + TextMetrics.width(label, size: size)
            if !row.isEmpty && x + width > maxWidth {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((entry, x, label))
            x += width + Self.entryGap
        }
        if !row.isEmpty { rows.append(row) }
        self.rows = rows
    }

    var height: Double { Double(rows.count) * Self.rowHeight }

    /// Draws the legend with its top-left corner at (`left`, `top`).
    func draw(into document: inout SVGDocument, left: Double, top: Double) {
        for (index, row) in rows.enumerated() {
            let middle = top + (Double(index) + 0.5) * Self.rowHeight
            for item in row {
                let x = left + item.x
                Self.drawSwatch(item.entry.swatch, into: &document, x: x, middle: middle)
                document.text(item.label, x: x + Self.swatchWidth + Self.labelGap, y: middle + 4,
                              size: ChartStyle.legendSize, fill: ChartStyle.ink)
            }
        }
    }

    private static func drawSwatch(_ swatch: LegendSwatch, into document: inout SVGDocument, x: Double, middle: Double) {
        let center = x + swatchWidth / 2
        switch swatch {
        case .dot(let color):
            document.rect(x: center - 4, y: middle - 4, width: 8, height: 8, fill: color, cornerRadius: 4)
        case .line(let color, let dashed):
            document.line(x1: x, y1: middle, x2: x + swatchWidth, y2: middle, stroke: color, width: 2,
                          dash: dashed ? "4 3" : nil)
        case .band(let color, let withLine):
            document.rect(x: x, y: middle - 5, width: swatchWidth, height: 10, fill: color, opacity: 0.25)
            if withLine {
                document.line(x1: x, y1: middle, x2: x + swatchWidth, y2: middle, stroke: color, width: 2)
            }
        case .cross(let color):
            document.path(PathData.cross(x: center, y: middle, radius: 4), stroke: color, width: 2)
        }
    }
}
