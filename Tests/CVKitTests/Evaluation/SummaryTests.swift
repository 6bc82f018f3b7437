import PropertyBased
import Testing
@testable import CVKit

@Suite struct SummaryTests {
    @Test func fiveFoldScoresMatchScipy() {
        let summary = Summary([0.8, 0.85, 0.9, 0.75, 0.95])
        // numpy mean, std(ddof=1); scipy 1.17 stats.t.interval(0.95, 4, loc=mean, scale=sd/√5).
        #expect(summary.n == 5)
        #expect(abs(summary.mean - 0.85) < 1e-15)
        #expect(abs(summary.sd - 0.07905694150420946) < 1e-15)
        #expect(summary.ci95.count == 2)
        #expect(abs(summary.ci95[0] - 0.7518378419261221) < 1e-12)
        #expect(abs(summary.ci95[1] - 0.9481621580738778) < 1e-12)
    }

    @Test func twoScoresUseTheOneDegreeOfFreedomQuantile() {
        // scipy: stats.t.interval(0.95, 1, loc=0.6, scale=0.1414213562373095/√2) = 0.6 ± 1.2706204736.
        let summary = Summary([0.5, 0.7])
        #expect(abs(summary.sd - 0.14142135623730948) < 1e-15)
        #expect(abs(summary.ci95[0] + 0.6706204736174691) < 1e-12)
        #expect(abs(summary.ci95[1] - 1.870620473617469) < 1e-12)
    }

    @Test func degenerateSizes() {
        #expect(Summary([]) == Summary(n: 0, mean: 0, sd: 0, ci95: []))
        #expect(Summary([0.25]) == Summary(n: 1, mean: 0.25, sd: 0, ci95: [0.25, 0.25]))
        #expect(Summary([3, 3, 3]) == Summary(n: 3, mean: 3, sd: 0, ci95: [3, 3]))
    }

    @Test func accurateForLargeOffsets() {
        let values = (0..<1000).map { 1e8 + ($0 % 2 == 0 ? 1.0 : -1.0) }
        #expect(abs(Summary(values).sd - (1000.0 / 999).squareRoot()) < 1e-7)
    }

    @Test func intervalContainsTheMeanAndNarrowsWithMoreScores() async {
        await propertyCheck(count: 200, input: Gen.double(in: 0...1).array(of: 2...40)) { values in
            let summary = Summary(values)
            #expect(summary.ci95.count == 2)
            #expect(summary.ci95[0] <= summary.mean && summary.mean <= summary.ci95[1])
            #expect(summary.mean >= (values.min() ?? 0) - 1e-12 && summary.mean <= (values.max() ?? 0) + 1e-12)
            // Symmetric about the mean, half-width t(0.975, n − 1) · sd / √n.
            let half = StudentT.quantile(0.975, degreesOfFreedom: Double(values.count - 1)) * summary.sd
                / Double(values.count).squareRoot()
            #expect(abs(summary.ci95[1] - summary.mean - half) < 1e-12)
            #expect(abs(summary.mean - summary.ci95[0] - half) < 1e-12)
            // The same scores twice: same sd (up to n/(n−1)), smaller t and larger √n: narrower.
            let doubled = Summary(values + values)
            if summary.sd > 0 { #expect(doubled.ci95[1] - doubled.ci95[0] < summary.ci95[1] - summary.ci95[0]) }
        }
    }
}
