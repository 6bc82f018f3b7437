import PropertyBased
import Testing
@testable import CVKit

@Suite struct NestedSplitsTests {
    @Test func innerSplitsStayInsideTheOuterTrainingPart() async {
        await propertyCheck(count: 60, input: Gen.int(in: 30...300), Gen.int(in: 2...6), Gen.int(in: 2...4), Gen.int(in: 0...1_000_000)) {
            rows, outerK, innerK, seed in
            let labels = SplitChecks.labels(rows: rows, classes: 3, seed: UInt64(seed))
            let nested = try #require(try? NestedSplits.make(
                outer: KFold(k: outerK, seed: UInt64(seed)), inner: KFold(k: innerK, seed: UInt64(seed)), labels: labels))
            #expect(nested.count == outerK)
            for item in nested {
                let outerTrain = Set(item.outer.train)
                #expect(item.inner.count == innerK)
                for inner in item.inner {
                    #expect(inner.train.allSatisfy(outerTrain.contains) && inner.test.allSatisfy(outerTrain.contains))
                    #expect(Set(inner.train).isDisjoint(with: inner.test))
                    #expect(inner.train.count + inner.test.count == outerTrain.count)
                }
                var tested = item.inner.flatMap(\.test)
                tested.sort()
                #expect(tested == item.outer.train)
            }
        }
    }

    @Test func innerFoldsDifferBetweenOuterFoldsButRepeatPerSeed() throws {
        let labels = SplitChecks.labels(rows: 120, classes: 2, seed: 9)
        let a = try NestedSplits.make(outer: KFold(k: 3, seed: 1), inner: KFold(k: 3, seed: 1), labels: labels)
        let b = try NestedSplits.make(outer: KFold(k: 3, seed: 1), inner: KFold(k: 3, seed: 1), labels: labels)
        #expect(a == b)
        #expect(a[0].inner.map(\.test.count) != [] && a[0].inner[0].test != a[1].inner[0].test)
    }
}
