extension SVGCharts {
    /// A heat map of a confusion matrix: rows = true class, columns = predicted; cell colour by the
    /// row-normalized share (white → dark blue), the count printed in each cell (white text on dark cells),
    /// class names on both axes (truncate names longer than 16 characters with "…"), axis titles "true" and "predicted".
    ///
    /// The matrix has as many classes as the most of `classNames`, rows of `counts`, and columns of
    /// any row; a missing count is 0 and a missing name is the class index. Cells are 48 pixels wide
    /// for up to 10 classes, then shrink to keep the matrix near 480 pixels, but never below 20, so
    /// the chart grows with the class count (a long title widens it up to 720 pixels, then is
    /// shortened with "…"). A colour bar at the right reads shares off colours;
    /// a row with no samples stays white. Column names longer than a cell is wide are slanted.
    public static func confusion(classNames: [String], counts: [[Int]], title: String) -> String {
        let classCount = max(classNames.count, counts.count, counts.map(\.count).max() ?? 0)
        guard classCount > 0 else { return emptyChart(title: title, message: "no classes") }
        let names = (0..<classCount).map { index in
            TextMetrics.truncated(index < classNames.count ? classNames[index] : String(index), characters: 16)
        }
        func count(_ row: Int, _ column: Int) -> Int {
            row < counts.count && column < counts[row].count ? counts[row][column] : 0
        }

        let cell = min(48, max(20, (480 / Double(classCount)).rounded(.down)))
        let nameSize = cell >= 30 ? 12.0 : 10.0
        let nameWidth = names.map { TextMetrics.width($0, size: nameSize) }.max() ?? 0
        let slanted = nameWidth > cell - 4
        let columnNamesHeight = slanted ? nameWidth * 0.71 + 12 : nameSize + 8
        let matrixSize = cell * Double(classCount)
        let left = ChartStyle.margin + 22 + nameWidth + 10
        let top = 52.0
        let colourBarLeft = left + matrixSize + 24
        let titleWidth = min(TextMetrics.width(title, size: ChartStyle.titleSize) + 2 * ChartStyle.margin, ChartStyle.width)
        let barLabelWidth = TextMetrics.width("% of row", size: ChartStyle.tickSize)
        let width = max(colourBarLeft + 18 + barLabelWidth + ChartStyle.margin, titleWidth, 360)
        let height = top + matrixSize + columnNamesHeight + 24 + ChartStyle.margin
        var document = SVGDocument(width: width, height: height, title: title)
        ChartStyle.drawTitle(title, into: &document)

        // Cells, with counts.
        let digits = String((0..<classCount).flatMap { row in (0..<classCount).map { count(row, $0) } }.max() ?? 0).count
        let countSize = max(7, min(13, cell * 0.42, (cell - 4) / (Double(max(digits, 1)) * 0.6)))
        for row in 0..<classCount {
            let total = (0..<classCount).reduce(0.0) { $0 + Double(max(count(row, $1), 0)) }
            for column in 0..<classCount {
                let value = count(row, column)
                let share = total > 0 ? Double(max(value, 0)) / total : 0
                let x = left + Double(column) * cell
                let y = top + Double(row) * cell
                let colour = ConfusionColours.colour(share)
                document.rect(x: x, y: y, width: cell, height: cell, fill: colour.hex, stroke: "#FFFFFF")
                document.text(String(value), x: x + cell / 2, y: y + cell / 2 + countSize * 0.35, size: countSize,
                              anchor: .middle, fill: colour.isDark ? "#FFFFFF" : ChartStyle.ink)
            }
        }
        document.rect(x: left, y: top, width: matrixSize, height: matrixSize, fill: "none", stroke: ChartStyle.axisLine)

        // Class names: true classes left of the rows, predicted classes under the columns.
        for (index, name) in names.enumerated() {
            let middle = Double(index) * cell + cell / 2
            document.text(name, x: left - 6, y: top + middle + nameSize * 0.35, size: nameSize, anchor: .end)
            if slanted {
                let x = left + middle + nameSize * 0.35
                let y = top + matrixSize + 8
                document.text(name, x: x, y: y, size: nameSize, anchor: .end, rotation: -45)
            } else {
                document.text(name, x: left + middle, y: top + matrixSize + nameSize + 4, size: nameSize, anchor: .middle)
            }
        }
        document.text("true", x: ChartStyle.margin + 12, y: top + matrixSize / 2, size: ChartStyle.axisTitleSize,
                      anchor: .middle, bold: true, rotation: -90)
        document.text("predicted", x: left + matrixSize / 2, y: top + matrixSize + columnNamesHeight + 16,
                      size: ChartStyle.axisTitleSize, anchor: .middle, bold: true)

        // Colour bar: ten steps from 0 to 100 % of the row.
        let barHeight = min(matrixSize, 200)
        let steps = 10
        for step in 0..<steps {
            let share = (Double(step) + 0.5) / Double(steps)
            let y = top + barHeight * (1 - Double(step + 1) / Double(steps))
            document.rect(x: colourBarLeft, y: y, width: 14, height: barHeight / Double(steps) + 0.5,
                          fill: ConfusionColours.colour(share).hex)
        }
        document.rect(x: colourBarLeft, y: top, width: 14, height: barHeight, fill: "none", stroke: ChartStyle.axisLine)
        for (share, label) in [(1.0, "100%"), (0.0, "0%")] {
            document.text(label, x: colourBarLeft + 18, y: top + barHeight * (1 - share) + 4, size: ChartStyle.tickSize,
                          fill: ChartStyle.mutedInk)
        }
        if barHeight >= 60 {
            document.text("% of row", x: colourBarLeft + 18, y: top + barHeight / 2 + 4, size: ChartStyle.tickSize,
                          fill: ChartStyle.mutedInk)
        }
        return document.rendered
    }
}

/// The confusion matrix's colour scale: white at share 0, through mid blue, to dark blue at 1
/// (the ends of ColorBrewer's "Blues").
enum ConfusionColours {
    private static let stops: [(share: Double, red: Double, green: Double, blue: Double)] = [
        (0, 255, 255, 255), (0.5, 107, 174, 214), (1, 8, 48, 107),
    ]

    /// The colour at `share` (clamped to 0…1; non-finite counts as 0), and whether it is dark
    /// enough to need white text.
    static func colour(_ share: Double) -> (hex: String, isDark: Bool) {
        let t = share.isFinite ? min(max(share, 0), 1) : 0
        let upper = t <= 0.5 ? 1 : 2
        let (a, b) = (stops[upper - 1], stops[upper])
        let f = (t - a.share) / (b.share - a.share)
        let red = a.red + (b.red - a.red) * f
        let green = a.green + (b.green - a.green) * f
        let blue = a.blue + (b.blue - a.blue) * f
        let luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255
        let hex = [red, green, blue].reduce("#") { text, channel in
            let digits = String(Int(channel.rounded()), radix: 16, uppercase: true)
            return text + (digits.count < 2 ? "0" : "") + digits
        }
        return (hex, luminance < 0.5)
    }
}
