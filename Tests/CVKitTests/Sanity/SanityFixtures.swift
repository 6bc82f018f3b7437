import Foundation
@testable import CVKit

/// Data for the sanity-check tests.
enum SanityFixtures {
    static func settings(path: String = "data.csv", hidden: [Int] = [16, 8], batchNorm: Bool = true, l2: Double = 0, seed: UInt64 = 1,
                         learningRate: Double = 1e-3) -> SanitySettings {
        SanitySettings(dataPath: path, network: NetworkConfig(inputs: 1, classes: 2, hidden: hidden, batchNorm: batchNorm, l2: l2),
                       training: TrainingOptions(learningRate: learningRate), seed: seed)
    }

    static func wine() throws -> Dataset { try CSVLoader.load(path: ProjectFiles.dataset("wine")) }

    /// The training part of wine with a small network.
    static func wineData(hidden: [Int] = [16, 8], batchNorm: Bool = true, l2: Double = 0) throws -> SanityData {
        try SanityData(dataset: wine(), settings: settings(hidden: hidden, batchNorm: batchNorm, l2: l2))
    }

    /// 15 random rows × 3 features, each present twice, once with label 0 and once with label 1:
    /// no classifier can do better than chance on it.
    static func contradictory(seed: UInt64 = 0) -> Dataset {
        var random = RandomSource(seed: seed)
        var features: [Float] = [], labels: [Int32] = []
        for _ in 0..<15 {
            let row = (0..<3).map { _ in Float(random.nextGaussian()) }
            for label in [Int32(0), 1] {
                features += row
                labels.append(label)
            }
        }
        return Dataset(source: .init(path: "conflict.csv", sha256: String(repeating: "0", count: 64), byteCount: 0),
                       featureNames: ["a", "b", "c"], labelName: "label", classNames: ["x", "y"], features: features, labels: labels)
    }

    /// The same file as CSV text, for the command-line tests.
    static func contradictoryCSV(seed: UInt64 = 0) -> String {
        let data = contradictory(seed: seed)
        var lines = ["a,b,c,label"]
        for row in 0..<data.rowCount {
            lines.append(data.row(row).map { "\($0)" }.joined(separator: ",") + "," + data.classNames[Int(data.labels[row])])
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
