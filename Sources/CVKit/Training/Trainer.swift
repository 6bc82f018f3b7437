import CKernels

/// Mini-batch training of a `Network<Float>`.
///
/// Each epoch: shuffle the training rows with the task's `RandomSource` (own Fisher–Yates), cut
/// the order into batches of `batchSize`, keep the last partial batch, skip a batch of one when
/// the network has BatchNorm (a single row has no variance). Each batch is gathered into one
/// preallocated buffer (`cvk_gather_rows_f32`, which also prefetches the next batch's rows); the
/// forward, backward and update passes allocate nothing.
/// Divergence stops training and records the epoch (`divergedAtEpoch`), judged on the training
/// loss only: a batch loss that is NaN or infinite, or an epoch whose mean training loss exceeds `Trainer.divergenceFactor` (3) times
/// the initial loss (CS231n's rule for hyperparameter searches: a loss that has tripled is not
/// coming back, and with BatchNorm an exploding model often keeps a finite loss). The caller must
/// not use the network's predictions then. With `patience` and validation data, training stops
/// after `patience` epochs without a lower validation loss and restores the best epoch's weights.
public struct Trainer: Sendable {
    /// An epoch whose mean training loss is above this multiple of the initial loss has diverged.
    public static let divergenceFactor = 3.0

    public var options: TrainingOptions
    /// Called after every optimizer step with the step's number (from 1) and the training rows of
    /// its mini-batch, in batch order; training stops when it returns false. For step-by-step
    /// comparisons with another implementation (`cvkit-bench --trace-out`); nil in every run.
    public var stepObserver: (@Sendable (_ step: Int, _ rows: [Int]) -> Bool)?
    /// Idle cores of the run; when one is free and there is no early stopping, the held-out rows
    /// are scored there beside the next epoch (`SideScoring`: the same numbers in the returned
    /// history). `onEpoch` still comes as each epoch ends, without held-out figures for the epochs
    /// scored there (they are not known yet). nil: in line.
    public var spareCores: SpareCores?

    public init(options: TrainingOptions) { self.options = options }

    /// Trains on `features` (`labels.count` rows, already standardized), row `i` labelled `labels[i]`.
    public func train(
        _ network: Network<Float>, features: [Float], labels: [Int32],
        validation: (features: [Float], labels: [Int32])? = nil, seed: UInt64,
        onEpoch: ((EpochRecord) -> Void)? = nil
    ) throws -> TrainingHistory {
        return try run(network, matrix: features, rows: nil, scaling: nil, labels: labels, validation: try HeldOut(matrix: validation, network: network),
                       seed: seed, onEpoch: onEpoch)
    }

    /// Trains on rows `rows` of `dataset`, preprocessed by `preprocessing` (fitted on those rows) as
    /// each mini-batch is gathered — the same numbers as training on
    /// `preprocessing.transform(dataset, rows: rows)`, without that copy: tasks running side by side
    /// read one matrix. (Synthetic 5-fold: peak RSS 170 → 126 MB; wall time the same within this
    /// machine's noise, A/B over 6 runs each.) An all-numeric data set gathers through the C kernel
    /// (`cvk_gather_rows_f32`); others through `Preprocessing.gather`.
    public func train(
        _ network: Network<Float>, dataset: Dataset, rows: consuming [Int], preprocessing: Preprocessing, labels: consuming [Int32],
        validation: (rows: PreprocessedRows, labels: [Int32])? = nil, seed: UInt64,
        onEpoch: ((EpochRecord) -> Void)? = nil
    ) throws -> TrainingHistory {
        guard rows.count == labels.count, preprocessing.width == network.config.inputs, preprocessing.fits(dataset),
              rows.allSatisfy({ $0 >= 0 && $0 < dataset.rowCount })
        else { throw CVKitError.invalidArgument("training rows, labels and network inputs disagree") }
        if let standardizer = preprocessing.standardizer {
            return try train(network, dataset: dataset, rows: consume rows, standardizer: standardizer, labels: consume labels, validation: validation, seed: seed, onEpoch: onEpoch)
        }
        let validation = try HeldOut(validation, network: network)
        return try run(network, matrix: dataset.features, rows: consume rows, scaling: nil, preprocessing: (preprocessing, dataset.featureCount),
                       labels: consume labels, validation: validation, seed: seed, onEpoch: onEpoch)
    }

