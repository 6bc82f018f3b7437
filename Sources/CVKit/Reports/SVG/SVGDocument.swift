/// A standalone SVG 1.1 document, built one element at a time.
///
/// Element and attribute names are `StaticString`s, so they can only come from this source code:
/// data (titles, class names, labels) can only ever be an attribute value or text content, and both
/// are XML-escaped. Elements are written one per line in call order, so the same calls give the
/// same bytes.
struct SVGDocument {
    typealias Attribute = (name: StaticString, value: String)

    /// The canvas size in whole pixels (rounded up from what was asked).
    let width: Double
    let height: Double
    private var lines: [String] = []

    /// A `width` × `height` canvas with a white background; `title` becomes the document's `<title>`
    /// (a tooltip, and what screen readers announce).
    init(width: Double, height: Double, title: String) {
        self.width = Self.pixels(width)
        self.height = Self.pixels(height)
        element("title", [], text: title)
        element("rect", [("x", "0"), ("y", "0"), ("width", SVGNumber.coordinate(self.width)),
                         ("height", SVGNumber.coordinate(self.height)), ("fill", "#FFFFFF")])
    }

    /// Appends `<name a="v" …/>`, or `<name …>text</name>` when `text` is given.
    mutating func element(_ name: StaticString, _ attributes: [Attribute], text: String? = nil) {
        var line = "<\(name)"
        for attribute in attributes {
            line += " \(attribute.name)=\"\(Self.escaped(attribute.value))\""
        }
        if let text {
            line += ">\(Self.escaped(text))</\(name)>"
        } else {
            line += "/>"
        }
        lines.append(line)
    }

    /// The whole document, ending with a newline.
    var rendered: String {
        let size = "width=\"\(SVGNumber.coordinate(width))\" height=\"\(SVGNumber.coordinate(height))\""
        let box = "viewBox=\"0 0 \(SVGNumber.coordinate(width)) \(SVGNumber.coordinate(height))\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \(size) \(box) font-family=\"sans-serif\">\n"
            + lines.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as entities, tab and line breaks as character
    /// references (so attribute values keep them), and characters XML 1.0 forbids (other control
    /// characters, U+FFFE, U+FFFF) replaced by U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// A size rounded up to whole pixels, at least 1 (and 1 for a non-finite size).
    private static func pixels(_ size: Double) -> Double {
        size.isFinite ? Swift.min(Swift.max(size.rounded(.up), 1), 100_000) : 1
    }
}

/// Where a text's x coordinate is: its start, middle or end.
enum TextAnchor: String {
    case start, middle, end
}

/// The shapes the charts draw, on top of `element`.
extension SVGDocument {
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       opacity: Double? = nil, stroke: String? = nil, cornerRadius: Double? = nil) {
        var attributes: [Attribute] = [
            ("x", SVGNumber.coordinate(x)), ("y", SVGNumber.coordinate(y)),
            ("width", SVGNumber.coordinate(Swift.max(width, 0))), ("height", SVGNumber.coordinate(Swift.max(height, 0))),
        ]
        if let cornerRadius {
            attributes.append(("rx", SVGNumber.coordinate(cornerRadius)))
        }
        attributes.append(("fill", fill))
        if let opacity { attributes.append(("fill-opacity", SVGNumber.fixed(opacity, decimals: 2))) }
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        element("rect", attributes)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil) {
        var attributes: [Attribute] = [
            ("x1", SVGNumber.coordinate(x1)), ("y1", SVGNumber.coordinate(y1)),
            ("x2", SVGNumber.coordinate(x2)), ("y2", SVGNumber.coordinate(y2)),
            ("stroke", stroke), ("stroke-width", SVGNumber.coordinate(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    /// A stroked path (no fill) when `fill` is nil, else a filled one (no stroke).
    mutating func path(_ data: String, stroke: String? = nil, width: Double = 1, fill: String? = nil,
                       opacity: Double? = nil) {
        var attributes: [Attribute] = [("d", data)]
        if let fill {
            attributes.append(("fill", fill))
            if let opacity { attributes.append(("fill-opacity", SVGNumber.fixed(opacity, decimals: 2))) }
        } else {
            attributes.append(("fill", "none"))
        }
        if let stroke {
            attributes += [("stroke", stroke), ("stroke-width", SVGNumber.coordinate(width)),
                           ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
            if fill == nil, let opacity { attributes.append(("stroke-opacity", SVGNumber.fixed(opacity, decimals: 2))) }
        }
        element("path", attributes)
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, opacity: Double? = nil,
                         stroke: String? = nil) {
        var attributes: [Attribute] = [
            ("cx", SVGNumber.coordinate(x)), ("cy", SVGNumber.coordinate(y)), ("r", SVGNumber.coordinate(radius)),
            ("fill", fill),
        ]
        if let opacity { attributes.append(("fill-opacity", SVGNumber.fixed(opacity, decimals: 2))) }
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        element("circle", attributes)
    }

    /// Text with its baseline at `y`; `rotation` in degrees turns it about (x, y).
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: TextAnchor = .start,
                       fill: String = ChartStyle.ink, bold: Bool = false, rotation: Double? = nil) {
        var attributes: [Attribute] = [
            ("x", SVGNumber.coordinate(x)), ("y", SVGNumber.coordinate(y)),
            ("font-size", SVGNumber.coordinate(size)), ("fill", fill),
        ]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotation {
            attributes.append(("transform", "rotate(\(SVGNumber.coordinate(rotation)) \(SVGNumber.coordinate(x)) \(SVGNumber.coordinate(y)))"))
        }
        element("text", attributes, text: content)
    }
}
