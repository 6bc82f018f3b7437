import Foundation
import Testing
@testable import CVKit

@Suite struct FinalModelTests {
    static func penguinsParts() throws -> (train: String, test: String) {
        let text = try String(contentsOfFile: ProjectFiles.dataset("penguins"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        var random = RandomSource(seed: 21)
        random.shuffle(&lines)
        let cut = lines.count * 3 / 4
        return (([header] + lines[..<cut]).joined(separator: "\n") + "\n", ([header] + lines[cut...]).joined(separator: "\n") + "\n")
    }

    static func settings(_ data: Dataset) -> RunSettings {
        var settings = CrossValidation(k: 5, seed: 1).settings(for: data)
        settings.csv.label = .name("species")
        return settings
    }

    /// A model fitted on three quarters of penguins scores the held-out quarter within the k-fold
    /// interval that the same three quarters give.
    @Test func heldOutAccuracyAgreesWithTheKFoldEstimate() throws {
        let (trainText, testText) = try Self.penguinsParts()
        let options = CSVOptions(label: .name("species"))
        let train = try CSVLoader.load(text: trainText, name: "train.csv", options: options)
        let estimate = try CrossValidation(k: 5, seed: 1).run(train).summary.accuracy
        let model = try FinalModel.fit(train, settings: Self.settings(train))
        let decoded = try ModelFile.decode(try model.encoded(), path: "m")
        #expect(decoded == model)
        let names = ["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"]
        let test = try CSVLoader.load(text: testText, name: "test.csv", options: FinalModel.readingOptions(for: decoded, base: CSVOptions(), header: names))
        let predictions = try FinalModel.predict(decoded, on: test)
        let accuracy = try #require(predictions.scores?.accuracy)
        let low = estimate.ci95[0] - 2 * estimate.sd, high = min(estimate.ci95[1] + 2 * estimate.sd, 1)
        #expect(accuracy >= low && accuracy <= high, "held-out \(accuracy), k-fold \(estimate.mean) \(estimate.ci95)")
        #expect(accuracy > 0.95)
        #expect(predictions.predicted.count == test.rowCount)
    }

    /// Preprocessing travels in the data's own units: a file read with other storage and other
    /// category codes gives the same probabilities.
    @Test func predictionsDoNotDependOnTheFilesStorage() throws {
        let text = "t,island,label\n" + (0..<80).map { "\(1_700_000_000 + Double($0) * 0.5),\(["b", "a", "c"][$0 % 3]),\($0 % 2 == 0 ? "x" : "y")" }.joined(separator: "\n")
        let data = try CSVLoader.load(text: text)
        var settings = CrossValidation(seed: 2).settings(for: data)
        settings.training = TrainingOptions(epochs: 5)
        let model = try FinalModel.fit(data, settings: settings)
        // The same rows, reversed: the first rows (storage) and first-seen categories differ; one unseen category.
        let reversed = "t,island,label\n" + (0..<80).reversed().map { "\(1_700_000_000 + Double($0) * 0.5),\($0 == 0 ? "z" : ["b", "a", "c"][$0 % 3]),\($0 % 2 == 0 ? "x" : "y")" }.joined(separator: "\n")
        let other = try CSVLoader.load(text: reversed, options: FinalModel.readingOptions(for: model, base: CSVOptions(), header: ["t", "island", "label"]))
        let a = try FinalModel.predict(model, on: data), b = try FinalModel.predict(model, on: other)
        for row in 1..<80 {
            for c in 0..<2 { #expect(abs(a.probabilities[row * 2 + c] - b.probabilities[(79 - row) * 2 + c]) < 1e-5) }
        }
        #expect(b.unseen == ["island": 1])
    }

    @Test func damagedTruncatedNewerAndForeignFilesAreRefused() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        var settings = CrossValidation(seed: 2).settings(for: data)
        settings.training = TrainingOptions(epochs: 2)
        let bytes = [UInt8](try FinalModel.fit(data, settings: settings).encoded())
        func refused(_ candidate: [UInt8], _ phrase: String) {
            do {
                _ = try ModelFile.decode(Data(candidate), path: "m.cvkit")
                Issue.record("accepted: \(phrase)")
            } catch let error as CVKitError {
                #expect(error.kind == .badData && error.description.contains(phrase), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        for position in [20, bytes.count / 2, bytes.count - 70, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x40
            refused(damaged, position < 12 ? "not a cvkit model" : "damaged")
        }
        refused(Array(bytes.prefix(bytes.count - 100)), "damaged")
        refused(Array("hello".utf8), "not a cvkit model")
        // A newer format, with a valid checksum.
        var model = try ModelFile.decode(Data(bytes), path: "m")
        model.header.formatVersion = ModelFile.formatVersion + 1
        refused([UInt8](try model.encoded()), "newer than this cvkit reads")
    }
}
