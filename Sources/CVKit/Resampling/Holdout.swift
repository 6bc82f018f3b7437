/// One train / validation / test split by fractions, stratified by class by default.
///
/// Sizes: `nTest = ceil(test · n)` and `nValidation = ceil(validation · n)` (scikit-learn rounds the
/// test size up too); training gets the rest and must keep at least one row. Stratified, the test
/// rows are apportioned over classes by largest remainder (each class within one row of its exact
/// share), then the validation rows over what is left, and each class's rows are taken from its
/// own shuffle.
public struct Holdout: Resampler {
    public var validation: Double
    public var test: Double
    public var stratified: Bool
    public var seed: UInt64

    public init(validation: Double = 0, test: Double, stratified: Bool = true, seed: UInt64 = 0) {
        self.validation = validation
        self.test = test
        self.stratified = stratified
        self.seed = seed
    }

    public func splits(labels: [Int32], groups: [Int32] = []) throws -> [Split] {
        let n = labels.count
        guard test > 0, test < 1 else { throw CVKitError.invalidArgument("the test fraction must be in (0, 1) (got \(test))") }
        guard validation >= 0, validation < 1 else {
            throw CVKitError.invalidArgument("the validation fraction must be in [0, 1) (got \(validation))")
        }
        guard validation + test < 1 else {
            throw CVKitError.invalidArgument("validation + test fractions must leave rows to train on (got \(validation) + \(test) ≥ 1)")
        }
        let testCount = Int((test * Double(n)).rounded(.up))
        let validationCount = Int((validation * Double(n)).rounded(.up))
        guard n - testCount - validationCount >= 1 else {
            throw CVKitError.invalidArgument("\(n) rows are too few for these fractions: nothing would be left to train on")
        }
        var random = RandomSource(seed: RandomSource.derive(seed, [0]))
        // Stratified: one stratum per class; otherwise a single stratum of all rows.
        let classCount = stratified ? Int(labels.max() ?? 0) + 1 : 1
        var strata = [[Int]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() { strata[stratified ? Int(label) : 0].append(row) }
        for index in strata.indices { random.shuffle(&strata[index]) }
        let sizes = strata.map(\.count)
        let testPer = Holdout.apportion(testCount, over: sizes, &random)
        let remaining = zip(sizes, testPer).map { $0 - $1 }
        let validationPer = Holdout.apportion(validationCount, over: remaining, &random)
        var train: [Int] = [], validationPart: [Int] = [], testPart: [Int] = []
        for (index, rows) in strata.enumerated() {
            testPart += rows[0..<testPer[index]]
            validationPart += rows[testPer[index]..<testPer[index] + validationPer[index]]
            train += rows[(testPer[index] + validationPer[index])...]
        }
        return [Split(repetition: 0, fold: 0, train: train.sorted(), validation: validationPart.sorted(), test: testPart.sorted())]
    }

    /// Splits `total` over strata in proportion to `sizes` by largest remainder (Hamilton's
    /// method): each stratum gets the floor of its quota, the rest go to the largest fractional
    /// parts, ties broken at random. Each count is within one of its exact quota and ≤ its size.
    static func apportion(_ total: Int, over sizes: [Int], _ random: inout RandomSource) -> [Int] {
        let sum = sizes.reduce(0, +)
        guard sum > 0, total > 0 else { return sizes.map { _ in 0 } }
        let quotas = sizes.map { Double(total) * Double($0) / Double(sum) }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let tiebreak = sizes.map { _ in random.nextDouble() }
        let order = sizes.indices.sorted {
            let a = quotas[$0] - Double(counts[$0]), b = quotas[$1] - Double(counts[$1])
            return a != b ? a > b : tiebreak[$0] < tiebreak[$1]
        }
        var left = total - counts.reduce(0, +)
        for index in order where left > 0 && counts[index] < sizes[index] {
            counts[index] += 1
            left -= 1
        }
        return counts
    }
}
