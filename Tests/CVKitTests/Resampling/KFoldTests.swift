import PropertyBased
import Testing
@testable import CVKit

@Suite struct KFoldTests {
    @Test func stratifiedPartitionsAreBalancedForRandomLabels() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...400), Gen.int(in: 2...12), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000)) {
            rows, k, classes, seed in
            guard k <= rows, classes <= rows else { return }
            let labels = SplitChecks.labels(rows: rows, classes: classes, seed: UInt64(seed))
            let kfold = KFold(k: k, repeats: 2, seed: UInt64(seed))
            let splits = try #require(try? kfold.splits(labels: labels))
            #expect(splits.count == 2 * k)
            #expect(SplitChecks.partitionProblem(splits, rowCount: rows) == nil)
            for repetition in 0..<2 {
                let tests = splits.filter { $0.repetition == repetition }.map(\.test)
                let sizes = tests.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1, "fold sizes \(sizes)")
                for c in 0..<Int32(classes) {
                    let perFold = tests.map { test in test.filter { labels[$0] == c }.count }
                    #expect(perFold.max()! - perFold.min()! <= 1, "class \(c) per fold \(perFold)")
                }
            }
        }
    }

    @Test func plainKFoldPartitionsWithSklearnSizes() async {
        await propertyCheck(count: 100, input: Gen.int(in: 2...300), Gen.int(in: 2...15), Gen.int(in: 0...1_000_000)) { rows, k, seed in
            guard k <= rows else { return }
            let labels = SplitChecks.labels(rows: rows, classes: 2, seed: UInt64(seed))
            let splits = try #require(try? KFold(k: k, stratified: false, seed: UInt64(seed)).splits(labels: labels))
            #expect(SplitChecks.partitionProblem(splits, rowCount: rows) == nil)
            let sizes = splits.map(\.test.count).sorted(by: >)
            let expected = (0..<k).map { $0 < rows % k ? rows / k + 1 : rows / k }
            #expect(sizes == expected)
        }
    }

    @Test func sameSeedSameFoldsOtherSeedOtherFolds() throws {
        let labels = SplitChecks.labels(rows: 300, classes: 4, seed: 1)
        let a = try KFold(k: 10, seed: 7).assignments(labels: labels)
        let b = try KFold(k: 10, seed: 7).assignments(labels: labels)
        let c = try KFold(k: 10, seed: 8).assignments(labels: labels)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func repeatsReshuffle() throws {
        let labels = SplitChecks.labels(rows: 200, classes: 3, seed: 2)
        let folds = try KFold(k: 5, repeats: 3, seed: 0).assignments(labels: labels)
        #expect(folds.count == 3)
        #expect(folds[0] != folds[1] && folds[1] != folds[2])
        // A repetition does not depend on how many repetitions were asked for.
        #expect(try KFold(k: 5, repeats: 1, seed: 0).assignments(labels: labels)[0] == folds[0])
    }

    /// Pinned assignment: a change here changes every user's folds, and must be deliberate.
    @Test func assignmentIsPinned() throws {
        let labels: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
        let folds = try KFold(k: 3, seed: 0).assignments(labels: labels)[0]
        #expect(folds == pinnedFolds, "folds changed: \(folds)")
    }
    let pinnedFolds = [0, 2, 2, 1, 2, 1, 0, 0, 1, 2]

    @Test func invalidSettingsAreUsageErrors() {
        let labels: [Int32] = [0, 1, 0, 1]
        for (k, repeats) in [(1, 1), (0, 1), (5, 1), (2, 0)] {
            #expect { try KFold(k: k, repeats: repeats).splits(labels: labels) } throws: {
                ($0 as? CVKitError)?.kind == .invalidArgument
            }
        }
    }

    @Test func warnsWhenAClassIsSmallerThanK() {
        let labels: [Int32] = Array(repeating: 0, count: 20) + [1, 1]
        let warnings = KFold(k: 5).warnings(labels: labels)
        #expect(warnings.count == 1 && warnings[0].contains("fewer members than k = 5"))
        #expect(KFold(k: 2).warnings(labels: labels).isEmpty)
        #expect((try? KFold(k: 5).splits(labels: labels))?.count == 5)
    }
}
