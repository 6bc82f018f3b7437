import Foundation
import Testing
@testable import CVKit

@Suite struct SVGConfusionTests {
    @Test func classNamesAreEscaped() throws {
        let svg = SVGCharts.confusion(classNames: [##"a<b & "c""##, "d'e"], counts: [[3, 1], [0, 4]], title: "x & y")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        #expect(SVGChecks.count("a&lt;b &amp; &quot;c&quot;", in: svg) == 2)
        #expect(SVGChecks.count("d&apos;e", in: svg) == 2)
        #expect(!svg.contains("a<b"))
        #expect(svg.contains(">x &amp; y</text>"))
    }

    @Test func cellsCarryCountsAxisTitlesAndShares() throws {
        let svg = SVGCharts.confusion(classNames: ["setosa", "versicolor", "virginica"],
                                      counts: [[50, 0, 0], [0, 47, 3], [0, 2, 48]], title: "iris")
        #expect(try SVGChecks.xmlProblem(svg) == nil)
        let texts = SVGChecks.texts(svg)
        for expected in ["true", "predicted", "50", "47", "48", "3", "2"] { #expect(texts.contains(expected)) }
        #expect(texts.filter { $0 == "0" }.count == 4)
        #expect(texts.filter { $0 == "setosa" }.count == 2)
        // A whole row on the diagonal is the darkest blue, with white text.
        #expect(svg.contains(##"fill="#08306B" stroke="#FFFFFF""##))
        let lines = svg.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasSuffix(">50</text>") && $0.contains(##"fill="#FFFFFF""##) })
        // An empty cell stays white with dark text.
        #expect(lines.contains { $0.hasSuffix(">0</text>") && $0.contains(##"fill="#222222""##) })
        #expect(!lines.contains { $0.hasSuffix(">0</text>") && $0.contains(##"fill="#FFFFFF""##) })
    }

    @Test func longNamesAreTruncatedToSixteenCharacters() {
        let svg = SVGCharts.confusion(classNames: ["abcdefghijklmnopqrstuvwxyz", "sixteen chars ok"],
                                      counts: [[1, 0], [0, 1]], title: "names")
        #expect(svg.contains(">abcdefghijklmno…</text>"))
        #expect(!svg.contains("abcdefghijklmnop"))
        #expect(svg.contains(">sixteen chars ok</text>"))
    }

    @Test func cellSizeGrowsThenShrinksBetweenBounds() {
        func cellWidths(_ n: Int) -> Set<String> {
            let svg = SVGCharts.confusion(classNames: (0..<n).map { "c\($0)" },
                                          counts: Array(repeating: Array(repeating: 1, count: n), count: n), title: "n")
            return Set(svg.components(separatedBy: "\n").filter { $0.contains(##"stroke="#FFFFFF""##) }.compactMap {
                $0.components(separatedBy: "width=\"").dropFirst().first?.components(separatedBy: "\"").first
            })
        }
        #expect(cellWidths(1) == ["48.0"])
        #expect(cellWidths(10) == ["48.0"])
        #expect(cellWidths(16) == ["30.0"])
        #expect(cellWidths(60) == ["20.0"])
    }

    @Test func aLongTitleIsShortenedNotWidened() {
        let svg = SVGCharts.confusion(classNames: ["a", "b"], counts: [[1, 0], [0, 1]],
                                      title: String(repeating: "long title ", count: 50))
        #expect(svg.contains(#"width="720.0" height="#))
        #expect(SVGChecks.texts(svg).contains { $0.hasPrefix("long title") && $0.hasSuffix("…") })
    }

    @Test func degenerateMatricesRender() throws {
        let cases = [
            SVGCharts.confusion(classNames: ["only"], counts: [[7]], title: "one class"),
            SVGCharts.confusion(classNames: ["a", "b"], counts: [[0, 0], [0, 0]], title: "no samples"),
            SVGCharts.confusion(classNames: [], counts: [], title: "nothing"),
            SVGCharts.confusion(classNames: ["a"], counts: [[1, 2, 3], [4]], title: "ragged"),
            SVGCharts.confusion(classNames: ["a", "b"], counts: [[-1, 1], [Int.max, 0]], title: "odd counts"),
        ]
        for svg in cases {
            #expect(try SVGChecks.xmlProblem(svg) == nil)
            #expect(!SVGChecks.mentionsNonFinite(svg))
        }
        #expect(SVGChecks.count(##"stroke="#FFFFFF""##, in: cases[3]) == 9)
    }

    @Test func sameInputSameBytes() {
        let make = { SVGCharts.confusion(classNames: ["a", "b"], counts: [[1, 2], [3, 4]], title: "t") }
        #expect(make() == make())
    }
}
