/// A plain-text table for the terminal: a header row, a rule, left-aligned text, right-aligned numbers.
/// Cells longer than `maxCell` characters (a class name can be anything the data holds) are cut
/// with "…": the terminal shows a summary, the report files keep the whole text. The last column
/// is never cut when `wholeLastColumn` (a sentence that ends with the flag that changes it, as
/// `info`'s "why"): nothing stands to its right, and a long line is wrapped, not lost.
struct TextTable {
    static let maxCell = 60
    var wholeLastColumn = false

    enum Alignment { case left, right }

    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) { self.columns = columns.map { (title: $0.0, alignment: $0.1) } }

    mutating func add(_ row: [String]) {
        rows.append(row.enumerated().map { index, cell in
            cell.count > Self.maxCell && !(wholeLastColumn && index == columns.count - 1) ? String(cell.prefix(Self.maxCell - 1)) + "…" : cell
        })
    }

    func render(indent: String = "") -> String {
        var widths = columns.map { $0.title.count }
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .left ? cell + pad : pad + cell
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(columns.map(\.title)), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
