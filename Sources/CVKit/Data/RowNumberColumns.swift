/// Numeric columns that look like row numbers: a model can learn the file's order from them, and a
/// file sorted by class turns that into the label.
public enum RowNumberColumns {
    /// The names of numeric feature columns that are, over at least 10 rows: without missing cells,
    /// whole numbers, all distinct and strictly monotonic (increasing or decreasing) in file order —
    /// an index, a running id, a timestamp of insertion. Name them with `--id` or `--drop`.
    public static func detect(_ dataset: Dataset) -> [String] {
        let n = dataset.rowCount, width = dataset.featureCount
        guard n >= 10 else { return [] }
        return dataset.featureColumns.indices.compactMap { j in
            let column = dataset.featureColumns[j]
            guard column.role == .numeric, column.missing == 0 else { return nil }
            var previous = column.encoding.value(dataset.features[j])
            var direction = 0.0
            for row in 1..<n {
                let value = column.encoding.value(dataset.features[row * width + j])
                guard value.isFinite, value == value.rounded(), previous == previous.rounded(), value != previous else { return nil }
                let step: Double = value > previous ? 1 : -1
                if direction == 0 { direction = step } else if step != direction { return nil }
                previous = value
            }
            return column.name
        }
    }

    /// The warning for `names` (empty when there are none).
    public static func warning(_ names: [String]) -> [String] {
        guard !names.isEmpty else { return [] }
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return ["\(names.count == 1 ? "Column" : "Columns") \(list) \(names.count == 1 ? "is a" : "are") unique, monotonic integer sequence\(names.count == 1 ? "" : "s"): "
            + "likely a row number or identifier. A model can learn the file's order from it (in a file sorted by class, that is the label). "
            + "Name it with --id \(names[0]) (or --drop \(names[0])) unless it truly is a feature."]
    }
}
