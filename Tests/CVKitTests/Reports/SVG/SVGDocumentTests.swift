import Foundation
import Testing
@testable import CVKit

@Suite struct SVGDocumentTests {
    @Test func escapesTheFiveMarkupCharacters() {
        #expect(SVGDocument.escaped(##"a<b & "c" 'd'>"##) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    }

    @Test func replacesCharactersXMLForbidsAndKeepsLineBreaks() {
        #expect(SVGDocument.escaped("x\u{1}y\u{FFFF}") == "x\u{FFFD}y\u{FFFD}")
        #expect(SVGDocument.escaped("a\nb\tc") == "a&#10;b&#9;c")
        #expect(SVGDocument.escaped("épée 😀 …") == "épée 😀 …")
    }

    @Test func dataOnlyEverBecomesValuesOrText() throws {
        var document = SVGDocument(width: 100, height: 50, title: "</title><script>x</script>")
        document.text(##"" onload="alert(1)"##, x: 1, y: 2, size: 10)
        document.rect(x: 0, y: 0, width: 1, height: 1, fill: ##"red" onclick="x"##)
        let svg = document.rendered
        #expect(!svg.contains("<script"))
        #expect(!svg.contains(##"" onload"##))
        #expect(!svg.contains(##"" onclick"##))
        #expect(try SVGChecks.xmlProblem(svg) == nil)
    }

    @Test func standaloneHeaderWithWhiteBackground() throws {
        let svg = SVGDocument(width: 720.2, height: 360, title: "t").rendered
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(##"width="721.0" height="360.0" viewBox="0 0 721.0 360.0" font-family="sans-serif""##))
        #expect(svg.contains(##"<rect x="0" y="0" width="721.0" height="360.0" fill="#FFFFFF"/>"##))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(try SVGChecks.xmlProblem(svg) == nil)
    }

    @Test func checkerRejectsMalformedXML() throws {
        #expect(try SVGChecks.xmlProblem("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>") != nil)
        #expect(try SVGChecks.xmlProblem("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a<b</text></svg>") != nil)
        #expect(try SVGChecks.xmlProblem("<html/>") != nil)
    }

    @Test func numbersHaveFixedPrecisionAndNeverSpellNonFinite() {
        #expect(SVGNumber.coordinate(12.345) == "12.3")
        #expect(SVGNumber.coordinate(-0.04) == "0.0")
        #expect(SVGNumber.coordinate(.nan) == "0.0")
        #expect(SVGNumber.coordinate(.infinity) == "0.0")
        #expect(SVGNumber.coordinate(1e300) == "1000000.0")
        #expect(SVGNumber.fixed(0.25, decimals: 2) == "0.25")
        #expect(SVGNumber.fixed(-0.001, decimals: 2) == "0.00")
        #expect(SVGNumber.short(0.91234) == "0.912")
        #expect(SVGNumber.short(1e-5) == "1e-05")
        #expect(SVGNumber.short(-.nan) == "0")
    }
}
