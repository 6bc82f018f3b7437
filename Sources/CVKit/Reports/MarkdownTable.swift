/// A GitHub-flavoured Markdown pipe table: text left-aligned, numbers right-aligned.
///
/// Cells are escaped with `Markdown.escape`, so a class named `a|b` or `*x*` cannot break the
/// table or turn into formatting.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    /// Adds a row of raw text (escaped when rendered).
    public mutating func add(_ cells: [String]) { rows.append(cells) }

    /// Adds a row whose cells are already Markdown (e.g. code spans); not escaped.
    public mutating func addMarkdown(_ cells: [String]) { rows.append(cells.map { Markdown.Raw.marker + $0 }) }

    public func render() -> String {
        func cell(_ text: String) -> String {
            text.hasPrefix(Markdown.Raw.marker) ? String(text.dropFirst(Markdown.Raw.marker.count)) : Markdown.escape(text)
        }
        var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + alignments.map { $0 == .left ? ":---" : "---:" }.joined(separator: "|") + "|")
        for row in rows {
            let padded = row + Array(repeating: "", count: max(0, header.count - row.count))
            lines.append("| " + padded.map(cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

/// Escaping for text from data (class and column names) placed in Markdown.
public enum Markdown {
    enum Raw { static let marker = "\u{0}raw:" }

    /// Backslash-escapes the characters that make emphasis, code, links or strike-through and the
    /// table separator `|`; writes `<`, `>` and `&` as entities; turns line breaks into spaces. The
    /// text then shows as written inside a paragraph or a table cell, and no HTML or link is ever
    /// formed from data.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// An inline code span that holds any text: the fence is longer than any backtick run inside.
    public static func code(_ text: String) -> String {
        let clean = text.replacing("\n", with: " ")
        var longest = 0, run = 0
        for character in clean {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = clean.hasPrefix("`") || clean.hasSuffix("`") ? " " : ""
        return fence + pad + clean + pad + fence
    }
}
