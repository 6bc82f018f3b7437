import Foundation

/// The width text should fit: `COLUMNS` when set to a number, else the terminal's (when standard
/// output is one), else nil (output to a file or pipe keeps its full lines).
enum TerminalWidth {
    static func current() -> Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
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
}
