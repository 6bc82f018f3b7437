import Foundation
import Testing
@testable import CVKit

@Suite struct PreprocessingTests {
    struct Reference: Decodable {
        struct Output: Decodable {
            var names: [String]
            var test: [[Double]]
        }
        var csv: String
        var train: [Int]
        var test: [Int]
        var minCount1: Output
        var minCount4: Output
    }

    static func reference() throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/preprocessing_reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Imputation, indicators, standardization and one-hot encoding (with unseen and rare
    /// categories) equal scikit-learn's pipeline (`make_preprocessing_reference.py`), column by column.
    @Test(arguments: [1, 4])
    func equalsScikitLearnsPipeline(minCount: Int) throws {
        let reference = try Self.reference()
        let expected = minCount == 1 ? reference.minCount1 : reference.minCount4
        let data = try CSVLoader.load(text: reference.csv)
        let fitted = Preprocessing.fit(data, rows: reference.train, minCategoryCount: minCount)
        #expect(Set(fitted.outputNames) == Set(expected.names))
        let out = fitted.transform(data, rows: reference.test)
        for (j, name) in fitted.outputNames.enumerated() {
            let k = try #require(expected.names.firstIndex(of: name))
            for i in reference.test.indices {
                #expect(abs(Double(out[i * fitted.width + j]) - expected.test[i][k]) < 2e-6, "\(name), test row \(i)")
            }
        }
        // The unseen category encodes as zeros, and is counted.
        #expect(fitted.unseenCounts(data, rows: reference.test)["island"] == 1)
    }

    /// An all-numeric data set without gaps is standardized exactly as `Standardizer` does.
    @Test func plainDataIsTheStandardizationBitForBit() throws {
        let data = try CSVLoader.load(text: "a,b,label\n1,10,x\n2,30,y\n4,20,x\n8,50,y\n")
        let rows = [0, 1, 3]
        let fitted = Preprocessing.fit(data, rows: rows)
        let scaler = Standardizer.fit(data, rows: rows)
        #expect(fitted.standardizer == scaler)
        #expect(fitted.transform(data, rows: [0, 1, 2, 3]) == scaler.transform(data, rows: [0, 1, 2, 3]))
    }

    /// Leakage rule: a test row's category changed to a new one, and a test row's value made
    /// missing, leave the fold's training bit-identical.
    @Test func testRowsChangeNothingInTraining() throws {
        func table(_ change: Bool) -> String {
            "x,island,label\n" + (0..<60).map { row in
                let x = change && row == 55 ? "" : "\(Double(row % 11) * 0.7)"
                let island = change && row == 57 ? "Zebra" : ["Biscoe", "Dream", "Torgersen"][row % 3]
                return "\(x),\(island),c\(row % 2)"
            }.joined(separator: "\n") + "\n"
        }
        let a = try CSVLoader.load(text: table(false)), b = try CSVLoader.load(text: table(true))
        #expect(a.featureColumns[1].categories != b.featureColumns[1].categories)
        let split = Split(repetition: 0, fold: 0, train: Array(0..<50), test: Array(50..<60))
        let settings = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                                   training: TrainingOptions(epochs: 4, batchSize: 8), seed: 3)
        let resultA = try TaskRunner(dataset: a, settings: settings).run(index: 0, split: split)
        let resultB = try TaskRunner(dataset: b, settings: settings).run(index: 0, split: split)
        #expect(resultA.history.epochs.map(\.trainLoss) == resultB.history.epochs.map(\.trainLoss))
        #expect(resultA.history.initialLoss == resultB.history.initialLoss)
        let fittedA = Preprocessing.fit(a, rows: split.train), fittedB = Preprocessing.fit(b, rows: split.train)
        #expect(fittedA.outputNames == fittedB.outputNames)
        #expect(fittedA.transform(a, rows: split.train) == fittedB.transform(b, rows: split.train))
        #expect(fittedB.unseenCounts(b, rows: split.test)["island"] == 1)
    }

    static func perturbedPair(rows: Int, changed: Int) throws -> (Dataset, Dataset) {
        func table(_ change: Bool) -> String {
            "x,island,label\n" + (0..<rows).map { row in
                let x = change && row == changed ? "" : "\(Double(row % 11) * 0.7 + Double(row % 2))"
                let island = change && row == changed ? "Zebra" : ["Biscoe", "Dream", "Torgersen"][(row / 2) % 3]
                return "\(x),\(island),c\(row % 2)"
            }.joined(separator: "\n") + "\n"
        }
        return (try CSVLoader.load(text: table(false)), try CSVLoader.load(text: table(true)))
    }

