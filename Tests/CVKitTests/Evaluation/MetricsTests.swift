import Foundation
import Testing
@testable import CVKit

@Suite struct MetricsTests {
    @Test func accuracyCountsMatches() {
        #expect(Metrics.accuracy(truth: [0, 1, 2, 1], predicted: [0, 2, 2, 1]) == 0.75)
        #expect(Metrics.accuracy(truth: [1, 1, 1], predicted: [0, 0, 0]) == 0)
        #expect(Metrics.accuracy(truth: [], predicted: []) == 0)
    }

    @Test func logLossMatchesScikitLearn() {
        let truth: [Int32] = [0, 1, 2]
        let probabilities: [Float] = [0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.25, 0.25, 0.5]
        // −(ln 0.7 + ln 0.8 + ln 0.5) / 3, the probabilities taken as Float like the model's output;
        // scikit-learn 1.9 log_loss(truth, probabilities.astype(float32).astype(float64)) gives the same.
        let expected = -(log(Double(Float(0.7))) + log(Double(Float(0.8))) + log(0.5)) / 3
        #expect(abs(expected - 0.4243218926472084) < 1e-15)
        #expect(abs(Metrics.logLoss(truth: truth, probabilities: probabilities, classCount: 3) - expected) < 1e-15)
    }

    @Test func logLossClipsAtOneEMinus15() {
        // A zero probability on the true class costs −ln 1e-15 = 34.538776394910684, not infinity.
        let zero = Metrics.logLoss(truth: [1], probabilities: [1, 0], classCount: 2)
        #expect(abs(zero - 34.538776394910684) < 1e-12)
        // Probabilities above 1 (rounding in a softmax) are clipped to 1: no negative loss.
        #expect(Metrics.logLoss(truth: [0], probabilities: [1.0000001, 0], classCount: 2) == 0)
        #expect(Metrics.logLoss(truth: [0], probabilities: [.nan, 0], classCount: 2).isNaN)
        #expect(Metrics.logLoss(truth: [], probabilities: [], classCount: 2) == 0)
    }

    @Test func majorityBaselinePredictsTheCommonestTrainingClass() {
        // Class 2 is the commonest in training: 3 of the 5 test labels are 2.
        #expect(Metrics.majorityBaseline(trainLabels: [2, 2, 1, 2, 0, 1], testLabels: [2, 0, 2, 1, 2], classCount: 3) == 0.6)
        // Tie between 1 and 2: the lower code, 1, is predicted.
        #expect(Metrics.majorityBaseline(trainLabels: [2, 1, 2, 1], testLabels: [1, 1, 2, 0], classCount: 3) == 0.5)
        // The test distribution does not matter, only the training one.
        #expect(Metrics.majorityBaseline(trainLabels: [0, 0, 1], testLabels: [1, 1, 1, 1], classCount: 2) == 0)
        #expect(Metrics.majorityBaseline(trainLabels: [], testLabels: [0, 1], classCount: 2) == 0.5)
        #expect(Metrics.majorityBaseline(trainLabels: [1], testLabels: [], classCount: 2) == 0)
    }
}
