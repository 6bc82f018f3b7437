/// Rows whose features are identical but whose labels differ: no classifier can tell them apart.
///
/// Rows are grouped by their exact feature values; a group holding more than one label makes all
/// its rows "conflicting". At best a model predicts each group's most common label, so the highest
/// reachable accuracy is `Σ_groups (largest label count) / rows`.
struct ConflictingRows: Equatable {
    /// Rows that have an identical twin with another label.
    var rows: Int
    /// The best accuracy any classifier can reach on these rows.
    var reachableAccuracy: Double

    init(features: [Float], labels: [Int32], width: Int) {
        var groups: [[Float]: [Int32: Int]] = [:]
        for (row, label) in labels.enumerated() {
            groups[Array(features[row * width..<(row + 1) * width]), default: [:]][label, default: 0] += 1
        }
        var conflicting = 0, reachable = 0
        for counts in groups.values {
            if counts.count > 1 { conflicting += counts.values.reduce(0, +) }
            reachable += counts.values.max() ?? 0
        }
        rows = conflicting
        reachableAccuracy = labels.isEmpty ? 1 : Double(reachable) / Double(labels.count)
    }
}
