import Foundation
import Testing
@testable import CVKit

@Suite struct SanityLearningRateSweepTests {
    @Test func ratesAreLogSpacedFrom1eMinus5To1() {
        let rates = LearningRateSweep.rates
        #expect(rates.count == 11)
        #expect(abs(rates[0] - 1e-5) < 1e-18 && abs(rates[10] - 1) < 1e-12)
        for (a, b) in zip(rates, rates.dropFirst()) { #expect(abs(b / a - 10.0.squareRoot()) < 1e-9) }
    }

    @Test func verdicts() {
        #expect(LearningRateSweep.classify(lr: 1, before: 1, after: 0.995).verdict == .barelyMoves)
        #expect(LearningRateSweep.classify(lr: 1, before: 1, after: 1.005).verdict == .barelyMoves)
        #expect(LearningRateSweep.classify(lr: 1, before: 1, after: 0.9).verdict == .falls)
        #expect(LearningRateSweep.classify(lr: 1, before: 1, after: 1.2).verdict == .diverges)
        let exploded = LearningRateSweep.classify(lr: 1, before: 1, after: .nan)
        #expect(exploded.verdict == .diverges && exploded.loss == nil)
    }

    func sweep(_ losses: [Double]) -> LearningRateSweep.Sweep {
        let points = zip(LearningRateSweep.rates, losses).map { LearningRateSweep.classify(lr: $0, before: 1, after: $1) }
        return LearningRateSweep.finish(initialLoss: 1, epochs: 3, points: points)
    }

    @Test func bandIsTheRunOfFallingRatesAroundTheFastest() throws {
        let s = sweep([1, 1, 0.95, 0.8, 0.5, 0.3, 0.2, 0.6, 1.5, .nan, .infinity])
        #expect(s.points.filter(\.fastest).map(\.lr) == [LearningRateSweep.rates[6]])
        let band = try #require(s.band)
        #expect(band.lowerBound == LearningRateSweep.rates[2] && band.upperBound == LearningRateSweep.rates[7])
        let inside = LearningRateSweep.evaluate(s, configuredRate: 1e-3)
        #expect(inside.passed && inside.advice.isEmpty && inside.observed.contains("inside"))
        #expect(inside.observed.contains("barely moves 1e-05…3.16e-05") && inside.observed.contains("diverges 0.1…1"))
    }

    @Test func warnsWhenTheConfiguredRateIsOutsideTheBand() {
        let s = sweep([1, 1, 0.95, 0.8, 0.5, 0.3, 0.2, 0.6, 1.5, .nan, .infinity])
        let high = LearningRateSweep.evaluate(s, configuredRate: 0.5)
        #expect(high.passed && high.advice.contains("above") && high.observed.contains("warning"))
        let low = LearningRateSweep.evaluate(s, configuredRate: 1e-5)
        #expect(low.passed && low.advice.contains("below") && low.observed.contains("warning"))
    }

    @Test func failsWhenNoRateLowersTheLoss() {
        let s = sweep(Array(repeating: 1.0, count: 8) + [2, .nan, .nan])
        #expect(s.band == nil)
        let result = LearningRateSweep.evaluate(s, configuredRate: 1e-3)
        #expect(!result.passed && !result.advice.isEmpty)
    }

    @Test func wineSweepFindsAGoodBand() throws {
        let data = try SanityFixtures.wineData()
        let s = try LearningRateSweep.run(config: data.config, networkSeed: data.networkSeed, batchSeed: 2, training: TrainingOptions(),
                                          epochs: 2, features: data.features, labels: data.labels, measurement: data.measurement)
        #expect(s.points.count == 11)
        #expect(s.points.first?.verdict == .barelyMoves)
        let band = try #require(s.band)
        #expect(band.contains(1e-2))
        // Every rate starts from the same weights: the loss before is the untrained network's.
        let fresh = try Network<Float>(config: data.config, seed: data.networkSeed)
        #expect(s.initialLoss == Double(fresh.loss(features: data.measurement.features, labels: data.measurement.labels, training: true).dataLoss))
    }
}
