import Foundation

/// The width text should fit: `COLUMNS` when set to a number, else the terminal's (when standard
/// output is one), else nil (output to a file or pipe keeps its full lines).
enum TerminalWidth {
    static func current(fileDescriptor: Int32 = STDOUT_FILENO) -> Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        guard isatty(fileDescriptor) == 1, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` broken at spaces into lines of at most `width` columns: the first starts with `first`,
    /// the others with `rest` (a word longer than a line is cut, never lost). Lengths are counted in
    /// UTF-8 bytes, never fewer than the columns a character takes, so a line fits whatever counts it.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = lineHasWord ? line + " " + word : line + word
            if candidate.utf8.count <= width || !lineHasWord {
                line = candidate
                lineHasWord = true
                while line.utf8.count > width {
                    var head = ""
                    for character in line where head.utf8.count + character.utf8.count <= width { head.append(character) }
                    if head.isEmpty { break }
                    lines.append(head)
                    line = rest + line.dropFirst(head.count)
                }
            } else {
                lines.append(line)
                line = rest + word
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` with every line longer than the terminal (`current()`, in characters: one column each
    /// for the text cvkit prints) broken at spaces, the continuation indented two spaces past the
    /// line's own indentation; a word longer than a line stays whole. Unchanged without a width.
    static func fit(_ text: String, width: Int? = current()) -> String {
        guard let width, width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            guard line.count > width else { return line }
            let indent = String(line.prefix { $0 == " " })
            var lines: [String] = [], current = indent
            for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
                let atStart = current == indent || current.allSatisfy { $0 == " " }
                let candidate = atStart ? current + word : current + " " + word
                if candidate.count <= width || atStart {
                    current = candidate
                } else {
                    lines.append(current)
                    current = indent + "  " + word
                }
            }
            lines.append(current)
            return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension TerminalWidth {
    /// Redraws the in-place line on stderr: erase, then `line` cut to `width` with one column spare,
    /// so the cursor never wraps into a stale line. Shared by `Progress` and `Standard.status`.
    static func redraw(_ line: String, width: Int?) {
        var text = line
        if let width, text.count > width - 1 { text = String(text.prefix(max(width - 2, 1))) + "…" }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}

/// `print`, fitted to the terminal's width (`TerminalWidth.fit`).
func printFitted(_ text: String) { print(TerminalWidth.fit(text)) }
