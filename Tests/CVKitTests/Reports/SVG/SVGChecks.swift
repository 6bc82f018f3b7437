import Foundation

/// Checks on chart output shared by the SVG tests.
enum SVGChecks {
    /// Nil when `svg` is well-formed XML whose root is an `svg` element in the SVG namespace, else
    /// what is wrong. Python's `xml.dom.minidom` (expat) parses it, since Foundation's `XMLDocument`
    /// is missing from some Linux toolchains.
    static func xmlProblem(_ svg: String) throws -> String? {
        let folder = try ProjectFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/chart.svg"
        try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys, xml.dom.minidom
            root = xml.dom.minidom.parse(sys.argv[1]).documentElement
            if root.tagName != 'svg' or root.namespaceURI != 'http://www.w3.org/2000/svg':
                sys.exit('root element is not svg in the SVG namespace')
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self)
            return text.isEmpty ? "python3 exited with status \(process.terminationStatus)" : text
        }
        return nil
    }

    /// Whether the output spells a non-finite number anywhere ("nan", "inf", in any case).
    static func mentionsNonFinite(_ svg: String) -> Bool {
        let lowered = svg.lowercased()
        return lowered.contains("nan") || lowered.contains("inf")
    }

    /// How often `needle` occurs in `text`, without overlaps.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The contents of the document's `<text>` elements, as written (still escaped).
    static func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("<text"), let open = line.firstIndex(of: ">"),
                  let close = line.range(of: "</text>", options: .backwards) else { return nil }
            return String(line[line.index(after: open)..<close.lowerBound])
        }
    }
}
