/// K-fold over groups: all rows of a group share a fold, so no group is in both train and test.
///
/// Use it when rows are not independent (several images of one patient, readings of one machine).
/// Assignment, per repetition: groups are shuffled, then stably sorted by size, largest first, and
/// each goes to the fold with the fewest rows so far (ties: the fold that comes first in a shuffled
/// fold order). This balances fold sizes as scikit-learn's `GroupKFold` does; classes are not
/// stratified. Needs at least `k` groups.
public struct GroupKFold: Resampler {
    public var k: Int
    public var repeats: Int
    public var seed: UInt64

    public init(k: Int, repeats: Int = 1, seed: UInt64 = 0) {
        self.k = k
        self.repeats = repeats
        self.seed = seed
    }

    public func assignments(groups: [Int32]) throws -> [[Int]] {
        if k < 2 { throw CVKitError.invalidArgument("k must be at least 2 (got \(k)): with one fold there is nothing to test on") }
        if repeats < 1 { throw CVKitError.invalidArgument("repeats must be at least 1 (got \(repeats))") }
        let groupCount = Int(groups.max() ?? -1) + 1
        if groupCount < k {
            throw CVKitError.invalidArgument("group k-fold needs at least k = \(k) groups; the groups column has \(groupCount)")
        }
        var sizes = [Int](repeating: 0, count: groupCount)
        for group in groups { sizes[Int(group)] += 1 }
        return (0..<repeats).map { repetition in
            var random = RandomSource(seed: RandomSource.derive(seed, [UInt64(repetition)]))
            var order = Array(0..<groupCount)
            random.shuffle(&order)
            var rank = [Int](repeating: 0, count: k)
            var foldOrder = Array(0..<k)
            random.shuffle(&foldOrder)
            for (position, fold) in foldOrder.enumerated() { rank[fold] = position }
            // Stable sort by size, largest first: `order` breaks ties.
            var shuffledPosition = [Int](repeating: 0, count: groupCount)
            for (position, group) in order.enumerated() { shuffledPosition[group] = position }
            order.sort { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : shuffledPosition[$0] < shuffledPosition[$1] }
            var load = [Int](repeating: 0, count: k)
            var foldOfGroup = [Int](repeating: 0, count: groupCount)
            for group in order {
                var fold = 0
                for candidate in 1..<k where (load[candidate], rank[candidate]) < (load[fold], rank[fold]) { fold = candidate }
                foldOfGroup[group] = fold
                load[fold] += sizes[group]
            }
            return groups.map { foldOfGroup[Int($0)] }
        }
    }

    public func splits(labels: [Int32], groups: [Int32]) throws -> [Split] {
        guard groups.count == labels.count else {
            throw CVKitError.invalidArgument("group k-fold needs a group id for every row (use --groups COLUMN)")
        }
        return try assignments(groups: groups).enumerated().flatMap { repetition, folds in
            Split.fromAssignment(folds, foldCount: k, repetition: repetition)
        }
    }
}
