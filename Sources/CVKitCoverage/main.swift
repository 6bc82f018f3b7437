import CVKit
import Foundation

// `make coverage`: how often do cvkit's 95 % intervals contain the accuracy they estimate?
//
// One synthetic problem (3 classes, 8 Gaussian features around fixed class means, some features
// pure noise), so the truth is known: for each replication, a fresh data set of n rows is drawn,
// cross-validated (k folds, r repeats) with cvkit's own code (`CrossValidation`), and a model of
// the same specification is trained on all n rows and scored on 20,000 fresh rows — the accuracy a
// user who refits gets (Err_XY in Bates, Hastie & Tibshirani 2021). An interval "covers" when it
// contains that number. The mean of those accuracies over the replications estimates the expected
// accuracy of the procedure at size n (Err), the second target.
//
// Usage: cvkit-coverage [--replications R] [--out FILE]   (defaults 200, docs/coverage.md)

var replications = 200
var outPath = "docs/coverage.md"
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    guard let value = arguments.first else { FileHandle.standardError.write(Data("cvkit-coverage: \(flag) needs a value\n".utf8)); exit(64) }
    arguments.removeFirst()
    switch flag {
    case "--replications":
        guard let r = Int(value), r >= 2 else { FileHandle.standardError.write(Data("cvkit-coverage: --replications takes an integer ≥ 2\n".utf8)); exit(64) }
        replications = r
    case "--out": outPath = value
    default: FileHandle.standardError.write(Data("cvkit-coverage: unknown option \(flag)\n".utf8)); exit(64)
    }
}

let classes = 3, features = 8, testRows = 20_000
/// Class means: the first 4 features separate the classes (spread 0.9), the other 4 are noise.
let means: [[Double]] = {
    var random = RandomSource(seed: 20261130)
    return (0..<classes).map { _ in (0..<features).map { $0 < 4 ? 0.9 * random.nextGaussian() : 0 } }
}()

func draw(rows: Int, seed: UInt64) -> Dataset {
    var random = RandomSource(seed: seed)
    var x = [Float](), y = [Int32]()
    x.reserveCapacity(rows * features)
    for row in 0..<rows {
        // Every class present at least twice (stratified 10-fold on 100 rows needs it), then at random.
        let label = row < 2 * classes ? row % classes : random.nextInt(below: classes)
        y.append(Int32(label))
        for j in 0..<features { x.append(Float(means[label][j] + random.nextGaussian())) }
    }
    return Dataset(source: .init(path: "synthetic", sha256: "", byteCount: 0), featureNames: (0..<features).map { "x\($0)" },
                   labelName: "y", classNames: (0..<classes).map { "c\($0)" }, features: x, labels: y)
}

let network = NetworkConfig(hidden: [32])
let training = TrainingOptions(epochs: 15, batchSize: 32)
let test = draw(rows: testRows, seed: 1)

/// The accuracy on `test` of the specification trained on every row of `data`.
func trueAccuracy(_ data: Dataset, seed: UInt64) throws -> Double {
    let rows = Array(0..<data.rowCount)
    let preprocessing = Preprocessing.fit(data, rows: rows)
    var config = network
    config.inputs = preprocessing.width
    config.classes = classes
    let model = try Network<Float>(config: config, seed: RandomSource.derive(seed, [1]))
    _ = try Trainer(options: training).train(model, dataset: data, rows: rows, preprocessing: preprocessing, labels: data.labels,
                                             seed: RandomSource.derive(seed, [2]))
    let (_, correct) = model.evaluate(features: preprocessing.transform(test, rows: Array(0..<test.rowCount)), labels: test.labels)
    return Double(correct) / Double(test.rowCount)
}

/// Coverage of Err_XY per setting and interval, for the closing summary.
var plainCoverage: [(r: Int, value: Double)] = [], correctedCoverage: [(r: Int, value: Double)] = []
struct Outcome: Sendable { var truth: Double; var mean: Double; var plain: [Double]; var corrected: [Double]; var pooled: [Double] }
struct Setting { var n: Int; var k: Int; var r: Int }
let settings = [100, 1000].flatMap { n in [5, 10].flatMap { k in [1, 3].map { r in Setting(n: n, k: k, r: r) } } }

