import PropertyBased
import Testing
@testable import CVKit

@Suite struct GroupKFoldTests {
    @Test func noGroupIsSplitAcrossFolds() async {
        await propertyCheck(count: 150, input: Gen.int(in: 2...300), Gen.int(in: 2...8), Gen.int(in: 2...60), Gen.int(in: 0...1_000_000)) {
            rows, k, groupCount, seed in
            guard groupCount <= rows, k <= groupCount else { return }
            let groups = SplitChecks.labels(rows: rows, classes: groupCount, seed: UInt64(seed))
            let labels = SplitChecks.labels(rows: rows, classes: 2, seed: UInt64(seed) &+ 1)
            let splits = try #require(try? GroupKFold(k: k, repeats: 2, seed: UInt64(seed)).splits(labels: labels, groups: groups))
            #expect(SplitChecks.partitionProblem(splits, rowCount: rows) == nil)
            for split in splits {
                let trainGroups = Set(split.train.map { groups[$0] })
                #expect(split.test.allSatisfy { !trainGroups.contains(groups[$0]) })
            }
        }
    }

    @Test func equalGroupsGiveEqualFolds() throws {
        let groups = (0..<60).map { Int32($0 / 6) }  // 10 groups of 6
        let splits = try GroupKFold(k: 5).splits(labels: [Int32](repeating: 0, count: 60), groups: groups)
        #expect(splits.map(\.test.count) == [12, 12, 12, 12, 12])
    }

    @Test func tooFewGroupsIsAUsageError() {
        #expect { try GroupKFold(k: 3).splits(labels: [0, 1, 0, 1], groups: [0, 0, 1, 1]) } throws: {
            ($0 as? CVKitError)?.kind == .invalidArgument
        }
    }

    /// Groups of different sizes: each repeat draws its own partition (sorting by size used to deal
    /// the same one again with renamed folds).
    @Test func repeatsGiveDifferentPartitions() throws {
        let sizes = [9, 7, 7, 5, 4, 4, 3, 3, 2, 2, 1, 1]
        let groups = sizes.enumerated().flatMap { group, size in [Int32](repeating: Int32(group), count: size) }
        let labels = groups.indices.map { Int32($0 % 2) }
        for stratified in [true, false] {
            let assignments = try GroupKFold(k: 3, repeats: 3, stratified: stratified, seed: 4).assignments(groups: groups, labels: labels)
            // A partition as a set of sets of groups, whatever the fold numbers.
            let partitions = assignments.map { folds in
                Set((0..<3).map { fold in Set(groups.indices.filter { folds[$0] == fold }.map { groups[$0] }) })
            }
            #expect(Set(partitions).count > 1, "stratified \(stratified)")
        }
    }

    /// Stratified (the default): class shares per fold as even as whole groups allow — far more
    /// even than balancing sizes only, on groups that each hold mostly one class.
    @Test func stratifiedKeepsClassSharesEven() throws {
        var random = RandomSource(seed: 11)
        var groups: [Int32] = [], labels: [Int32] = []
        for group in 0..<60 {
            let size = 2 + random.nextInt(below: 6), main = Int32(random.nextInt(below: 3) == 0 ? 1 : 0)
            for _ in 0..<size {
                groups.append(Int32(group))
                labels.append(random.nextInt(below: 10) == 0 ? 1 - main : main)
            }
        }
        func spread(_ stratified: Bool) throws -> Double {
            let splits = try GroupKFold(k: 5, stratified: stratified, seed: 3).splits(labels: labels, groups: groups)
            let shares = splits.map { split in Double(split.test.filter { labels[$0] == 1 }.count) / Double(split.test.count) }
            return shares.max()! - shares.min()!
        }
        let even = try spread(true), plain = try spread(false)
        #expect(even < 0.06, "class-1 share per fold spans \(even)")
        #expect(even < plain)
    }

    @Test func aTrainingPartWithoutAClassIsNamed() {
        // Class 1 lives in one group only: the fold that tests that group trains without class 1.
        let groups: [Int32] = [0, 0, 0, 1, 1, 2, 2, 3, 3]
        let labels: [Int32] = [1, 1, 1, 0, 0, 0, 0, 0, 0]
        let warnings = GroupKFold(k: 3, seed: 1).warnings(labels: labels, groups: groups)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("lacks a class") == true && warnings.first?.contains("fold ") == true && warnings.first?.contains("class code 1") == true)
        #expect(GroupKFold(k: 2, seed: 1).warnings(labels: [0, 1, 0, 1], groups: [0, 0, 1, 1]).isEmpty)
        // With the data's class names, the class is named, not numbered.
        let named = GroupKFold(k: 3, seed: 1).warnings(labels: labels, groups: groups, classNames: ["stay", "churn"])
        #expect(named.first?.contains("class \"churn\"") == true && named.first?.contains("class code") == false, "\(named)")
    }
}
