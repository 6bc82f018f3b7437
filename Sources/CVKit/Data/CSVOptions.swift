/// How to read a CSV file: its format, which column plays which role, and what counts as missing.
public struct CSVOptions: Sendable, Equatable, Codable {
    /// Whether the first row names the columns. Without a header, columns are named `c0`, `c1`, ….
    public var hasHeader: Bool
    /// The class label column. Default: the last column.
    public var label: ColumnSelector
    /// A column of group ids for group K-fold; it is neither a feature nor the label.
    public var groups: ColumnSelector?
    /// One ASCII byte other than a quote, CR or LF. Default `,`.
    public var delimiter: UInt8
    /// The decimal mark of numbers: `.` (default) or `,` (`2,5` is 2.5; use it with `--delimiter ';'`).
    public var decimal: UInt8
    /// Columns that are read but never used (`--drop`).
    public var drop: [ColumnSelector]
    /// The identifier column (`--id`): never a feature, carried into `predictions.csv`.
    public var identifier: ColumnSelector?
    /// Columns declared categorical (`--categorical`): every value is a category name, numbers too.
    public var categorical: [ColumnSelector]
    /// Columns declared numeric (`--numeric`): a value that is not a number is an error with its location.
    public var numeric: [ColumnSelector]
    /// Texts that mark a missing value, besides the empty field (always missing). nil: pandas'
    /// `read_csv` default `na_values` (`MissingMarkers.pandasDefaults`); `--na-values` replaces the list.
    public var naValues: [String]?
    /// Whether missing feature values are imputed in each fold (default). false (`--no-impute`): a
    /// missing feature value is an error with its location, as before cvkit imputed.
    public var impute: Bool
    /// Categories with fewer training rows than this fold into one `(other)` column (default 1: keep all).
    public var minCategoryCount: Int
    /// Whether a file without the label column loads (for predictions: `labels` and `classNames`
    /// are then empty). Default false: the label column must exist.
    public var labelOptional = false

    public init(hasHeader: Bool = true, label: ColumnSelector = .last, groups: ColumnSelector? = nil, delimiter: UInt8 = 0x2C,
                decimal: UInt8 = 0x2E, drop: [ColumnSelector] = [], identifier: ColumnSelector? = nil, categorical: [ColumnSelector] = [],
                numeric: [ColumnSelector] = [], naValues: [String]? = nil, impute: Bool = true, minCategoryCount: Int = 1) {
        self.hasHeader = hasHeader
        self.label = label
        self.groups = groups
        self.delimiter = delimiter
        self.decimal = decimal
        self.drop = drop
        self.identifier = identifier
        self.categorical = categorical
        self.numeric = numeric
        self.naValues = naValues
        self.impute = impute
        self.minCategoryCount = minCategoryCount
    }

    /// The missing-value markers these options name.
    var missingMarkers: [String] { naValues ?? MissingMarkers.pandasDefaults }

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

    /// Reads `--decimal`: `.` or `,`.
    public static func decimal(parsing text: String) throws -> UInt8 {
        switch text {
        case ".": return 0x2E
        case ",": return 0x2C
        default: throw CVKitError.invalidArgument("--decimal takes . or , (got \"\(text)\")")
        }
    }

    /// Checks that the options can mean something together (thrown as `invalidArgument`).
    public func validate() throws {
        if decimal == delimiter {
            throw CVKitError.invalidArgument("the decimal mark and the delimiter are both \"\(String(UnicodeScalar(decimal)))\"; "
                + "with --decimal , use --delimiter ';'")
        }
        if minCategoryCount < 1 { throw CVKitError.invalidArgument("--min-category-count must be at least 1 (got \(minCategoryCount))") }
    }
}

/// A column chosen by name or by 0-based index (the `c0, c1, …` numbering used without a header).
public enum ColumnSelector: Sendable, Equatable, Codable, CustomStringConvertible {
    case last
    case name(String)
    case index(Int)

    /// `"label"` → a name; `"3"` → a name if a column is called "3", else index 3.
    public init(parsing text: String) { self = .name(text) }

    /// A comma-separated list as typed after `--drop` or `--categorical`.
    public static func list(parsing text: String) -> [ColumnSelector] {
        text.split(separator: ",", omittingEmptySubsequences: true).map { .name(String($0)) }
    }

    public var description: String {
        switch self {
        case .last: "the last column"
        case .name(let name): "\"\(name)\""
        case .index(let index): "column index \(index)"
        }
    }

    /// The text that selects this column on a command line.
    var argument: String {
        switch self {
        case .last: ""
        case .name(let name): name
        case .index(let index): String(index)
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
