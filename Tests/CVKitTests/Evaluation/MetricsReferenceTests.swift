import Foundation
import Testing
@testable import CVKit

/// Every metric equals scikit-learn's on the cases of `Fixtures/make_metrics_reference.py`: binary,
/// multiclass, a class missing from the truth, tied scores, probabilities of exactly 0 and 1.
@Suite struct MetricsReferenceTests {
    struct Case: Decodable {
        struct PerClass: Decodable {
            var precision: Double
            var recall: Double
            var f1: Double
            var support: Int
        }
        var name: String
        var classes: Int
        var truth: [Int32]
        var probabilities: [Double]
        var accuracy: Double
        var balancedAccuracy: Double
        var macroF1: Double
        var logLoss: Double
        var rocAuc: Double?
        var prAuc: Double?
        var brier: Double
        var ece: Double
        var perClass: [PerClass]
    }

    struct Reference: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/metrics_reference.json")
        return (try? JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases) ?? []
    }()

    @Test func fixtureHasEveryCase() {
        #expect(Self.cases.map(\.name) == ["binary", "multiclass", "class missing", "tied scores", "probability 0 and 1"])
    }

    @Test(arguments: cases.map(\.name))
    func equalsScikitLearn(name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let probabilities = c.probabilities.map(Float.init)  // float32 values, exactly
        let predicted = probabilities.withUnsafeBufferPointer { p in
            (0..<c.truth.count).map { row in Int32(Network<Float>.argmax(p.baseAddress! + row * c.classes, c.classes)) }
        }
        let scores = Scores(truth: c.truth, predicted: predicted, probabilities: probabilities, classCount: c.classes)
        func close(_ a: Double?, _ b: Double?, _ what: String) {
            switch (a, b) {
            case (nil, nil): break
            case (let x?, let y?): #expect(abs(x - y) <= 1e-9, "\(name) \(what): cvkit \(x), scikit-learn \(y)")
            default: Issue.record("\(name) \(what): cvkit \(String(describing: a)), scikit-learn \(String(describing: b))")
            }
        }
        close(scores.accuracy, c.accuracy, "accuracy")
        close(scores.balancedAccuracy, c.balancedAccuracy, "balanced accuracy")
        close(scores.macroF1, c.macroF1, "macro-F1")
        close(scores.logLoss, c.logLoss, "log loss")
        close(scores.rocAuc, c.rocAuc, "ROC AUC")
        close(scores.prAuc, c.prAuc, "PR AUC")
        close(scores.brier, c.brier, "Brier")
        close(scores.ece, c.ece, "ECE")
        let perClass = ConfusionMatrix(truth: c.truth, predicted: predicted, classCount: c.classes).perClass()
        for (mine, theirs) in zip(perClass, c.perClass) {
            close(mine.precision, theirs.precision, "precision")
            close(mine.recall, theirs.recall, "recall")
            close(mine.f1, theirs.f1, "F1")
            #expect(mine.support == theirs.support)
        }
    }

    /// The charted curves integrate to the metrics: the trapezoidal area under the ROC curve is the
    /// ROC AUC, and the step sum under the precision–recall curve is the average precision.
    @Test(arguments: ["binary", "tied scores", "probability 0 and 1"])
    func curvesIntegrateToTheMetrics(name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let positive = c.truth.map { $0 == 1 }, scores = (0..<c.truth.count).map { c.probabilities[$0 * 2 + 1] }
        let roc = Metrics.rocCurve(positive: positive, scores: scores.map { Double(Float($0)) })
        let area = zip(roc, roc.dropFirst()).reduce(0.0) { $0 + ($1.1.x - $1.0.x) * ($1.1.y + $1.0.y) / 2 }
        #expect(roc.first! == (0, 0) && roc.last! == (1, 1))
        #expect(abs(area - (c.rocAuc ?? .nan)) < 1e-9)
        let pr = Metrics.precisionRecallCurve(positive: positive, scores: scores.map { Double(Float($0)) })
        var previous = 0.0, ap = 0.0
        for point in pr {
            ap += (point.x - previous) * point.y
            previous = point.x
        }
        #expect(abs(ap - (c.prAuc ?? .nan)) < 1e-9)
    }

    /// The ranking metrics are invariant to a monotone change of the scores, and a perfect ranking scores 1.
    @Test func rankingMetricsProperties() {
        let truth: [Int32] = [0, 0, 1, 1, 0, 1]
        let p: [Float] = [0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.6, 0.4, 0.95, 0.05, 0.35, 0.65]
        #expect(Metrics.rocAUC(truth: truth, probabilities: p, classCount: 2) == 1)
        #expect(Metrics.averagePrecision(truth: truth, probabilities: p, classCount: 2) == 1)
        #expect(Metrics.rocAUC(truth: [1, 1, 1], probabilities: [0.2, 0.8, 0.3, 0.7, 0.4, 0.6], classCount: 2) == nil)
    }
}
