/// A fitted `Preprocessing` in the data's own units and category names, so that it applies to
/// any file with the same columns: what a model file keeps.
///
/// `Preprocessing` works in a data set's storage (`ColumnEncoding`) and category codes, which
/// belong to the file it was fitted on. Here every number is in the column's units (the median
/// imputed, the mean and 1/SD of standardization) and every category is named; `rebased(on:)` turns
/// it back into a `Preprocessing` for another data set, checking that the columns are there.
public struct PortablePreprocessing: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case numeric, categorical }

    public struct Column: Sendable, Equatable, Codable {
        public var name: String
        public var kind: Kind
        // Numeric: x ↦ ((x or fill) − mean) · scale, and the indicator ((missing ? 1 : 0) − indicator[0]) · indicator[1].
        public var fill: Double?
        public var mean: Double?
        public var scale: Double?
        public var indicator: [Double]?
        // Categorical: one output per kept category (in order), then "(missing)" and "(other)" when present.
        public var outputs: [String]?
        /// Categories folded into `(other)` (rare in the training rows; `(missing)` when missing cells were).
        public var other: [String]?
    }

    public var columns: [Column]

    /// The portable form of `preprocessing`, fitted on `dataset`.
    public init(_ preprocessing: Preprocessing, dataset: Dataset) {
        columns = preprocessing.steps.map { step in
            switch step {
            case .numeric(let s):
                let encoding = dataset.featureColumns[s.column].encoding
                // x_raw = x_stored / e + shift, so a stored statistic m is m / e + shift in raw units and 1/SD scales by e.
                return Column(name: s.name, kind: .numeric, fill: s.fill.map { $0 / encoding.scale + encoding.shift },
                              mean: s.mean / encoding.scale + encoding.shift, scale: s.scale * encoding.scale, indicator: s.indicator)
            case .categorical(let s):
                // The block's names are the kept categories, then "(missing)" and "(other)" when present.
                return Column(name: s.name, kind: .categorical, outputs: s.names, other: s.other)
            }
        }
    }

    /// Output columns per row.
    public var width: Int { columns.reduce(0) { $0 + ($1.kind == .numeric ? ($1.indicator == nil ? 1 : 2) : ($1.outputs?.count ?? 0)) } }

    /// A `Preprocessing` for `dataset`, which must have every column by name with the same kind;
    /// throws `badData` naming the columns that are missing or of another kind. Categories the model
    /// never saw encode as zeros; `unseen` counts them per column.
    public func rebased(on dataset: Dataset) throws -> (preprocessing: Preprocessing, unseen: [String: Int]) {
        var missing: [String] = [], mismatched: [String] = []
        var steps: [Preprocessing.Step] = [], names: [String] = []
        var unseen: [String: Int] = [:]
        for column in columns {
            guard let index = dataset.featureColumns.firstIndex(where: { $0.name == column.name }) else {
                missing.append(column.name)
                continue
            }
            let info = dataset.featureColumns[index]
            switch column.kind {
            case .numeric:
                guard info.role == .numeric, let mean = column.mean, let scale = column.scale else {
                    mismatched.append("\"\(column.name)\" (the model reads numbers; the file's column is \(info.role.rawValue))")
                    continue
                }
                let e = info.encoding
                steps.append(.numeric(Preprocessing.NumericStep(
                    column: index, name: column.name, fill: column.fill.map { ($0 - e.shift) * e.scale }, mean: (mean - e.shift) * e.scale,
                    scale: scale / e.scale, indicator: column.indicator, trainingMissing: 0)))
                names.append(column.name)
                if column.indicator != nil { names.append("\(column.name) (missing)") }
            case .categorical:
                guard info.role == .categorical, let outputs = column.outputs else {
                    mismatched.append("\"\(column.name)\" (the model reads categories; the file's column is \(info.role.rawValue))")
                    continue
                }
                let other = Set(column.other ?? []), otherSlot = outputs.firstIndex(of: "(other)")
                let codes = info.categories.map { name -> Int32 in
                    if let slot = outputs.firstIndex(of: name), name != "(missing)", name != "(other)" { return Int32(slot) }
                    if other.contains(name), let otherSlot { return Int32(otherSlot) }
                    return -1
                }
                let unknown = info.categories.indices.filter { codes[$0] < 0 }.map { info.categories[$0] }
                steps.append(.categorical(Preprocessing.CategoricalStep(
                    column: index, name: column.name, outputs: codes,
                    missingOutput: Int32(outputs.firstIndex(of: "(missing)") ?? (other.contains("(missing)") ? otherSlot ?? -1 : -1)),
                    names: outputs, other: Array(other), unseen: unknown)))
                names += outputs.map { "\(column.name)=\($0)" }
            }
        }
        if !missing.isEmpty || !mismatched.isEmpty {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing column\(missing.count == 1 ? "" : "s") " + missing.map { "\"\($0)\"" }.joined(separator: ", ")) }
            if !mismatched.isEmpty { parts.append("column\(mismatched.count == 1 ? "" : "s") of another kind: " + mismatched.joined(separator: ", ")) }
            throw CVKitError.badData(location: nil, message: "\(dataset.source.path): does not fit the model: " + parts.joined(separator: "; "))
        }
        let preprocessing = Preprocessing(steps: steps, outputNames: names, standardizer: nil)
        for step in steps { if case .categorical(let s) = step, !s.unseen.isEmpty { unseen[s.name] = 0 } }
        for (name, count) in preprocessing.unseenCounts(dataset, rows: Array(0..<dataset.rowCount)) { unseen[name] = count }
        return (preprocessing, unseen.filter { $0.value > 0 })
    }
}
