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
}
