/// A place in an input file, written `file:line:column` as compilers do, so editors can jump to it.
///
/// `line` is 1-based and counts physical lines (every LF, so the blank lines libcsv skips still
/// count). `column` is the 1-based CSV column (field number), not a byte offset: it is what a user
/// finds in a spreadsheet. It is `nil` when the problem is the whole line or the whole file.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
