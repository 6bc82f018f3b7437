/// Class names and codes from a label column's texts, with numbers grouped by value.
///
/// When every label reads as a number, labels are grouped by their value — `1`, `1.0`, `01` and a
/// quoted `" 1"` are one class — named by the group's most common spelling (ties: the first seen),
/// and classes are ordered by value. Otherwise `ClassEncoding`'s order applies.
enum LabelValues {
    struct Merge: Sendable, Equatable {
        var name: String
        var spellings: [String]
    }

    /// Sorted class names, the map from provisional codes (first-seen order) to final codes, and the
    /// groups of spellings that were merged.
    static func classes(_ encoding: ClassEncoding, labels: [Int32]) -> (names: [String], remap: [Int32], merged: [Merge]) {
        let names = encoding.namesInFirstSeenOrder
        let values = names.map(number)
        guard !names.isEmpty, values.allSatisfy({ $0 != nil }) else {
            let (sorted, remap) = encoding.finish()
            return (sorted, remap, [])
        }
        var counts = [Int](repeating: 0, count: names.count)
        for label in labels { counts[Int(label)] += 1 }
        var groupOf: [Double: Int] = [:]
        var groups: [[Int]] = []
        for (provisional, value) in values.enumerated() {
            let key = (value ?? 0) + 0  // -0 and 0 are one value
            if let group = groupOf[key] { groups[group].append(provisional) } else {
                groupOf[key] = groups.count
                groups.append([provisional])
            }
        }
        let order = groups.indices.sorted { (values[groups[$0][0]] ?? 0) < (values[groups[$1][0]] ?? 0) }
        var remap = [Int32](repeating: 0, count: names.count)
        var sortedNames: [String] = []
        var merged: [Merge] = []
        for (rank, group) in order.enumerated() {
            let members = groups[group]
            var best = members[0]
            for member in members where counts[member] > counts[best] { best = member }
            sortedNames.append(names[best])
            for member in members { remap[member] = Int32(rank) }
            if members.count > 1 { merged.append(Merge(name: names[best], spellings: members.map { names[$0] })) }
        }
        return (sortedNames, remap, merged)
    }

    /// The value of a label that reads as a decimal number (cvkit's number syntax), else nil.
    static func number(_ name: String) -> Double? {
        var bytes = Array(name.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { all in
            if case .success(let value) = FieldParsing.parseAnyDouble(UnsafeBufferPointer(rebasing: all[0..<count])) { return value }
            return nil
        }
    }
}
