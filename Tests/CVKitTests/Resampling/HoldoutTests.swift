import PropertyBased
import Testing
@testable import CVKit

@Suite struct HoldoutTests {
    @Test func partsAreDisjointCoverAllAndKeepClassShares() async {
        await propertyCheck(count: 150, input: Gen.int(in: 20...500), Gen.int(in: 2...6), Gen.int(in: 0...1_000_000)) { rows, classes, seed in
            let labels = SplitChecks.labels(rows: rows, classes: classes, seed: UInt64(seed))
            let holdout = Holdout(validation: 0.15, test: 0.2, seed: UInt64(seed))
            let split = try #require(try? holdout.splits(labels: labels).first)
            #expect(split.invariantViolation(rowCount: rows) == nil)
            #expect(split.train.count + split.validation.count + split.test.count == rows)
            #expect(split.test.count == Int((0.2 * Double(rows)).rounded(.up)))
            #expect(split.validation.count == Int((0.15 * Double(rows)).rounded(.up)))
            for c in 0..<Int32(classes) {
                let total = labels.filter { $0 == c }.count
                let inTest = split.test.filter { labels[$0] == c }.count
                let expected = Double(total) * Double(split.test.count) / Double(rows)
                #expect(abs(Double(inTest) - expected) <= 1.0 + 1e-9, "class \(c): \(inTest) in test, expected ≈ \(expected)")
            }
        }
    }

    @Test func deterministicPerSeed() throws {
        let labels = SplitChecks.labels(rows: 100, classes: 3, seed: 3)
        let a = try Holdout(validation: 0.1, test: 0.2, seed: 5).splits(labels: labels)
        let b = try Holdout(validation: 0.1, test: 0.2, seed: 5).splits(labels: labels)
        let c = try Holdout(validation: 0.1, test: 0.2, seed: 6).splits(labels: labels)
        #expect(a == b && a != c)
    }

    @Test(arguments: [(0.0, 0.2), (0.1, 0.0), (0.1, 1.0), (-0.1, 0.2), (0.5, 0.5), (0.6, 0.5), (1.0, 0.1)])
    func impossibleFractionsAreUsageErrors(validation: Double, test: Double) {
        let labels = SplitChecks.labels(rows: 50, classes: 2, seed: 0)
        if validation == 0 && test == 0.2 { #expect((try? Holdout(validation: 0, test: 0.2).splits(labels: labels)) != nil); return }
        #expect { try Holdout(validation: validation, test: test).splits(labels: labels) } throws: {
            ($0 as? CVKitError)?.kind == .invalidArgument
        }
    }
}
