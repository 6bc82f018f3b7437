/// The table of a data set's columns as loading decided them (role, missing cells, categories,
/// why), which every report's Protocol shows when the data is more than numbers without gaps.
enum ColumnsMarkdown {
    static func table(_ columns: [ColumnInfo]) -> [String] {
        var table = MarkdownTable([("column", .left), ("role", .left), ("missing", .right), ("categories", .left), ("why", .left)])
        for column in columns {
            let categories = column.categories.prefix(8).joined(separator: ", ") + (column.categories.count > 8 ? ", … (\(column.categories.count))" : "")
            table.add([column.name, column.role.rawValue, String(column.missing), categories, column.reason])
        }
        return ["Columns, as loading decided them:", "", table.render(), ""]
    }
}