    /// Trains on rows `rows` of an all-numeric `dataset`, standardized by `standardizer` as each
    /// mini-batch is gathered.
    public func train(
        _ network: Network<Float>, dataset: Dataset, rows: consuming [Int], standardizer: Standardizer, labels: consuming [Int32],
        validation: (rows: PreprocessedRows, labels: [Int32])? = nil, seed: UInt64,
        onEpoch: ((EpochRecord) -> Void)? = nil
    ) throws -> TrainingHistory {
        guard rows.count == labels.count, dataset.featureCount == network.config.inputs, standardizer.mean.count == dataset.featureCount,
              standardizer.sd.count == dataset.featureCount, rows.allSatisfy({ $0 >= 0 && $0 < dataset.rowCount })
        else { throw CVKitError.invalidArgument("training rows, labels and network inputs disagree") }
        let validation = try HeldOut(validation, network: network)
        return try run(network, matrix: dataset.features, rows: consume rows, scaling: (standardizer.mean, standardizer.scale),
                       labels: consume labels, validation: validation, seed: seed, onEpoch: onEpoch)
    }

    /// The loop: row `i` of the training set is `matrix` row `rows?[i] ?? i`, scaled by `scaling`
    /// (`(x − mean) · scale`, as `Standardizer.transform`) when given.
    private func run(
        _ network: Network<Float>, matrix features: [Float], rows: consuming [Int]?, scaling: (mean: [Double], scale: [Double])?,
        preprocessing: (Preprocessing, inputWidth: Int)? = nil, labels: consuming [Int32], validation: HeldOut?, seed: UInt64, onEpoch: ((EpochRecord) -> Void)?
    ) throws -> TrainingHistory {
        if let problem = options.problem { throw CVKitError.invalidArgument(problem) }
        let width = network.config.inputs
        let n = labels.count
        guard n > 0 else { throw CVKitError.invalidArgument("no training rows") }
        if preprocessing != nil, rows == nil { throw CVKitError.invalidArgument("preprocessing needs matrix rows") }
        if rows == nil, features.count != n * width {
            throw CVKitError.invalidArgument("\(features.count) feature values for \(n) rows of \(width) inputs")
        }
        let hasBatchNorm = network.config.batchNorm && !network.config.hidden.isEmpty
        if hasBatchNorm && n < 2 { throw CVKitError.invalidArgument("BatchNorm needs at least 2 training rows (got \(n))") }
        if hasBatchNorm && options.batchSize == 1 {
            throw CVKitError.invalidArgument("a batch size of 1 with BatchNorm trains nothing (a batch of one row has no variance): use no BatchNorm or batches of 2 or more")
        }
        let batchSize = min(options.batchSize, n)
        network.reserve(batch: batchSize)
        // Class weights from these training labels only (the leakage rule holds for them too).
        network.classWeights = options.classWeight?.weights(labels: labels, classCount: network.config.classes)?.map { Float($0) } ?? []
        var optimizer = options.optimizer.make(count: network.parameterCount, beta1: options.beta1, beta2: options.beta2)
        var random = RandomSource(seed: seed)
        var batchX = [Float](repeating: 0, count: batchSize * width)
        // Each epoch's order as matrix rows and as labels, shuffled together by one permutation
        // (the one a shuffle of positions 0..<n would make): a batch is then a slice of each. The
        // caller's arrays are taken over (`consuming`), not copied: a task's rows are held once.
        var matrixRows = (consume rows) ?? Array(0..<n)
        var orderedLabels = consume labels
        let mean = scaling?.mean ?? [], scale = scaling?.scale ?? []
        var history = TrainingHistory(initialLoss: .nan, epochs: [], divergedAtEpoch: nil, bestEpoch: nil, samplesSeen: 0)
        var best: (loss: Double, epoch: Int, parameters: [Float], statistics: [Float])?
        var steps = 0
        // Held-out scoring beside training, from the first epoch a spare core is free: those
        // epochs' records get their held-out figures when it finishes.
        var side: SideScoring?

        epochs: for epoch in 0..<options.epochs {
            random.shuffle(&matrixRows, &orderedLabels)
            let learningRate = Float(options.schedule.rate(base: options.learningRate, epoch: epoch))
            var lossSum = 0.0, correct = 0, seen = 0
            var start = 0
            while start < n {
                let count = min(batchSize, n - start)
                defer { start += count }
                if count < 2 && hasBatchNorm { continue }
                let loss: Float = features.withUnsafeBufferPointer { x in
                    batchX.withUnsafeMutableBufferPointer { bx in
                        orderedLabels.withUnsafeBufferPointer { ordered in
                            let by = ordered.baseAddress! + start
                            let nextStart = start + count, nextCount = max(min(batchSize, n - nextStart), 0)
                            let hasScaling = scaling != nil
                            matrixRows.withUnsafeBufferPointer { r in
                                if let (preprocessing, inputWidth) = preprocessing {
                                    preprocessing.gather(x.baseAddress!, inputWidth: inputWidth, rows: r.baseAddress! + start, count: count, into: bx.baseAddress!)
                                    return
                                }
                                mean.withUnsafeBufferPointer { m in
                                    scale.withUnsafeBufferPointer { s in
                                        cvk_gather_rows_f32(x.baseAddress!, width, r.baseAddress! + start, count, hasScaling ? m.baseAddress : nil,
                                                            hasScaling ? s.baseAddress : nil, bx.baseAddress!, r.baseAddress! + nextStart, nextCount)
                                    }
                                }
                            }
                            if epoch == 0 && start == 0 {
                                history.initialLoss = Double(network.forward(
                                    x: bx.baseAddress!, labels: by, batch: count, training: true, updateRunning: false))
                            }
                            let loss = network.forward(x: bx.baseAddress!, labels: by, batch: count, training: true, updateRunning: true)
                            guard loss.isFinite else { return loss }
                            network.backward(x: bx.baseAddress!, labels: by, batch: count)
                            correct += network.correctCount(labels: by, batch: count)
                            optimizer.step(parameters: network.parameters, gradients: UnsafeBufferPointer(network.gradients), learningRate: learningRate)
                            return loss
                        }
                    }
                }
                guard loss.isFinite else {
                    history.divergedAtEpoch = epoch + 1
                    break epochs
                }
                lossSum += Double(loss) * Double(count)
                seen += count
                if let stepObserver {
                    steps += 1
                    if !stepObserver(steps, Array(matrixRows[start..<start + count])) { break epochs }
                }
            }
            history.samplesSeen += seen
            var record = EpochRecord(
                epoch: epoch + 1, learningRate: Double(learningRate), trainLoss: lossSum / Double(max(seen, 1)),
                trainAccuracy: Double(correct) / Double(max(seen, 1)), validationLoss: nil, validationAccuracy: nil)
            if history.initialLoss.isFinite, record.trainLoss > Self.divergenceFactor * history.initialLoss {
                history.epochs.append(record)
                onEpoch?(record)
                history.divergedAtEpoch = epoch + 1
                break epochs
            }
            if let validation, validation.count > 0, options.patience == nil,
               let running = side ?? SideScoring(spareCores, config: network.config) {
                side = running
                running.score(validation, epoch: history.epochs.count, parameters: network.parameterValues, statistics: network.runningStatistics)
                history.epochs.append(record)   // its held-out figures when the side scoring finishes
                onEpoch?(record)
                continue epochs
            }
            if let validation, validation.count > 0 {
                // Watched, and with `patience` the chooser of the epoch — never the judge of
                // divergence: that is the training loss's alone (a test part passed here for the
                // curves must decide nothing).
                let (loss, right) = validation.evaluate(network)
                record.validationLoss = loss.isFinite ? loss : nil
                record.validationAccuracy = Double(right) / Double(validation.count)
                if let patience = options.patience {
                    if loss.isFinite, best.map({ loss < $0.loss }) ?? true {
                        best = (loss, epoch + 1, network.parameterValues, network.runningStatistics)
                    } else if epoch + 1 - (best?.epoch ?? 0) >= patience {
                        history.epochs.append(record)
                        onEpoch?(record)
                        break epochs
                    }
                }
            }
            history.epochs.append(record)
            onEpoch?(record)
        }
        if let side, let count = validation?.count {
            for (index, (loss, right)) in side.finish() {
                history.epochs[index].validationLoss = loss.isFinite ? loss : nil
                history.epochs[index].validationAccuracy = Double(right) / Double(count)
            }
        }
        if let best, !history.diverged {
            network.parameterValues = best.parameters
            network.runningStatistics = best.statistics
            history.bestEpoch = best.epoch
        }
        return history
    }
}

