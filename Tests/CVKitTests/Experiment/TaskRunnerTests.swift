import Foundation
import Testing
@testable import CVKit

@Suite struct TaskRunnerTests {
    /// The test part is never seen by training: making the test rows extreme outliers leaves the
    /// trained network (and so its predictions on the training rows) unchanged.
    @Test func testRowsDoNotInfluenceTraining() throws {
        let clean = "a,b,label\n" + (0..<40).map { "\(Double($0 % 7) * 0.5),\(Double($0 % 5)),c\($0 % 2)" }.joined(separator: "\n") + "\n"
        var poisoned = "a,b,label\n" + (0..<40).map { "\(Double($0 % 7) * 0.5),\(Double($0 % 5)),c\($0 % 2)" }.joined(separator: "\n") + "\n"
        poisoned = poisoned.replacingOccurrences(of: "\n0.0,0.0,c0\n", with: "\n1e30,-1e30,c0\n")
        let a = try CSVLoader.load(text: clean), b = try CSVLoader.load(text: poisoned)
        #expect(a.features != b.features)
        let changed = (0..<40).filter { Array(a.row($0)) != Array(b.row($0)) }
        let split = Split(repetition: 0, fold: 0, train: (0..<40).filter { !changed.contains($0) }, test: changed)
        let settings = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(inputs: 1, classes: 2, hidden: [4]),
                                   training: TrainingOptions(epochs: 3, batchSize: 8), seed: 1)
        let resultA = try TaskRunner(dataset: a, settings: settings).run(index: 0, split: split)
        let resultB = try TaskRunner(dataset: b, settings: settings).run(index: 0, split: split)
        #expect(resultA.history.epochs.map(\.trainLoss) == resultB.history.epochs.map(\.trainLoss))
        #expect(resultA.history.initialLoss == resultB.history.initialLoss)
        #expect(resultA.nTest == changed.count && !changed.isEmpty)
    }

    /// Early stopping in K-fold chooses the epoch on a validation slice of the training part: test
    /// rows made into extreme outliers (their loss explodes) change neither the chosen epoch nor any
    /// training or validation number — the test fold decides nothing, divergence included.
    @Test func earlyStoppingAndDivergenceIgnoreTheTestPart() throws {
        func table(_ outlier: Bool) -> String {
            "a,b,label\n" + (0..<120).map { i -> String in
                let x = outlier && i % 6 == 0 ? 3e38 : Double(i % 7) * 0.5
                return "\(x),\(Double(i % 5) + (i % 2 == 0 ? 0.3 : 0)),c\(i % 2)"
            }.joined(separator: "\n") + "\n"
        }
        let clean = try CSVLoader.load(text: table(false)), poisoned = try CSVLoader.load(text: table(true))
        let test = (0..<120).filter { $0 % 6 == 0 }
        let split = Split(repetition: 0, fold: 0, train: (0..<120).filter { $0 % 6 != 0 }, test: test)
        var settings = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(hidden: [8]),
                                   training: TrainingOptions(epochs: 40, batchSize: 16, learningRate: 0.01, patience: 3), seed: 2)
        settings.validationFraction = 0.2
        let a = try TaskRunner(dataset: clean, settings: settings).run(index: 0, split: split)
        let b = try TaskRunner(dataset: poisoned, settings: settings).run(index: 0, split: split)
        #expect(a.nValidation == 20 && a.nTrain == 80 && a.nTest == 20)
        #expect(a.history.bestEpoch != nil && a.history.bestEpoch == b.history.bestEpoch)
        #expect(a.history.epochs == b.history.epochs)
        #expect(!b.diverged, "an exploding test loss must not mark the fold diverged")
        // Without early stopping the test part is only watched: the training is the same too.
        settings.training.patience = nil
        let c = try TaskRunner(dataset: clean, settings: settings).run(index: 0, split: split)
        let d = try TaskRunner(dataset: poisoned, settings: settings).run(index: 0, split: split)
        #expect(c.nValidation == 0 && c.history.epochs.map(\.trainLoss) == d.history.epochs.map(\.trainLoss) && !d.diverged)
    }
}
