import Foundation
import Testing
@testable import CVKit

@Suite struct MarkdownTableTests {
    @Test func escapesDataSoTablesStayTables() {
        var table = MarkdownTable([("class", .left), ("n", .right)])
        table.add(["a|b *x* [link](http://e) <script>&", "3"])
        let lines = table.render().split(separator: "\n")
        #expect(lines[0] == "| class | n |")
        #expect(lines[1] == "|:---|---:|")
        #expect(lines[2] == "| a\\|b \\*x\\* \\[link\\](http://e) &lt;script&gt;&amp; | 3 |")
        // Exactly the two column separators plus the edges: the `|` inside the name is escaped.
        #expect(lines[2].replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 3)
    }

    @Test func lineBreaksBecomeSpacesAndRawCellsPassThrough() {
        #expect(Markdown.escape("two\nlines") == "two lines")
        var table = MarkdownTable([("file", .left)])
        table.addMarkdown(["`x`"])
        #expect(table.render().hasSuffix("| `x` |"))
    }

    @Test func codeSpansHoldBackticks() {
        #expect(Markdown.code("plain") == "`plain`")
        #expect(Markdown.code("a`b") == "``a`b``")
        #expect(Markdown.code("`edge") == "`` `edge ``")
    }
}
