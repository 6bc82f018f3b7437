import Foundation
import Testing
@testable import CVKit

@Suite struct SanityOverfitCheckTests {
    @Test func subsetIsStratifiedSeededAndInside() throws {
        let labels: [Int32] = Array(repeating: 0, count: 50) + Array(repeating: 1, count: 30) + Array(repeating: 2, count: 20)
        let subset = OverfitCheck.subset(labels: labels, count: 20, classes: 3, seed: 4)
        #expect(subset.count == 20 && Set(subset).count == 20 && subset == subset.sorted())
        #expect(subset.allSatisfy { labels.indices.contains($0) })
        #expect([0, 1, 2].map { c in subset.filter { labels[$0] == c }.count } == [10, 6, 4])
        #expect(subset == OverfitCheck.subset(labels: labels, count: 20, classes: 3, seed: 4))
        #expect(subset != OverfitCheck.subset(labels: labels, count: 20, classes: 3, seed: 5))
        #expect(OverfitCheck.subset(labels: [0, 1, 1], count: 20, classes: 2, seed: 4) == [0, 1, 2])
    }

    @Test func memorizesTwentyWineRows() throws {
        let data = try SanityFixtures.wineData()
        let rows = OverfitCheck.subset(labels: data.labels, count: 20, classes: 3, seed: 1)
        let subset = data.gather(rows)
        let result = try OverfitCheck.evaluate(config: data.config, seed: data.networkSeed, features: subset.features, labels: subset.labels,
                                               trainingPart: (data.features, data.labels), maxEpochs: 300, learningRate: 1e-2)
        #expect(result.passed, "\(result)")
        #expect(result.observed.hasPrefix("100 % at epoch"))
    }

    /// Identical rows with different labels cannot be memorized: the check fails and the advice says why.
    @Test func contradictoryLabelsFailWithAnExplanation() throws {
        let data = try SanityData(dataset: SanityFixtures.contradictory(), settings: SanityFixtures.settings())
        let rows = OverfitCheck.subset(labels: data.labels, count: 20, classes: 2, seed: 1)
        let subset = data.gather(rows)
        let result = try OverfitCheck.evaluate(config: data.config, seed: data.networkSeed, features: subset.features, labels: subset.labels,
                                               trainingPart: (data.features, data.labels), maxEpochs: 100, learningRate: 1e-2)
        #expect(!result.passed)
        #expect(result.advice.contains("identical twin with another label"), "\(result.advice)")
        #expect(result.observed.contains("contradict"))
    }

    /// Too few epochs on data that can be memorized: a failure whose advice is not about duplicates.
    @Test func tooFewEpochsFailWithOtherAdvice() throws {
        let data = try SanityFixtures.wineData(hidden: [])
        let rows = OverfitCheck.subset(labels: data.labels, count: 20, classes: 3, seed: 1)
        let subset = data.gather(rows)
        let result = try OverfitCheck.evaluate(config: data.config, seed: data.networkSeed, features: subset.features, labels: subset.labels,
                                               trainingPart: (data.features, data.labels), maxEpochs: 1, learningRate: 1e-6)
        #expect(!result.passed)
        #expect(result.advice.contains("--overfit-epochs") && !result.advice.contains("twin"))
    }

    @Test func conflictingRowsAreCounted() {
        // Rows 0 and 1 are twins with different labels, row 2 a twin of row 0 with its label, row 3 alone.
        let features: [Float] = [1, 2, 1, 2, 1, 2, 3, 4]
        let conflicts = ConflictingRows(features: features, labels: [0, 1, 0, 1], width: 2)
        #expect(conflicts.rows == 3)
        #expect(conflicts.reachableAccuracy == 0.75)
        #expect(ConflictingRows(features: features, labels: [0, 0, 0, 1], width: 2).rows == 0)
        // −0 and +0 are the same feature value.
        #expect(ConflictingRows(features: [0, -0], labels: [0, 1], width: 1).rows == 2)
    }
}
