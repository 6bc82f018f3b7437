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
}
