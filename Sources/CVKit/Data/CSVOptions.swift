/// How to read a CSV file.
public struct CSVOptions: Sendable, Equatable {
    /// Whether the first row names the columns. Without a header, columns are named `c0`, `c1`, ….
    public var hasHeader: Bool
    /// The class label column. Default: the last column.
    public var label: ColumnSelector
    /// A column of group ids for group K-fold; it is neither a feature nor the label.
    public var groups: ColumnSelector?
    /// One ASCII byte other than a quote, CR or LF. Default `,`.
    public var delimiter: UInt8

    public init(hasHeader: Bool = true, label: ColumnSelector = .last, groups: ColumnSelector? = nil, delimiter: UInt8 = 0x2C) {
        self.hasHeader = hasHeader
        self.label = label
        self.groups = groups
        self.delimiter = delimiter
    }

    /// Reads a delimiter as typed on a command line: one character, or `\t` / `tab` for a tab.
    public static func delimiter(parsing text: String) throws -> UInt8 {
        switch text {
        case "\\t", "tab", "\t": return 0x09
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, bytes[0] < 0x80, ![0x22, 0x0A, 0x0D, 0x00].contains(bytes[0]) else {
                throw CVKitError.invalidArgument(
                    "the delimiter must be one ASCII character other than a quote or a line break (or \\t for a tab); got \"\(text)\"")
            }
            return bytes[0]
        }
    }
}

/// A column chosen by name or by 0-based index (the `c0, c1, …` numbering used without a header).
public enum ColumnSelector: Sendable, Equatable, CustomStringConvertible {
    case last
    case name(String)
    case index(Int)

    /// `"label"` → a name; `"3"` → a name if a column is called "3", else index 3.
    public init(parsing text: String) { self = .name(text) }

    public var description: String {
        switch self {
        case .last: "the last column"
        case .name(let name): "\"\(name)\""
        case .index(let index): "column index \(index)"
        }
    }

    /// The 0-based index of the chosen column among `names`, or nil when there is none.
    func resolve(in names: [String]) -> Int? {
        switch self {
        case .last: return names.isEmpty ? nil : names.count - 1
        case .name(let name):
            if let index = names.firstIndex(of: name) { return index }
            if let index = Int(name), names.indices.contains(index) { return index }
            return nil
        case .index(let index): return names.indices.contains(index) ? index : nil
        }
    }
}
