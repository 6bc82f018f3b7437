/// K-fold over groups: all rows of a group share a fold, so no group is in both train and test.
///
/// Use it when rows are not independent (several images of one patient, readings of one machine).
/// Each repetition draws its own order of the groups (`RandomSource.derive(seed, [r])`), so repeats
/// give different partitions, as scikit-learn's `GroupKFold(shuffle=True)` — a size-sorted order
/// would deal the same partition again with renamed folds whenever group sizes differ. The groups
/// are then dealt greedily in that order:
/// - `stratified` (the default, as scikit-learn's `StratifiedGroupKFold`): each group goes to the
///   fold that keeps the class shares most even — the smallest mean over classes of the standard
///   deviation over folds of (class rows in the fold / class rows in all); ties go to the fold with
///   fewer rows, then to the fold first in a shuffled fold order. Class shares per fold are as even
///   as whole groups allow.
/// - not stratified: each group goes to the fold with the fewest rows so far (same ties).
/// Needs at least `k` groups. A group as large as a fold can leave a class out of a training part:
/// `warnings` names each such fold.
public struct GroupKFold: Resampler {
    public var k: Int
    public var repeats: Int
    public var stratified: Bool
    public var seed: UInt64

    public init(k: Int, repeats: Int = 1, stratified: Bool = true, seed: UInt64 = 0) {
        self.k = k
        self.repeats = repeats
        self.stratified = stratified
        self.seed = seed
    }

    /// The fold of each row, one array per repetition. `labels` (class codes) are needed when
    /// stratified; without them the assignment balances fold sizes only.
    public func assignments(groups: [Int32], labels: [Int32] = []) throws -> [[Int]] {
        if let problem = KFold.problem(k: k, repeats: repeats) { throw CVKitError.invalidArgument(problem) }
        let groupCount = Int(groups.max() ?? -1) + 1
        if groupCount < k {
            throw CVKitError.invalidArgument("group k-fold needs at least k = \(k) groups; the groups column has \(groupCount)")
        }
        let useClasses = stratified && labels.count == groups.count && !labels.isEmpty
        let classCount = useClasses ? Int(labels.max() ?? 0) + 1 : 1
        // Rows of each class in each group, and in all.
        var counts = [Int](repeating: 0, count: groupCount * classCount)
        var classTotals = [Int](repeating: 0, count: classCount)
        for (row, group) in groups.enumerated() {
            let c = useClasses ? Int(labels[row]) : 0
            counts[Int(group) * classCount + c] += 1
            classTotals[c] += 1
        }
        return (0..<repeats).map { repetition in
            var random = RandomSource(seed: RandomSource.derive(seed, [UInt64(repetition)]))
            var order = Array(0..<groupCount)
            random.shuffle(&order)
            var rank = [Int](repeating: 0, count: k)
            var foldOrder = Array(0..<k)
            random.shuffle(&foldOrder)
            for (position, fold) in foldOrder.enumerated() { rank[fold] = position }
            var load = [Int](repeating: 0, count: k)
            // Per fold and class: the class's share of its rows that the fold holds.
            var share = [Double](repeating: 0, count: k * classCount)
            var foldOfGroup = [Int](repeating: 0, count: groupCount)
            for group in order {
                let size = (0..<classCount).reduce(0) { $0 + counts[group * classCount + $1] }
                var best = -1
                var bestCost = Double.infinity
                for fold in 0..<k {
                    // Only the candidate fold's term of Σ_folds share² changes; the mean over folds
                    // is the same whichever fold takes the group, so this orders folds by the
                    // resulting standard deviations (summed over classes).
                    var cost = 0.0
                    if useClasses {
                        for c in 0..<classCount where classTotals[c] > 0 {
                            let added = Double(counts[group * classCount + c]) / Double(classTotals[c])
                            let before = share[fold * classCount + c]
                            cost += (before + added) * (before + added) - before * before
                        }
                    }
                    let better = best < 0 || cost < bestCost - 1e-12
                        || (abs(cost - bestCost) <= 1e-12 && (load[fold], rank[fold]) < (load[best], rank[best]))
                    if better { best = fold; bestCost = cost }
                }
                foldOfGroup[group] = best
                load[best] += size
                for c in 0..<classCount where classTotals[c] > 0 {
                    share[best * classCount + c] += Double(counts[group * classCount + c]) / Double(classTotals[c])
                }
            }
            return groups.map { foldOfGroup[Int($0)] }
        }
    }

    public func splits(labels: [Int32], groups: [Int32]) throws -> [Split] {
        guard groups.count == labels.count else {
            throw CVKitError.invalidArgument("group k-fold needs a group id for every row (use --groups COLUMN)")
        }
        return try assignments(groups: groups, labels: labels).enumerated().flatMap { repetition, folds in
            Split.fromAssignment(folds, foldCount: k, repetition: repetition)
        }
    }

    /// Each fold whose training part lacks a class (a model trained there can never predict it).
    public func warnings(labels: [Int32], groups: [Int32], classNames: [String] = []) -> [String] {
        guard let splits = try? splits(labels: labels, groups: groups) else { return [] }
        let classCount = Int(labels.max() ?? 0) + 1
        var gaps: [String] = []
        for split in splits {
            var present = [Bool](repeating: false, count: classCount)
            for row in split.train { present[Int(labels[row])] = true }
            let missing = (0..<classCount).filter { !present[$0] }
            guard !missing.isEmpty else { continue }
            let name = repeats > 1 ? "repeat \(split.repetition + 1) fold \(split.fold + 1)" : "fold \(split.fold + 1)"
            let named = missing.allSatisfy { classNames.indices.contains($0) }
            gaps.append("\(name) (" + (named ? "class\(missing.count == 1 ? "" : "es") " + missing.map { "\"\(classNames[$0])\"" }.joined(separator: ", ")
                                      : "class code\(missing.count == 1 ? "" : "s") " + missing.map(String.init).joined(separator: ", ")) + ")")
        }
        guard !gaps.isEmpty else { return [] }
        return ["The training part of \(gaps.prefix(10).joined(separator: "; "))\(gaps.count > 10 ? "; …" : "") lacks a class: "
            + "its groups hold every row of it, so the model trained there cannot predict it and scores poorly on that fold. "
            + "Use fewer folds (--k) or check the groups column."]
    }
}
