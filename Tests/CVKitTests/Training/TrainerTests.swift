import Foundation
import Testing
@testable import CVKit

@Suite struct TrainerTests {
    func standardized(_ name: String) throws -> (Dataset, Standardizer) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset(name))
        return (data, Standardizer.fit(data, rows: Array(0..<data.rowCount)))
    }

    @Test func fitsStandardizedIris() throws {
        let (iris, scaler) = try standardized("iris")
        let all = Array(0..<iris.rowCount)
        let x = scaler.transform(iris, rows: all)
        let network = try Network<Float>(config: NetworkConfig(inputs: 4, classes: 3, hidden: [32]), seed: 1)
        let history = try Trainer(options: TrainingOptions(epochs: 60, batchSize: 16, learningRate: 0.01))
            .train(network, features: x, labels: iris.labels, seed: 2)
        let predicted = network.predictions(features: x)
        let accuracy = Double(zip(predicted, iris.labels).filter { $0 == $1 }.count) / 150
        #expect(accuracy >= 0.97, "training accuracy \(accuracy)")
        #expect(!history.diverged && history.epochs.count == 60)
        #expect(abs(history.initialLoss - log(3)) < 0.1)
        #expect(history.epochs.last!.trainLoss < history.epochs.first!.trainLoss)
    }

    @Test func digitsHeldOutAccuracy() throws {
        let digits = try CSVLoader.load(path: ProjectFiles.dataset("digits"))
        let split = try Holdout(test: 0.2, seed: 0).splits(labels: digits.labels)[0]
        let scaler = Standardizer.fit(digits, rows: split.train)
        let network = try Network<Float>(config: NetworkConfig(inputs: 64, classes: 10), seed: 3)
        _ = try Trainer(options: TrainingOptions()).train(
            network, features: scaler.transform(digits, rows: split.train), labels: split.train.map { digits.labels[$0] }, seed: 4)
        let predicted = network.predictions(features: scaler.transform(digits, rows: split.test))
        let truth = split.test.map { digits.labels[$0] }
        let accuracy = Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
        #expect(accuracy >= 0.95, "held-out accuracy \(accuracy)")
    }

    @Test func sameSeedSameWeightsBitForBit() throws {
        let (wine, scaler) = try standardized("wine")
        let x = scaler.transform(wine, rows: Array(0..<wine.rowCount))
        func trained(_ seed: UInt64) throws -> ([Float], [Float]) {
            let network = try Network<Float>(config: NetworkConfig(inputs: 13, classes: 3, hidden: [16, 8]), seed: seed)
            _ = try Trainer(options: TrainingOptions(epochs: 5, batchSize: 32)).train(network, features: x, labels: wine.labels, seed: seed)
            return (network.parameterValues, network.runningStatistics)
        }
        let a = try trained(9), b = try trained(9), c = try trained(10)
        #expect(a.0.map(\.bitPattern) == b.0.map(\.bitPattern) && a.1.map(\.bitPattern) == b.1.map(\.bitPattern))
        #expect(a.0 != c.0)
    }

    @Test func divergenceIsDetectedAndStops() throws {
        let (digits, scaler) = try standardized("digits")
        let x = scaler.transform(digits, rows: Array(0..<digits.rowCount))
        let network = try Network<Float>(config: NetworkConfig(inputs: 64, classes: 10, hidden: [64], batchNorm: false), seed: 0)
        let history = try Trainer(options: TrainingOptions(epochs: 20, optimizer: .sgd, learningRate: 1e4))
            .train(network, features: x, labels: digits.labels, seed: 0)
        let epoch = try #require(history.divergedAtEpoch)
        #expect(epoch <= 20 && history.epochs.count < 20)
    }

    /// With BatchNorm a huge learning rate often keeps the loss finite (the normalization bounds the
    /// hidden values) while it sits far above ln C: the 3× rule must catch that, in the first epoch.
    @Test func finiteBlowUpWithBatchNormIsDivergence() throws {
        let (digits, scaler) = try standardized("digits")
        let x = scaler.transform(digits, rows: Array(0..<digits.rowCount))
        let network = try Network<Float>(config: NetworkConfig(inputs: 64, classes: 10), seed: 0)
        var seen: [EpochRecord] = []
        let history = try Trainer(options: TrainingOptions(epochs: 5, optimizer: .sgd, learningRate: 100))
            .train(network, features: x, labels: digits.labels, seed: 0) { seen.append($0) }
        let epoch = try #require(history.divergedAtEpoch)
        let last = try #require(history.epochs.last)
        #expect(last.trainLoss.isFinite && last.trainLoss > Trainer.divergenceFactor * history.initialLoss)
        #expect(epoch == history.epochs.count && seen.count == history.epochs.count)
        #expect(history.bestEpoch == nil)
    }

    /// A healthy run never crosses the line: the loss stays below 3× its start in every epoch.
    @Test func healthyRunIsNotDivergence() throws {
        let (digits, scaler) = try standardized("digits")
        let x = scaler.transform(digits, rows: Array(0..<digits.rowCount))
        let network = try Network<Float>(config: NetworkConfig(inputs: 64, classes: 10), seed: 0)
        let history = try Trainer(options: TrainingOptions(epochs: 3, learningRate: 1e-3)).train(network, features: x, labels: digits.labels, seed: 0)
        #expect(!history.diverged && history.epochs.count == 3)
        #expect(history.epochs.allSatisfy { $0.trainLoss < Trainer.divergenceFactor * history.initialLoss })
    }

    @Test func earlyStoppingRestoresTheBestEpoch() throws {
        let (wine, scaler) = try standardized("wine")
        let split = try Holdout(test: 0.3, seed: 1).splits(labels: wine.labels)[0]
        let network = try Network<Float>(config: NetworkConfig(inputs: 13, classes: 3, hidden: [64]), seed: 1)
        let validation = (scaler.transform(wine, rows: split.test), split.test.map { wine.labels[$0] })
        let history = try Trainer(options: TrainingOptions(epochs: 300, batchSize: 16, learningRate: 0.01, patience: 5)).train(
            network, features: scaler.transform(wine, rows: split.train), labels: split.train.map { wine.labels[$0] },
            validation: validation, seed: 1)
        let best = try #require(history.bestEpoch)
        #expect(history.epochs.count < 300 && history.epochs.count == best + 5)
        let bestLoss = try #require(history.epochs[best - 1].validationLoss)
        #expect(history.epochs.compactMap(\.validationLoss).allSatisfy { $0 >= bestLoss })
        let restored = network.evaluate(features: validation.0, labels: validation.1).loss
        #expect(abs(restored - bestLoss) < 1e-9)
    }

    /// 65 rows in batches of 64 leave a batch of one, which BatchNorm cannot train on: skipped.
    @Test func batchOfOneIsSkippedWithBatchNorm() throws {
        let (iris, scaler) = try standardized("iris")
        let rows = Array(0..<65)
        let network = try Network<Float>(config: NetworkConfig(inputs: 4, classes: 3, hidden: [8]), seed: 0)
        let history = try Trainer(options: TrainingOptions(epochs: 2)).train(
            network, features: scaler.transform(iris, rows: rows), labels: rows.map { iris.labels[$0] }, seed: 0)
        #expect(history.samplesSeen == 128 && !history.diverged)
        let plain = try Network<Float>(config: NetworkConfig(inputs: 4, classes: 3, hidden: [8], batchNorm: false), seed: 0)
        let kept = try Trainer(options: TrainingOptions(epochs: 2)).train(
            plain, features: scaler.transform(iris, rows: rows), labels: rows.map { iris.labels[$0] }, seed: 0)
        #expect(kept.samplesSeen == 130)
    }

    @Test func invalidOptionsThrow() throws {
        let network = try Network<Float>(config: NetworkConfig(inputs: 1, classes: 2, hidden: []), seed: 0)
        for options in [TrainingOptions(epochs: 0), TrainingOptions(batchSize: 0), TrainingOptions(learningRate: -1),
                        TrainingOptions(learningRate: .nan), TrainingOptions(patience: 0)] {
            #expect { try Trainer(options: options).train(network, features: [1, 2], labels: [0, 1], seed: 0) } throws: {
                ($0 as? CVKitError)?.kind == .invalidArgument
            }
        }
    }

    /// Training from the dataset's matrix, standardized per mini-batch, gives bit for bit what
    /// training on the standardized copy gives: weights, running statistics and history.
    @Test func trainingFromTheSharedMatrixEqualsTrainingOnTheStandardizedCopy() throws {
        let wine = try CSVLoader.load(path: ProjectFiles.dataset("wine"))
        let rows = Array(stride(from: 0, to: wine.rowCount, by: 1)).filter { $0 % 4 != 1 }.reversed().map { $0 }
        let scaler = Standardizer.fit(wine, rows: rows)
        let labels = rows.map { wine.labels[$0] }
        let config = NetworkConfig(inputs: wine.featureCount, classes: wine.classCount, hidden: [16, 8])
        let trainer = Trainer(options: TrainingOptions(epochs: 4, batchSize: 10, learningRate: 0.01))
        let copy = try Network<Float>(config: config, seed: 5), shared = try Network<Float>(config: config, seed: 5)
        let a = try trainer.train(copy, features: scaler.transform(wine, rows: rows), labels: labels, seed: 6)
        let b = try trainer.train(shared, dataset: wine, rows: rows, standardizer: scaler, labels: labels, seed: 6)
        #expect(a == b)
        #expect(copy.parameterValues.map(\.bitPattern) == shared.parameterValues.map(\.bitPattern))
        #expect(copy.runningStatistics.map(\.bitPattern) == shared.runningStatistics.map(\.bitPattern))
        #expect(throws: CVKitError.self) {
            try trainer.train(shared, dataset: wine, rows: [0, wine.rowCount], standardizer: scaler, labels: [0, 1], seed: 6)
        }
    }
}

