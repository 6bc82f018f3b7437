import CVKit

/// The human-readable `cvkit info` output.
enum InfoText {
    static func render(dataset: Dataset, counts: [Int], stats: [FeatureStatistics], seconds: Double) -> String {
        var out: [String] = []
        out.append(dataset.source.path)
        out.append("  \(dataset.rowCount) rows, \(dataset.featureCount) features, \(dataset.classCount) classes in column \"\(dataset.labelName)\"")
        if let groups = dataset.groupsName { out.append("  \(dataset.groupNames.count) groups in column \"\(groups)\"") }
        out.append("  sha256 \(dataset.source.sha256)")
        out.append("  \(dataset.source.byteCount) bytes loaded in \(NumberFormat.fixed(seconds * 1000, 1)) ms")
        out.append("")
        var classes = TextTable([("class", .left), ("rows", .right), ("share", .right)])
        for (name, count) in zip(dataset.classNames, counts) {
            classes.add([name, String(count), NumberFormat.percent(Double(count) / Double(dataset.rowCount))])
        }
        out.append(classes.render(indent: "  "))
        out.append("")
        var features = TextTable([("feature", .left), ("min", .right), ("mean", .right), ("sd", .right), ("max", .right)])
        for stat in stats {
            features.add([stat.name, NumberFormat.short(Double(stat.min)), NumberFormat.short(stat.mean), NumberFormat.short(stat.sd), NumberFormat.short(Double(stat.max))])
        }
        out.append(features.render(indent: "  "))
        let constant = stats.filter { $0.sd == 0 }.map(\.name)
        if !constant.isEmpty {
            out.append("")
            out.append("  note: \(constant.count) constant feature\(constant.count == 1 ? "" : "s") (sd 0), kept but uninformative: "
                + constant.prefix(8).joined(separator: ", ") + (constant.count > 8 ? ", …" : ""))
        }
        return out.joined(separator: "\n")
    }
}
