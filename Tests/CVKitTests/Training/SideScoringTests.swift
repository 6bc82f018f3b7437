import Foundation
import Testing
@testable import CVKit

/// Held-out scoring on a spare core gives what scoring in line gives, bit for bit, reports every
/// epoch once, in order and as it ends (without the held-out figures still being scored), and
/// gives the core back.
@Suite struct SideScoringTests {
    /// `freedAfter`: the epoch after which `spare` gets its core (a worker finishing mid-run).
    func run(spare: SpareCores?, options: TrainingOptions, freedAfter: Int? = nil) throws -> (TrainingHistory, [EpochRecord], [Float]) {
        let wine = try CSVLoader.load(path: ProjectFiles.dataset("wine"))
        let train = (0..<wine.rowCount).filter { $0 % 3 != 0 }, heldOut = (0..<wine.rowCount).filter { $0 % 3 == 0 }
        let preprocessing = Preprocessing.fit(wine, rows: train)
        let network = try Network<Float>(config: NetworkConfig(inputs: preprocessing.width, classes: wine.classCount, hidden: [16, 8]), seed: 3)
        var trainer = Trainer(options: options)
        trainer.spareCores = spare
        var seen: [EpochRecord] = []
        let history = try trainer.train(
            network, dataset: wine, rows: train, preprocessing: preprocessing, labels: train.map { wine.labels[$0] },
            validation: (PreprocessedRows(dataset: wine, rows: heldOut, preprocessing: preprocessing), heldOut.map { wine.labels[$0] }),
            seed: 4) { record in
                seen.append(record)
                if record.epoch == freedAfter { spare?.give() }
            }
        return (history, seen, network.parameterValues)
    }

    @Test func sameNumbersAsInLine() throws {
        let options = TrainingOptions(epochs: 6, batchSize: 16, learningRate: 0.01)
        let inline = try run(spare: nil, options: options)
        let spare = SpareCores()
        spare.give()
        let beside = try run(spare: spare, options: options)
        #expect(beside.0 == inline.0)
        #expect(beside.0.epochs.allSatisfy { $0.validationLoss != nil && $0.validationAccuracy != nil })
        #expect(beside.1.map(\.epoch) == Array(1...6) && beside.1.map(\.trainLoss) == inline.1.map(\.trainLoss))
        // The core was free from the first epoch: every epoch scored beside training, reported before its score.
        #expect(beside.1.allSatisfy { $0.validationLoss == nil } && inline.1.allSatisfy { $0.validationLoss != nil })
        #expect(beside.2.map(\.bitPattern) == inline.2.map(\.bitPattern))
        #expect(spare.taken == 1, "scored beside training")
        #expect(spare.take(), "the core is given back")
        #expect(!spare.take())
    }

    /// A core freed mid-run (the last wave): the epochs before it scored in line, those after beside.
    @Test func aCoreFreedMidRun() throws {
        let options = TrainingOptions(epochs: 6, batchSize: 16, learningRate: 0.01)
        let inline = try run(spare: nil, options: options)
        let spare = SpareCores()
        let beside = try run(spare: spare, options: options, freedAfter: 2)
        #expect(beside.0 == inline.0 && beside.2.map(\.bitPattern) == inline.2.map(\.bitPattern))
        #expect(beside.1.prefix(2).allSatisfy { $0.validationLoss != nil } && beside.1.dropFirst(2).allSatisfy { $0.validationLoss == nil })
        #expect(spare.taken == 1 && spare.take())
    }

    /// A run that diverges reports its side-scored epochs before the epoch that diverged.
    @Test func divergenceKeepsTheOrder() throws {
        let options = TrainingOptions(epochs: 8, optimizer: .sgd, learningRate: 30)
        let inline = try run(spare: nil, options: options)
        let spare = SpareCores()
        spare.give()
        let beside = try run(spare: spare, options: options)
        let diverged = try #require(inline.0.divergedAtEpoch)
        #expect(diverged >= 2, "epochs scored beside training before it diverged")
        #expect(beside.0 == inline.0 && beside.1.map(\.trainLoss) == inline.1.map(\.trainLoss))
        #expect(beside.1.map(\.epoch) == Array(1...beside.1.count))
        #expect(spare.taken == 1)
        #expect(spare.take())
    }

    /// With early stopping the next epoch waits on the score: nothing is run beside it.
    @Test func earlyStoppingScoresInLine() throws {
        let spare = SpareCores()
        spare.give()
        let options = TrainingOptions(epochs: 6, batchSize: 16, learningRate: 0.01, patience: 2)
        let beside = try run(spare: spare, options: options)
        #expect(beside.0 == (try run(spare: nil, options: options)).0)
        #expect(spare.taken == 0)
    }
}
