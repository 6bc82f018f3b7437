import Foundation
import PropertyBased
import Testing
@testable import CVKit

@Suite struct ConfusionMatrixTests {
    // Class 3 is predicted but never true, class 4 occurs nowhere.
    static let truth: [Int32] = [0, 0, 0, 1, 1, 2, 2, 2, 2, 0]
    static let predicted: [Int32] = [0, 1, 0, 1, 3, 2, 0, 2, 2, 3]

    @Test func countsMatchScikitLearn() {
        let matrix = ConfusionMatrix(truth: Self.truth, predicted: Self.predicted, classCount: 5)
        // sklearn.metrics.confusion_matrix(truth, predicted, labels=range(5)).
        #expect(matrix.counts == [[2, 1, 0, 1, 0], [0, 1, 0, 1, 0], [1, 0, 3, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
        #expect(matrix.total == 10 && matrix.correct == 6 && matrix.accuracy == 0.6)
    }

    @Test func perClassAndMacroF1MatchScikitLearn() {
        let matrix = ConfusionMatrix(truth: Self.truth, predicted: Self.predicted, classCount: 5)
        let metrics = matrix.perClass()
        // scikit-learn 1.9 precision_recall_fscore_support(labels=range(5), zero_division=0).
        let precision = [0.6666666666666666, 0.5, 1.0, 0.0, 0.0]
        let recall = [0.5, 0.5, 0.75, 0.0, 0.0]
        let f1 = [0.5714285714285714, 0.5, 0.8571428571428571, 0.0, 0.0]
        #expect(metrics.map(\.support) == [4, 2, 4, 0, 0])
        #expect(maxAbsoluteDifference(metrics.map(\.precision), precision) < 1e-15)
        #expect(maxAbsoluteDifference(metrics.map(\.recall), recall) < 1e-15)
        #expect(maxAbsoluteDifference(metrics.map(\.f1), f1) < 1e-15)
        // f1_score(average="macro", zero_division=0): mean over classes 0–3 (class 4 occurs nowhere).
        #expect(abs(matrix.macroF1() - 0.4821428571428571) < 1e-15)
    }

    @Test func emptyMatricesScoreZero() {
        let empty = ConfusionMatrix(classCount: 3)
        #expect(empty.counts == [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
        #expect(empty.total == 0 && empty.accuracy == 0 && empty.macroF1() == 0)
        #expect(empty.perClass() == Array(repeating: ClassMetrics(precision: 0, recall: 0, f1: 0, support: 0), count: 3))
        #expect(ConfusionMatrix(classCount: 0).perClass().isEmpty)
    }

    @Test func perfectPredictionsScoreOne() {
        let labels: [Int32] = [2, 0, 1, 1, 2]
        let matrix = ConfusionMatrix(truth: labels, predicted: labels, classCount: 4)
        #expect(matrix.accuracy == 1 && matrix.macroF1() == 1)
        #expect(matrix.perClass()[3] == ClassMetrics(precision: 0, recall: 0, f1: 0, support: 0))
    }

    @Test func addingMatricesPoolsTheirRows() {
        var pooled = ConfusionMatrix(truth: Array(Self.truth[..<4]), predicted: Array(Self.predicted[..<4]), classCount: 5)
        pooled.add(ConfusionMatrix(truth: Array(Self.truth[4...]), predicted: Array(Self.predicted[4...]), classCount: 5))
        #expect(pooled == ConfusionMatrix(truth: Self.truth, predicted: Self.predicted, classCount: 5))
        var single = ConfusionMatrix(classCount: 2)
        single.add(truth: 1, predicted: 0)
        single.add(truth: 1, predicted: 0)
        #expect(single.counts == [[0, 0], [2, 0]])
    }

    @Test func codableRoundTripAndValidation() throws {
        let matrix = ConfusionMatrix(truth: Self.truth, predicted: Self.predicted, classCount: 5)
        let data = try JSONEncoder().encode(matrix)
        #expect(try JSONDecoder().decode(ConfusionMatrix.self, from: data) == matrix)
        for bad in [#"{"classCount":2,"counts":[[1,2],[3]]}"#, #"{"classCount":3,"counts":[[1,2],[3,4]]}"#,
                    #"{"classCount":2,"counts":[[1,-2],[3,4]]}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ConfusionMatrix.self, from: Data(bad.utf8)) }
        }
        #expect(try JSONDecoder().decode(ConfusionMatrix.self, from: Data(#"{"classCount":2,"counts":[[1,2],[3,4]]}"#.utf8)).total == 10)
    }

    @Test func randomMatricesAreConsistent() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...300), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000)) {
            rows, classes, seed in
            var random = RandomSource(seed: UInt64(seed))
            let truth = (0..<rows).map { _ in Int32(random.nextInt(below: classes)) }
            // Mostly right, so F1 values spread over (0, 1) rather than sitting near chance.
            let predicted = truth.map { random.nextInt(below: 3) == 0 ? Int32(random.nextInt(below: classes)) : $0 }
            let matrix = ConfusionMatrix(truth: truth, predicted: predicted, classCount: classes)
            let metrics = matrix.perClass()
            #expect(matrix.total == rows)
            #expect(metrics.reduce(0) { $0 + $1.support } == matrix.total)
            #expect(matrix.accuracy == Metrics.accuracy(truth: truth, predicted: predicted))
            // Σ recall_c · support_c = Σ TP_c = correct: recall averaged by support is accuracy.
            let weightedRecall = metrics.reduce(0.0) { $0 + $1.recall * Double($1.support) }
            #expect(abs(weightedRecall - Double(matrix.correct)) < 1e-9)
            let macro = matrix.macroF1()
            #expect(macro >= 0 && macro <= 1)
            for m in metrics {
                #expect(m.f1 >= Swift.min(m.precision, m.recall) - 1e-12 && m.f1 <= Swift.max(m.precision, m.recall) + 1e-12)
            }
            // Splitting the rows anywhere and adding the parts gives the same matrix.
            let cut = rows == 0 ? 0 : random.nextInt(below: rows + 1)
            var parts = ConfusionMatrix(truth: Array(truth[..<cut]), predicted: Array(predicted[..<cut]), classCount: classes)
            parts.add(ConfusionMatrix(truth: Array(truth[cut...]), predicted: Array(predicted[cut...]), classCount: classes))
            #expect(parts == matrix)
        }
    }
}
