import CVKit

/// The human-readable `cvkit info` output: the file, one row per column (role and why, type,
/// missing, distinct values, range or top categories), the classes, and notes.
enum InfoText {
    static func render(dataset: Dataset, counts: [Int], stats: [FeatureStatistics], seconds: Double) -> String {
        var out: [String] = []
        let numeric = dataset.featureColumns.filter { $0.role == .numeric }.count
        let categorical = dataset.featureCount - numeric
        out.append(dataset.source.path)
        out.append("  \(dataset.rowCount) rows, \(dataset.featureCount) features, \(dataset.classCount) classes in column \"\(dataset.labelName)\""
            + (categorical > 0 ? " (\(numeric) numeric, \(categorical) categorical)" : ""))
        if let groups = dataset.groupsName { out.append("  \(dataset.groupNames.count) groups in column \"\(groups)\"") }
        if let identifier = dataset.identifierName { out.append("  identifier column \"\(identifier)\" (written into predictions.csv)") }
        out.append("  sha256 \(dataset.source.sha256)")
        out.append("  \(dataset.source.byteCount) bytes loaded in \(NumberFormat.fixed(seconds * 1000, 1)) ms")
        out.append("")
        let statistics = Dictionary(uniqueKeysWithValues: stats.map { ($0.name, $0) })
        var columns = TextTable([("column", .left), ("role", .left), ("missing", .right), ("distinct", .right), ("range or top categories", .left), ("why", .left)])
        columns.wholeLastColumn = true   // the reason ends with the flag that changes the role
        for column in dataset.columns {
            var summary = ""
            if let stat = statistics[column.name] {
                summary = "\(NumberFormat.short(stat.min)) … \(NumberFormat.short(stat.max)), mean \(NumberFormat.short(stat.mean)), sd \(NumberFormat.short(stat.sd))"
            } else if column.role == .categorical, let index = dataset.featureColumns.firstIndex(where: { $0.index == column.index }) {
                summary = topCategories(dataset, feature: index)
            } else if column.role == .label {
                summary = zip(dataset.classNames, counts).prefix(4).map { "\($0) \($1)" }.joined(separator: ", ") + (counts.count > 4 ? ", …" : "")
            }
            columns.add([column.name, column.role.rawValue, column.missing > 0 ? String(column.missing) : "", column.distinct.map(String.init) ?? "",
                         summary, column.reason])
        }
        out.append(columns.render(indent: "  "))
        out.append("")
        var classes = TextTable([("class", .left), ("rows", .right), ("share", .right)])
        for (name, count) in zip(dataset.classNames, counts) {
            classes.add([name, String(count), NumberFormat.percent(Double(count) / Double(dataset.rowCount))])
        }
        out.append(classes.render(indent: "  "))
        var notes: [String] = []
        let constant = stats.filter { $0.sd == 0 }.map(\.name)
        if !constant.isEmpty {
            notes.append("\(constant.count) constant feature\(constant.count == 1 ? "" : "s") (sd 0), kept but uninformative: "
                + constant.prefix(8).joined(separator: ", ") + (constant.count > 8 ? ", …" : ""))
        }
        let gaps = dataset.featureColumns.filter { $0.missing > 0 }
        if !gaps.isEmpty {
            notes.append("missing values in " + gaps.map { "\($0.name) (\($0.missing))" }.joined(separator: ", ")
                + ": imputed inside each fold (numbers: the training part's median and a missing-indicator column; categories: their own category); --no-impute refuses them")
        }
        for column in dataset.columns where column.role == .identifier && !column.reason.hasPrefix("declared") {
            notes.append("\"\(column.name)\" looks like an identifier and is left out of the features; --categorical \(column.name) encodes it, --drop \(column.name) silences this note")
        }
        for column in dataset.featureColumns where column.role == .categorical && column.categories.count > 50 {
            notes.append("\"\(column.name)\" has \(column.categories.count) categories: one column each; --min-category-count N folds the rare ones")
        }
        if !notes.isEmpty {
            out.append("")
            for note in notes { out.append("  note: " + note) }
        }
        return out.joined(separator: "\n")
    }

    /// The most common categories of feature `index` with their counts.
    private static func topCategories(_ dataset: Dataset, feature index: Int) -> String {
        let column = dataset.featureColumns[index]
        var counts = [Int](repeating: 0, count: column.categories.count)
        let width = dataset.featureCount
        for row in 0..<dataset.rowCount {
            let cell = dataset.features[row * width + index]
            if let code = Int(exactly: cell), counts.indices.contains(code) { counts[code] += 1 }
        }
        let top = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        return top.prefix(3).map { "\(column.categories[$0]) \(counts[$0])" }.joined(separator: ", ") + (top.count > 3 ? ", …" : "")
    }

    /// Exact twins and row-number columns, with what to do about them.
    static func leakGuards(twins: DuplicateRows, rowNumbers: [String], rows: Int) -> String {
        var out = ["duplicates: \(twins.duplicateRows) of \(rows) rows share their features with another row (\(twins.sets) set\(twins.sets == 1 ? "" : "s"), "
            + "\(twins.disagreeingSets) disagreeing on the label)"]
        if twins.looksLikeCopies {
            out.append("  warning: the twins agree on the label: they look like copied rows. Cross-validate with --group-duplicates to score new rows only.")
        }
        for warning in RowNumberColumns.warning(rowNumbers) { out.append("warning: \(warning)") }
        return out.joined(separator: "\n")
    }
}
