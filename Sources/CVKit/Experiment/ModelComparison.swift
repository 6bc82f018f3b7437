import Foundation

/// Two configurations on the same repeated K-fold splits, compared with the corrected resampled
/// t-test of Nadeau & Bengio (2003).
///
/// Per split `j`, `d_j = score_A − score_B` in `a.metric` (accuracy unless `--metric` chose another;
/// a diverged fold counts as its `FallbackPredictor`'s score, as in every summary; a split on
/// which the metric is undefined for either side — an AUC on a fold without every class — is left out). The
/// naive paired t-test treats the `J` differences as independent; they are not (training sets
/// overlap), so it finds differences that are not there. The corrected test inflates the variance
/// by `n_test / n_train`: `t = mean(d) / √((1/J + n_test/n_train) · s²)` with `J − 1` degrees of
/// freedom. Both are reported; the verdict uses the corrected one at the 5 % level.
public struct ModelComparison: Sendable, Equatable, Codable {
    public var a: RunSettings
    public var b: RunSettings

    public init(a: RunSettings, b: RunSettings) {
        self.a = a
        self.b = b
    }

    public var commandLine: String {
        var words = ["cvkit", "compare", a.dataArguments, "--k", String(a.k), "--repeats", String(a.repeats)]
        if !a.stratified { words.append("--no-stratify") }
        words += ["--a", Shell.quote(a.modelFlags), "--b", Shell.quote(b.modelFlags), "--seed", String(a.seed)]
        if a.metric != .accuracy { words += ["--metric", a.metric.rawValue] }
        return words.joined(separator: " ")
    }

}

extension ModelComparison: Experiment {
    /// One phase: A on every split (units 0..<J), then B on the same splits (units J..<2J).
    public func step(dataset: Dataset, finished: [Int: TaskResult]) throws -> ExperimentStep<ComparisonResults> {
        let splits = try a.resampler().splits(labels: dataset.labels, groups: dataset.groups)
        if splits.count < 2 { throw CVKitError.invalidArgument("comparing needs at least two splits") }
        let runnerA = TaskRunner(dataset: dataset, settings: a), runnerB = TaskRunner(dataset: dataset, settings: b)
        let units = splits.enumerated().map { ExperimentRunner.Unit(index: $0, runner: runnerA, split: $1) }
            + splits.enumerated().map { ExperimentRunner.Unit(index: splits.count + $0, runner: runnerB, split: $1) }
        return try ExperimentStep.collect(units, finished) { tasks in try assemble(dataset: dataset, splits: splits, tasks: tasks) }
    }

    private func assemble(dataset: Dataset, splits: [Split], tasks: [TaskResult]) throws -> ComparisonResults {
        let resultsA = Array(tasks[0..<splits.count]), resultsB = Array(tasks[splits.count...])
        let metric = a.metric
        func score(_ task: TaskResult) -> Double? { task.score(metric, labels: dataset.labels, classCount: dataset.classCount) }
        let differences = try zip(resultsA, resultsB).enumerated().map { index, pair -> Double in
            guard let x = score(pair.0), let y = score(pair.1) else {
                throw CVKitError.invalidArgument("\(metric.title) is undefined on split \(index + 1) (its test part lacks a class): "
                    + "compare with fewer folds (--k) or another --metric")
            }
            return x - y
        }
        let ratio = splits.map { Double($0.test.count) / Double($0.trainCount) }.reduce(0, +) / Double(splits.count)
        let test = CorrectedTTest(differences: differences, testToTrainRatio: ratio)
        let summaryA = CrossValidationResults.make(settings: a, dataset: dataset, tasks: resultsA, warnings: []).summary
        let summaryB = CrossValidationResults.make(settings: b, dataset: dataset, tasks: resultsB, warnings: []).summary
        let verdict: String
        let mean = String(format: "%.4f", test.meanDifference), p = String(format: "%.3g", test.pValue)
        let aWins = metric.lowerIsBetter ? test.meanDifference < 0 : test.meanDifference > 0
        let gap = String(format: "%.4f", abs(test.meanDifference))
        if test.pValue < 0.05, metric == .accuracy {
            verdict = aWins
                ? "A is more accurate than B by \(mean) on average (corrected p = \(p) < 0.05)."
                : "B is more accurate than A by \(gap) on average (corrected p = \(p) < 0.05)."
        } else if test.pValue < 0.05 {
            verdict = "\(aWins ? "A" : "B") is better than \(aWins ? "B" : "A") in \(metric.title) by \(gap) on average"
                + "\(metric.lowerIsBetter ? " (lower is better)" : "") (corrected p = \(p) < 0.05)."
        } else {
            verdict = "No evidence of a difference: mean difference \(mean), corrected p = \(p) ≥ 0.05"
                + (test.naivePValue < 0.05 ? " (the naive paired t-test would have claimed one, p = \(String(format: "%.3g", test.naivePValue)))." : ".")
        }
        return ComparisonResults(
            command: "compare", cvkitVersion: CVKitVersion.current, commandLine: commandLine, data: CrossValidationResults.DataInfo(dataset, path: a.dataPath),
            k: a.k, repeats: a.repeats, seed: a.seed, aCommandLine: a.commandLine, bCommandLine: b.commandLine,
            a: summaryA, b: summaryB, differences: differences, meanDifference: test.meanDifference, correctedT: finite(test.correctedT),
            pValue: test.pValue, naiveT: finite(test.naiveT), naivePValue: test.pValue.isNaN ? 1 : test.naivePValue,
            testToTrainRatio: ratio, verdict: verdict, metric: metric == .accuracy ? nil : metric, differenceInterval: test.ci95)
    }

    /// JSON has no infinities: ±∞ (all differences equal and non-zero) becomes ±1e308.
    private func finite(_ value: Double) -> Double { value.isFinite ? value : (value > 0 ? 1e308 : -1e308) }
}

/// What `cvkit compare` found.
public struct ComparisonResults: Sendable, Equatable, Codable {
    public var command: String
    public var cvkitVersion: String
    public var commandLine: String
    public var data: CrossValidationResults.DataInfo
    public var k: Int
    public var repeats: Int
    public var seed: UInt64
    public var aCommandLine: String
    public var bCommandLine: String
    public var a: CrossValidationResults.SummaryInfo
    public var b: CrossValidationResults.SummaryInfo
    /// score_A − score_B per split in `metric` (accuracy when nil), in split order (repeat, then fold).
    public var differences: [Double]
    public var meanDifference: Double
    public var correctedT: Double
    public var pValue: Double
    public var naiveT: Double
    public var naivePValue: Double
    public var testToTrainRatio: Double
    public var verdict: String
    /// The compared metric (`--metric`); nil is accuracy, and leaves results.json as it was.
    public var metric: MetricName?
    /// 95 % interval of `meanDifference` from the corrected variance (`CorrectedTTest.ci95`);
    /// absent in results written before it existed.
    public var differenceInterval: [Double]?
}