extension TrainerTests {
    /// Validation data that does not fit the network is an error, not a trap.
    @Test func mismatchedValidationIsThrown() throws {
        let (wine, scaler) = try standardized("wine")
        let network = try Network<Float>(config: NetworkConfig(inputs: 13, classes: 3, hidden: [8]), seed: 1)
        let x = scaler.transform(wine, rows: Array(0..<wine.rowCount))
        #expect(throws: CVKitError.self) {
            try Trainer(options: TrainingOptions(epochs: 1)).train(network, features: x, labels: wine.labels, validation: ([1, 2, 3], [0, 1]), seed: 0)
        }
        // Held-out rows of a data set whose labels do not match them: said before training.
        let all = Array(0..<wine.rowCount)
        #expect {
            try Trainer(options: TrainingOptions(epochs: 1)).train(
                network, dataset: wine, rows: all, standardizer: scaler, labels: wine.labels,
                validation: (PreprocessedRows(dataset: wine, rows: [0, 1, 2], preprocessing: Preprocessing.fit(wine, rows: all)), [0, 1]), seed: 0)
        } throws: { error in
            guard case CVKitError.invalidArgument(let message)? = error as? CVKitError else { return false }
            return message.contains("validation rows, labels and network inputs disagree")
        }
    }
}

@Suite struct TrainerStepObserverTests {
    /// The observer sees every optimizer step with its batch's rows, and stops training when it says so;
    /// observing changes no number.
    @Test func observesStepsAndStops() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let rows = Array(0..<data.rowCount)
        let x = Preprocessing.fit(data, rows: rows).transform(data, rows: rows)
        let config = NetworkConfig(inputs: 4, classes: 3, hidden: [8])
        final class Seen: @unchecked Sendable { var batches: [[Int]] = [] }
        let seen = Seen()
        var trainer = Trainer(options: TrainingOptions(epochs: 3, batchSize: 64))
        trainer.stepObserver = { step, batch in
            seen.batches.append(batch)
            return step < 4
        }
        let observed = try Network<Float>(config: config, seed: 1)
        _ = try trainer.train(observed, features: x, labels: data.labels, seed: 2)
        #expect(seen.batches.map(\.count) == [64, 64, 22, 64])
        #expect(Set(seen.batches[0] + seen.batches[1] + seen.batches[2]) == Set(rows))
        // Four steps observed equal four steps of a run that stops there by itself: same parameters.
        var plain = Trainer(options: TrainingOptions(epochs: 3, batchSize: 64))
        plain.stepObserver = { step, _ in step < 4 }
        let reference = try Network<Float>(config: config, seed: 1)
        _ = try plain.train(reference, features: x, labels: data.labels, seed: 2)
        #expect(observed.parameterValues == reference.parameterValues)
    }
}

extension TrainerTests {
    /// The array API's validation matrix is checked where the rows' is (`HeldOut`): a matrix that
    /// does not hold its labels' rows is thrown, before any training.
    @Test func validationMatrixOfTheWrongShapeIsThrownBeforeTraining() throws {
        let (wine, scaler) = try standardized("wine")
        let network = try Network<Float>(config: NetworkConfig(inputs: 13, classes: 3, hidden: [8]), seed: 1)
        let before = network.parameterValues
        #expect(throws: CVKitError.self) {
            try Trainer(options: TrainingOptions(epochs: 3)).train(network, features: scaler.transform(wine, rows: Array(0..<wine.rowCount)),
                                                                 labels: wine.labels, validation: (Array(repeating: 0, count: 13 * 3), [0, 1]), seed: 0)
        }
        #expect(network.parameterValues == before)
    }
}
