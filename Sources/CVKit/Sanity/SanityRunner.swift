/// Runs the six sanity checks, in order, on the training part of a data set (`SanityData`).
///
/// Every check starts from the same initial weights (`SanityData.networkSeed`), the ones a run
/// with this seed trains from, and draws anything else random from its own derived seed, so the
/// results are a pure function of the data and the settings.
public enum SanityRunner {
    public static func run(dataset: Dataset, settings: SanitySettings, onCheck: ((SanityCheckResult) -> Void)? = nil) throws -> SanityResults {
        if let problem = settings.problem { throw CVKitError.invalidArgument(problem) }
        let data = try SanityData(dataset: dataset, settings: settings)
        let config = data.config
        let measurement = data.measurement
        var checks: [SanityCheckResult] = []
        func record(_ result: SanityCheckResult) {
            checks.append(result)
            onCheck?(result)
        }

        var plain = config
        plain.l2 = 0
        let fresh = try Network<Float>(config: plain, seed: data.networkSeed)
        record(InitialLossCheck.evaluate(network: fresh, features: measurement.features, labels: measurement.labels))
        record(try RegularizationCheck.evaluate(
            network: fresh, configured: config.l2, features: measurement.features, labels: measurement.labels))

        let twin = try Network<Double>(config: config, seed: data.networkSeed)
        let small = data.batch(GradientCheck.batchRows)
        record(GradientCheck.evaluate(network: twin, features: small.features.map(Double.init), labels: small.labels,
                                      sampleSeed: SanityData.seed(settings.seed, .gradientSample)))

        let subset = data.gather(OverfitCheck.subset(labels: data.labels, count: settings.subset, classes: config.classes,
                                                     seed: SanityData.seed(settings.seed, .subset)))
        record(try OverfitCheck.evaluate(
            config: config, seed: data.networkSeed, features: subset.features, labels: subset.labels, trainingPart: (data.features, data.labels),
            maxEpochs: settings.overfitEpochs, learningRate: SanitySettings.overfitLearningRate))

        let sweep = try LearningRateSweep.run(
            config: config, networkSeed: data.networkSeed, batchSeed: SanityData.seed(settings.seed, .batches), training: settings.training,
            epochs: settings.sweepEpochs, features: data.features, labels: data.labels, measurement: measurement)
        record(LearningRateSweep.evaluate(sweep, configuredRate: settings.training.learningRate))

        let normalized = try Network<Float>(config: config, seed: data.networkSeed)
        let batch = data.batch(BatchNormStatsCheck.batchRows)
        record(BatchNormStatsCheck.evaluate(network: normalized, features: batch.features, labels: batch.labels))

        return SanityResults(
            commandLine: settings.commandLine, cvkitVersion: CVKitVersion.current,
            data: SanityResults.DataInfo(dataset, path: settings.dataPath),
            trainingPart: .init(rows: data.rowCount, heldOut: data.heldOutRows, heldOutFraction: SanitySettings.heldOutFraction, stratified: true,
                                preprocessing: PreprocessingText.describe(dataset, minCategoryCount: settings.csv.minCategoryCount)
                                    .replacingOccurrences(of: "each training part", with: "the training part"),
                                measurementRows: measurement.labels.count),
            model: .init(layers: SanityResults.layers(config), hidden: config.hidden, batchnorm: config.batchNorm,
                         optimizer: settings.training.optimizer.rawValue, lr: settings.training.learningRate, l2: config.l2,
                         batchSize: settings.training.batchSize, parameters: fresh.parameterCount),
            settings: .init(seed: settings.seed, subset: settings.subset, overfitEpochs: settings.overfitEpochs,
                            overfitLr: SanitySettings.overfitLearningRate, sweepEpochs: settings.sweepEpochs),
            passed: checks.allSatisfy(\.passed), checks: checks,
            lrSweep: .init(initialLoss: sweep.initialLoss.isFinite ? sweep.initialLoss : nil, epochs: sweep.epochs,
                           band: sweep.band.map { [$0.lowerBound, $0.upperBound] }, configuredLr: settings.training.learningRate,
                           points: sweep.points.map { .init(lr: $0.lr, loss: $0.loss, verdict: $0.verdict.rawValue, fastest: $0.fastest) }))
    }
}
