/// Rows whose features are identical — exact twins —, and what they mean for a held-out score.
///
/// A test row whose twin sits in the training part is not new to the model: with copied rows
/// (an export that repeated records, augmented data, a join that multiplied rows) cross-validation
/// then measures memory, not generalization. The same count also arises honestly when features are
/// coarse (a few categories, rounded ages): then twins often disagree on the label. `looksLikeCopies`
/// tells the two apart by that rule (below).
///
/// Twins compare every feature cell bit for bit as loaded (numbers, category codes, missing
/// markers); the label is not part of the comparison. Cost: one hash per row and a sort, O(n log n)
/// time and two words per row.
public struct DuplicateRows: Sendable, Equatable {
    /// Per row, its twin set: the index of the first row with the same features (its own index when
    /// it has no twin before it).
    public var twinSet: [Int]
    /// Per row, the size of its twin set (1 for a unique row).
    public var setSize: [Int32]
    /// Rows that share their features with at least one other row.
    public var duplicateRows: Int
    /// Twin sets of two or more rows.
    public var sets: Int
    /// Twin sets whose rows do not all have the same label.
    public var disagreeingSets: Int

    /// The twin sets of `dataset`'s rows.
    public init(_ dataset: Dataset) {
        let n = dataset.rowCount
        let twinSet = Self.twinSets(dataset)
        var size = [Int32](repeating: 0, count: n)
        for row in 0..<n { size[twinSet[row]] += 1 }
        let setSize = (0..<n).map { size[twinSet[$0]] }
        self.twinSet = twinSet
        self.setSize = setSize
        duplicateRows = setSize.reduce(0) { $0 + ($1 > 1 ? 1 : 0) }
        sets = (0..<n).reduce(0) { $0 + (twinSet[$1] == $1 && size[$1] > 1 ? 1 : 0) }
        var label = [Int32](repeating: -1, count: n), disagrees = [Bool](repeating: false, count: n)
        for row in 0..<n where setSize[row] > 1 {
            let set = twinSet[row]
            if label[set] < 0 { label[set] = dataset.labels[row] } else if label[set] != dataset.labels[row] { disagrees[set] = true }
        }
        disagreeingSets = disagrees.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Per row, the first row with the same features. The hashes and the sorted order (16 bytes a
    /// row) live only here, so they are freed before the counts are made: on a million rows the
    /// check's peak is 24 MB, not 37.
    private static func twinSets(_ dataset: Dataset) -> [Int] {
        let n = dataset.rowCount, width = dataset.featureCount
        let features = dataset.features
        var hashes = [UInt64](repeating: 0, count: n)
        features.withUnsafeBufferPointer { x in
            for row in 0..<n {
                // FNV-1a over the cells' bit patterns.
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for j in 0..<width {
                    h = (h ^ UInt64(x[row * width + j].bitPattern)) &* 0x0000_0100_0000_01b3
                }
                hashes[row] = h
            }
        }
        func same(_ a: Int, _ b: Int) -> Bool {
            for j in 0..<width where features[a * width + j].bitPattern != features[b * width + j].bitPattern { return false }
            return true
        }
        let order = (0..<n).sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var twinSet = Array(0..<n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && hashes[order[end]] == hashes[order[start]] { end += 1 }
            if end - start > 1 {
                // Rows of one hash, in row order: each joins the first earlier row it equals.
                var representatives: [Int] = []
                for row in order[start..<end] {
                    if let first = representatives.first(where: { same($0, row) }) { twinSet[row] = first } else { representatives.append(row) }
                }
            }
            start = end
        }
        return twinSet
    }

    /// The rule that separates copies from coarse features: twins are at least 5 % of the rows (and
    /// at least 10 rows), and at least 95 % of the twin sets agree on the label. Copies of a row
    /// carry its label; rows that merely share coarse features (titanic's sex, class and age: 96 of
    /// its twin sets disagree) do not.
    public var looksLikeCopies: Bool {
        guard sets > 0, duplicateRows >= 10, Double(duplicateRows) >= 0.05 * Double(twinSet.count) else { return false }
        return Double(sets - disagreeingSets) >= 0.95 * Double(sets)
    }

    /// How many of `test` rows have a twin outside `test` (in the training or validation part).
    public func testRowsWithTwin(test: [Int]) -> Int {
        var inTest: [Int: Int32] = [:]
        for row in test where setSize[row] > 1 { inTest[twinSet[row], default: 0] += 1 }
        return test.filter { setSize[$0] > 1 && (inTest[twinSet[$0]] ?? 0) < setSize[$0] }.count
    }

    /// Group codes for group K-fold (`--group-duplicates`): identical rows share a group; codes
    /// 0..<groups by first appearance.
    public var groupCodes: [Int32] {
        var code = [Int32](repeating: -1, count: twinSet.count)
        var next: Int32 = 0
        return twinSet.map { set in
            if code[set] < 0 { code[set] = next; next += 1 }
            return code[set]
        }
    }
}
