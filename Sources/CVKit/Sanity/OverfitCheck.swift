/// Check 4, `overfit-tiny-subset`: the network can memorize a tiny stratified subset.
///
/// A network that cannot reach 100 % training accuracy on 20 rows has a bug (labels not matched
/// to rows, a broken update) or no capacity, and will not learn the full data either (Karpathy,
/// "A Recipe for Training Neural Networks", 2019). Fresh weights (the run's initial weights), the
/// configured architecture with l2 = 0 (nothing pulls against memorizing), full-batch Adam at
/// `SanitySettings.overfitLearningRate` (a batch of the whole subset, so BatchNorm sees real
/// batch statistics), at most `overfitEpochs` epochs. After every epoch the subset is scored in
/// inference mode (running statistics, as predictions are made); the check stops at 100 %.
///
/// The check fails honestly when the subset cannot be memorized: rows with identical features and
/// different labels (`ConflictingRows`) cap the reachable accuracy below 100 %, and the advice
/// says so instead of suggesting more epochs.
enum OverfitCheck {
    struct Outcome: Equatable {
        var reachedAtEpoch: Int?
        var bestAccuracy: Double
        var epochsRun: Int
        var divergedAtEpoch: Int?
    }

    /// `count` rows of the training part (indices into `labels`), stratified: each class gets its
    /// share by largest remainder (`Holdout.apportion`), its rows from its own seeded shuffle. Sorted.
    static func subset(labels: [Int32], count: Int, classes: Int, seed: UInt64) -> [Int] {
        guard count < labels.count else { return Array(labels.indices) }
        var random = RandomSource(seed: seed)
        var members = [[Int]](repeating: [], count: classes)
        for (row, label) in labels.enumerated() { members[Int(label)].append(row) }
        for index in members.indices { random.shuffle(&members[index]) }
        let counts = Holdout.apportion(count, over: members.map(\.count), &random)
        return zip(members, counts).flatMap { $0.prefix($1) }.sorted()
    }

    /// Trains a fresh network on `features` (the subset) until it scores 100 % or `maxEpochs` pass.
    static func train(config: NetworkConfig, seed: UInt64, features: [Float], labels: [Int32], maxEpochs: Int, learningRate: Double) throws -> Outcome {
        var plain = config
        plain.l2 = 0
        let network = try Network<Float>(config: plain, seed: seed)
        let n = labels.count
        network.reserve(batch: n)
        var optimizer = OptimizerKind.adam.make(count: network.parameterCount)
        var outcome = Outcome(reachedAtEpoch: nil, bestAccuracy: 0, epochsRun: 0, divergedAtEpoch: nil)
        features.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                guard let xs = x.baseAddress, let ys = y.baseAddress else { return }
                for epoch in 1...maxEpochs {
                    outcome.epochsRun = epoch
                    let loss = network.forward(x: xs, labels: ys, batch: n, training: true, updateRunning: true)
                    guard loss.isFinite else {
                        outcome.divergedAtEpoch = epoch
                        return
                    }
                    network.backward(x: xs, labels: ys, batch: n)
                    optimizer.step(parameters: network.parameters, gradients: UnsafeBufferPointer(network.gradients), learningRate: Float(learningRate))
                    let accuracy = Double(network.evaluate(features: features, labels: labels).correct) / Double(n)
                    outcome.bestAccuracy = max(outcome.bestAccuracy, accuracy)
                    if accuracy == 1 {
                        outcome.reachedAtEpoch = epoch
                        return
                    }
                }
            }
        }
        return outcome
    }

    /// `trainingPart` (all training rows) is only read to count its conflicting rows for the advice.
    static func evaluate(config: NetworkConfig, seed: UInt64, features: [Float], labels: [Int32], trainingPart: (features: [Float], labels: [Int32]),
                         maxEpochs: Int, learningRate: Double) throws -> SanityCheckResult {
        let n = labels.count
        let outcome = try train(config: config, seed: seed, features: features, labels: labels, maxEpochs: maxEpochs, learningRate: learningRate)
        let passed = outcome.reachedAtEpoch != nil
        var observed: String
        if let epoch = outcome.reachedAtEpoch {
            observed = "100 % at epoch \(epoch)"
        } else if let epoch = outcome.divergedAtEpoch {
            observed = "diverged at epoch \(epoch) (best \(SanityFormat.percent(outcome.bestAccuracy)))"
        } else {
            observed = "best \(SanityFormat.percent(outcome.bestAccuracy)) in \(outcome.epochsRun) epochs"
        }
        var advice = ""
        if !passed {
            let conflicts = ConflictingRows(features: features, labels: labels, width: config.inputs)
            if conflicts.rows > 0 {
                observed += "; \(conflicts.rows) rows contradict their twins"
                let whole = ConflictingRows(features: trainingPart.features, labels: trainingPart.labels, width: config.inputs)
                advice = "\(conflicts.rows) of the \(n) rows of the subset have an identical twin with another label: no model can separate them "
                    + "(at most \(SanityFormat.percent(conflicts.reachableAccuracy)) is reachable). The data contradicts itself — "
                    + "\(whole.rows) of the \(trainingPart.labels.count) training rows do — so fix the labels or remove the duplicates; "
                    + "more epochs will not help."
            } else if let epoch = outcome.divergedAtEpoch {
                advice = "The loss became non-finite at epoch \(epoch) of full-batch Adam at \(SanityFormat.rate(learningRate)) on \(n) rows: "
                    + "look for extreme feature values, and check that the features are standardized."
            } else {
                advice = "Memorizing \(n) rows is the easiest task there is; a network that cannot do it is broken or too small. "
                    + "Check that the labels line up with their rows, try --overfit-epochs \(maxEpochs * 4), and give the network more "
                    + "capacity (--hidden; '' is linear and separates only linearly separable rows)."
            }
        }
        return SanityCheckResult(
            name: .overfitTinySubset, passed: passed,
            expected: "100 % of \(n) rows in ≤ \(maxEpochs) epochs",
            observed: observed, advice: advice,
            details: "A stratified subset of \(n) training rows; the network (same architecture, fresh weights, l2 = 0) trained full-batch "
                + "with Adam at \(SanityFormat.rate(learningRate)) for at most \(maxEpochs) epochs, scored on the same rows in inference mode "
                + "after every epoch, stopping at 100 %. A network that cannot memorize a handful of rows will not learn the full data.")
    }
}