/// The rows a `Trainer` scores after every epoch: a matrix (the array API) or data-set rows gathered
/// through their preprocessing a chunk at a time (`PreprocessedRows`: no copy of a test fold).
enum HeldOut: Sendable {
    case matrix([Float], [Int32])
    case rows(PreprocessedRows, [Int32])

    /// Throws when the rows or labels do not fit the network.
    init?(_ given: (rows: PreprocessedRows, labels: [Int32])?, network: Network<Float>) throws {
        guard let given else { return nil }
        guard given.rows.count == given.labels.count, given.rows.width == network.config.inputs
        else { throw CVKitError.invalidArgument("validation rows, labels and network inputs disagree") }
        self = .rows(given.rows, given.labels)
    }

    /// Throws when the matrix does not hold `labels.count` rows of the network's inputs.
    init?(matrix given: (features: [Float], labels: [Int32])?, network: Network<Float>) throws {
        guard let given else { return nil }
        guard given.features.count == given.labels.count * network.config.inputs else {
            throw CVKitError.invalidArgument("\(given.features.count) validation values for \(given.labels.count) rows of \(network.config.inputs) inputs")
        }
        self = .matrix(given.features, given.labels)
    }

    var count: Int {
        switch self {
        case .matrix(_, let labels), .rows(_, let labels): labels.count
        }
    }

    func evaluate(_ network: Network<Float>) -> (loss: Double, correct: Int) {
        switch self {
        case .matrix(let features, let labels): network.evaluate(features: features, labels: labels)
        case .rows(let rows, let labels): network.evaluate(rows, labels: labels)
        }
    }
}