    /// Through a holdout split with a validation part (early stopping): changing a test row leaves
    /// training and its validation curve bit-identical.
    @Test func splitTestRowsChangeNothing() throws {
        let (a, b) = try Self.perturbedPair(rows: 60, changed: 58)
        let split = Split(repetition: 0, fold: 0, train: Array(0..<44), validation: Array(44..<52), test: Array(52..<60))
        let settings = RunSettings(scheme: .split, dataPath: "x.csv", network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                                   training: TrainingOptions(epochs: 6, batchSize: 8, patience: 2), seed: 4)
        let resultA = try TaskRunner(dataset: a, settings: settings).run(index: 0, split: split)
        let resultB = try TaskRunner(dataset: b, settings: settings).run(index: 0, split: split)
        #expect(resultA.history == resultB.history)
    }

    /// Through nested CV: the outer fold whose test part holds the changed row chooses the same
    /// configuration with the same inner scores.
    @Test func nestedOuterTestRowsChangeNothingInside() throws {
        let (a, b) = try Self.perturbedPair(rows: 60, changed: 7)
        let base = RunSettings(scheme: .kfold, dataPath: "x.csv", k: 2, network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                               training: TrainingOptions(epochs: 3, batchSize: 8), seed: 5)
        let nested = NestedCrossValidation(base: base, outerK: 3, innerK: 2, space: try SearchSpace(parsing: "lr=log(1e-3,1e-1)"), method: .random, trials: 3)
        let resultA = try nested.run(dataset: a, jobs: 1, journal: nil), resultB = try nested.run(dataset: b, jobs: 1, journal: nil)
        let outer = try NestedSplits.make(outer: KFold(k: 3, stratified: true, seed: 5), inner: KFold(k: 2, stratified: true, seed: 5), labels: a.labels)
        let fold = try #require(outer.firstIndex { $0.outer.test.contains(7) })
        #expect(resultA.outer[fold].innerScore == resultB.outer[fold].innerScore)
        #expect(resultA.outer[fold].innerSD == resultB.outer[fold].innerSD)
        #expect(resultA.outer[fold].sampled == resultB.outer[fold].sampled)
    }

    /// A hand-built data set with another NaN or a code out of range is read as missing, never a crash.
    @Test func handBuiltCellsAreReadSafely() throws {
        let columns = [ColumnInfo(name: "c", index: 0, role: .categorical, reason: "test", categories: ["a", "b"]),
                       ColumnInfo(name: "x", index: 1, role: .numeric, reason: "test"),
                       ColumnInfo(name: "label", index: 2, role: .label, reason: "test")]
        let data = Dataset(source: .init(path: "h", sha256: "", byteCount: 0), columns: columns, labelName: "label", classNames: ["p", "q"],
                           features: [0, 1, 1, -.nan, 7, 2, -1, 3, 0.5, 4], labels: [0, 1, 0, 1, 0])
        let fitted = Preprocessing.fit(data, rows: [0, 1, 2, 3, 4])
        #expect(fitted.outputNames == ["c=a", "c=b", "c=(missing)", "x", "x (missing)"])
        let out = fitted.transform(data, rows: [0, 1, 2, 3, 4])
        #expect(out.allSatisfy { $0.isFinite })
    }

    @Test func missingValuesTakeTheTrainingMedianAndAnIndicator() throws {
        let data = try CSVLoader.load(text: "x,label\n1,a\nNA,b\n3,a\n10,b\n,a\n100,b\n")
        let fitted = Preprocessing.fit(data, rows: [0, 1, 2, 3])
        #expect(fitted.outputNames == ["x", "x (missing)"])
        guard case .numeric(let step) = fitted.steps[0] else { Issue.record("not numeric"); return }
        #expect(step.fill == 3 && step.trainingMissing == 1)
        // Row 5's 100 is a test value: it moves nothing.
        #expect(Preprocessing.fit(data, rows: [0, 1, 2, 3]) == fitted)
        let out = fitted.transform(data, rows: [4])
        let mean = (1.0 + 3 + 3 + 10) / 4
        let sd = ((pow(1 - mean, 2) + 2 * pow(3 - mean, 2) + pow(10 - mean, 2)) / 4).squareRoot()
        #expect(abs(Double(out[0]) - (3 - mean) / sd) < 1e-6)
        #expect(abs(Double(out[1]) - (1 - 0.25) / (0.25 * 0.75).squareRoot()) < 1e-6)
    }
}
