/// K-fold cross-validation, shuffled with a seed, stratified by class by default, optionally repeated.
///
/// Assignment, for each repetition `r` (its own stream, `RandomSource.derive(seed, [r])`):
/// 1. list the rows class by class (stratified) or all together (not), each class's rows shuffled;
/// 2. deal that list round-robin to the folds in a shuffled fold order: position `p` goes to
///    fold `order[p % k]`.
/// So fold sizes differ by at most one (the first `n % k` dealt folds get `n / k + 1` rows, as in
/// scikit-learn's `KFold`), and, stratified, each class's count per fold differs by at most one.
/// With `groups`, use `GroupKFold` instead: rows of one group must share a fold.
public struct KFold: Resampler {
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

    /// The fold of each row, one array per repetition.
    public func assignments(labels: [Int32]) throws -> [[Int]] {
        try validate(rowCount: labels.count)
        let classCount = Int(labels.max() ?? 0) + 1
        return (0..<repeats).map { repetition in
            var random = RandomSource(seed: RandomSource.derive(seed, [UInt64(repetition)]))
            var dealt: [Int] = []
            dealt.reserveCapacity(labels.count)
            if stratified {
                var members = [[Int]](repeating: [], count: classCount)
                for (row, label) in labels.enumerated() { members[Int(label)].append(row) }
                for var rows in members {
                    random.shuffle(&rows)
                    dealt += rows
                }
            } else {
                dealt = Array(labels.indices)
                random.shuffle(&dealt)
            }
            var order = Array(0..<k)
            random.shuffle(&order)
            var folds = [Int](repeating: 0, count: labels.count)
            for (position, row) in dealt.enumerated() { folds[row] = order[position % k] }
            return folds
        }
    }

    public func splits(labels: [Int32], groups: [Int32] = []) throws -> [Split] {
        try assignments(labels: labels).enumerated().flatMap { repetition, folds in
            Split.fromAssignment(folds, foldCount: k, repetition: repetition)
        }
    }

    public func warnings(labels: [Int32], groups: [Int32] = [], classNames: [String] = []) -> [String] {
        guard stratified else { return [] }
        var counts: [Int32: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        let small = counts.filter { $0.value < k }.sorted { $0.key < $1.key }
        guard let least = small.min(by: { $0.value < $1.value }) else { return [] }
        return ["\(small.count) class\(small.count == 1 ? " has" : "es have") fewer members than k = \(k) (the smallest has \(least.value)): "
            + "some test folds will lack \(small.count == 1 ? "that class" : "those classes")"]
    }

    /// Why `k` folds repeated `repeats` times cannot be used, or nil — the one statement of the rule,
    /// named by its flags (`kName`: `--k`, `--outer`, `--inner`).
    public static func problem(k: Int, repeats: Int = 1, kName: String = "--k") -> String? {
        if k < 2 { return "\(kName) must be at least 2 (got \(k))" + (k == 1 ? ": with one fold there is nothing to test on" : ": it is the number of folds") }
        if repeats < 1 { return "--repeats must be at least 1 (got \(repeats))" }
        return nil
    }

    func validate(rowCount: Int) throws {
        if let problem = Self.problem(k: k, repeats: repeats) { throw CVKitError.invalidArgument(problem) }
        if k > rowCount { throw CVKitError.invalidArgument("k = \(k) is larger than the \(rowCount) rows: every fold needs at least one row") }
    }
}