let started = Date()
var lines: [String] = []
for setting in settings {
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var outcomes: [Outcome?]
        var failure: Error?
        init(_ count: Int) { outcomes = [Outcome?](repeating: nil, count: count) }
    }
    let shared = Shared(replications)
    let replications = replications
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
        var index = worker
        while index < replications {
            do {
                let seed = RandomSource.derive(7, [UInt64(setting.n), UInt64(index)])
                let data = draw(rows: setting.n, seed: seed)
                let cv = CrossValidation(k: setting.k, repeats: setting.r, network: network, training: training, seed: seed)
                let results = try cv.run(data)
                let scores = results.folds.compactMap(\.accuracy)
                let plain = Summary(scores).ci95
                let ratio = results.folds.map { Double($0.nTest) / Double($0.nTrain) }.reduce(0, +) / Double(results.folds.count)
                let corrected = Summary(correctedResampled: scores, testToTrainRatio: ratio).ci95
                let pooledCorrect = Int(((results.summary.accuracy.pooled ?? 0) * Double(setting.n * setting.r)).rounded())
                let pooled = WilsonInterval.interval(successes: pooledCorrect, trials: setting.n * setting.r)
                let outcome = Outcome(truth: try trueAccuracy(data, seed: seed), mean: results.summary.accuracy.mean,
                                      plain: plain, corrected: corrected, pooled: pooled)
                shared.lock.lock(); shared.outcomes[index] = outcome; shared.lock.unlock()
            } catch {
                shared.lock.lock(); shared.failure = error; shared.lock.unlock()
                return
            }
            index += 2
        }
    }
    if let failure = shared.failure { FileHandle.standardError.write(Data("cvkit-coverage: \(failure)\n".utf8)); exit(70) }
    let done = shared.outcomes.compactMap { $0 }
    let err = done.map(\.truth).reduce(0, +) / Double(done.count)
    func coverage(_ pick: (Outcome) -> [Double], of target: (Outcome) -> Double) -> Double {
        Double(done.filter { pick($0)[0] <= target($0) && target($0) <= pick($0)[1] }.count) / Double(done.count)
    }
    func width(_ pick: (Outcome) -> [Double]) -> Double { done.map { pick($0)[1] - pick($0)[0] }.reduce(0, +) / Double(done.count) }
    func cell(_ value: Double) -> String { String(format: "%.1f %%", 100 * value) }
    let row = [
        "\(setting.n)", "\(setting.k)", "\(setting.r)", String(format: "%.3f", err),
        String(format: "%+.3f", done.map(\.mean).reduce(0, +) / Double(done.count) - err),
        cell(coverage(\.plain, of: \.truth)), cell(coverage(\.corrected, of: \.truth)), cell(coverage(\.pooled, of: \.truth)),
        cell(coverage(\.plain, of: { _ in err })), cell(coverage(\.corrected, of: { _ in err })),
        String(format: "%.3f / %.3f / %.3f", width(\.plain), width(\.corrected), width(\.pooled)),
    ]
    lines.append("| " + row.joined(separator: " | ") + " |")
    plainCoverage.append((setting.r, coverage(\.plain, of: \.truth)))
    correctedCoverage.append((setting.r, coverage(\.corrected, of: \.truth)))
    FileHandle.standardError.write(Data("n \(setting.n) k \(setting.k) r \(setting.r): \(lines.last!) (\(Int(Date().timeIntervalSince(started))) s)\n".utf8))
}

let seconds = Int(Date().timeIntervalSince(started))
/// "a–b %" over the settings with `r` repeats (or all).
func range(_ values: [(r: Int, value: Double)], repeats: Int? = nil) -> String {
    let picked = values.filter { repeats == nil || $0.r == repeats }.map(\.value)
    return String(format: "%.0f–%.0f %%", 100 * (picked.min() ?? 0), 100 * (picked.max() ?? 0))
}
let summary = "Measured: the plain t-interval covers the refit model's accuracy \(range(plainCoverage, repeats: 1)) of the time with one repeat "
    + "and \(range(plainCoverage, repeats: 3)) with 3 repeats; the corrected resampled t-interval \(range(correctedCoverage, repeats: 1)) "
    + "and \(range(correctedCoverage, repeats: 3))."
let monteCarlo = String(format: "%.1f", 100 * (0.95 * 0.05 / Double(replications)).squareRoot())
let text = """
    # Coverage of cvkit's accuracy intervals

    Written by `make coverage` (`cvkit-coverage --replications \(replications)`, \(seconds) s on the machine that ran it); \
    rerun it to check. How often does each 95 % interval contain the accuracy it claims to bracket?

    **Set-up.** One synthetic problem with a known answer: 3 classes, 8 Gaussian features (4 carry the class, 4 are noise). \
    Each replication draws a fresh data set of n rows, cross-validates it with cvkit's own code (stratified k-fold, r repeats; \
    network [32] with BatchNorm, Adam 1e-3, 15 epochs, batches of 32), and trains the same specification on all n rows, scored on \
    20,000 fresh rows: *the accuracy you get* (Err_XY, Bates, Hastie & Tibshirani 2021, arXiv:2104.00673). Its mean over the \
    replications estimates *the expected accuracy at size n* (Err). \(replications) replications per setting: a coverage figure \
    has a Monte Carlo standard error of about \(monteCarlo) points at 95 %.

    **Intervals.** *plain t*: mean ± t(0.975, J − 1) · s/√J over the J = k·r fold scores (cvkit's interval for r = 1). \
    *corrected t*: Nadeau & Bengio (2003), variance × (1/J + n_test/n_train), df J − 1 (cvkit's interval for r > 1). \
    *pooled Wilson*: the Wilson interval of the n·r pooled out-of-fold predictions (cvkit's interval when folds have no spread).

    | n | k | r | Err | bias of the CV mean | plain t covers Err_XY | corrected t covers Err_XY | pooled Wilson covers Err_XY | plain t covers Err | corrected t covers Err | mean width (plain / corrected / Wilson) |
    |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
    \(lines.joined(separator: "\n"))

    **\(summary)**

    **Reading it.** A 95 % interval should cover about 95 % of the time. Cross-validation estimates the accuracy of models \
    trained on (k − 1)/k of the rows, so its mean sits below the refit model's accuracy when the learning curve is still \
    rising (the bias column); the fold scores are positively correlated (shared training rows), so the plain t-interval's \
    s/√J understates the spread, more so with repeats, which re-use the same rows. The correction widens it by \
    √(1 + J·n_test/n_train).

    """
try FileManager.default.createDirectory(atPath: (outPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
try Data(text.utf8).write(to: URL(fileURLWithPath: outPath), options: .atomic)
print("cvkit-coverage: wrote \(outPath) (\(seconds) s)")
