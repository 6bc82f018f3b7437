import Foundation
import Testing
@testable import CVKit

/// Exact twins and row-number columns: found, told apart from coarse features, and fixed by
/// `--group-duplicates`.
@Suite struct LeakGuardTests {
    /// 40 rows of random features with random labels, each written five times: 200 rows.
    static func copies() throws -> Dataset {
        var random = RandomSource(seed: 5)
        let unique = (0..<40).map { _ in
            "\(Float(random.nextGaussian())),\(Float(random.nextGaussian())),\(random.nextInt(below: 20) < 13 ? "a" : "b")"
        }
        return try CSVLoader.load(text: "x,y,label\n" + unique.flatMap { [String](repeating: $0, count: 5) }.joined(separator: "\n") + "\n")
    }

    @Test func copiesAreCountedAndCalledCopies() throws {
        let twins = DuplicateRows(try Self.copies())
        #expect(twins.duplicateRows == 200 && twins.sets == 40 && twins.disagreeingSets == 0 && twins.looksLikeCopies)
        #expect(twins.groupCodes.count == 200 && Set(twins.groupCodes).count == 40)
        // A test part holding one copy of each of the first 10 rows: all 10 have twins outside it.
        #expect(twins.testRowsWithTwin(test: (0..<10).map { $0 * 5 }) == 10)
        // All five copies of a row in the test part: no twin outside.
        #expect(twins.testRowsWithTwin(test: [0, 1, 2, 3, 4]) == 0)
    }

    /// The issue's case: the random-label copies score far above their baseline; the report warns,
    /// and `--group-duplicates` (identical rows share a fold) removes every twin from the test parts.
    @Test func cvWarnsAboutCopiesAndGroupingRemovesTheTwins() throws {
        let data = try Self.copies()
        var settings = CrossValidation(k: 5, seed: 2).settings(for: data)
        settings.training = TrainingOptions(epochs: 40)
        func run(_ settings: RunSettings, _ data: Dataset) throws -> CrossValidationResults {
            let splits = try settings.resampler().splits(labels: data.labels, groups: data.groups)
            let tasks = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 2).run(journal: nil)
            return CrossValidationResults.make(settings: settings, dataset: data, tasks: tasks, warnings: [])
        }
        let leaky = try run(settings, data)
        #expect(leaky.leakage?.testRowsWithTwin == 200 && leaky.leakage?.looksLikeCopies == true)
        #expect(leaky.warnings.contains { $0.contains("look like copied rows") && $0.contains("--group-duplicates") }, "\(leaky.warnings)")
        var grouped = settings
        grouped.groupDuplicates = true
        let honest = try run(grouped, data.grouped(by: DuplicateRows(data).groupCodes, name: "(identical rows)"))
        #expect(honest.leakage?.testRowsWithTwin == 0)
        #expect(honest.commandLine.contains("--group-duplicates"))
        #expect(honest.protocol.scheme == "stratified group k-fold")
        // Memory no longer counts: the grouped estimate is well below the leaky one.
        #expect(honest.summary.accuracy.mean < leaky.summary.accuracy.mean - 0.1, "\(honest.summary.accuracy.mean) vs \(leaky.summary.accuracy.mean)")
    }

    /// titanic: most rows share sex, age and class with another row, but the twins disagree on the
    /// label often: coarse features, not copies — no warning.
    @Test func coarseFeaturesAreNotCopies() throws {
        let twins = DuplicateRows(try CSVLoader.load(path: ProjectFiles.dataset("titanic"), options: CSVOptions(label: ColumnSelector(parsing: "survived"))))
        #expect(twins.duplicateRows > 800 && twins.disagreeingSets >= 90)
        #expect(!twins.looksLikeCopies)
    }

    /// A row number beside a class-sorted label is named; a shuffled or repeating integer column is not.
    @Test func rowNumbersAreNamed() throws {
        let rows = (0..<30).map { "\($0 + 1),\($0 % 7),\(Double($0) * 0.5),\($0 < 15 ? "a" : "b")" }
        let data = try CSVLoader.load(text: "index,weekday,half,label\n" + rows.joined(separator: "\n") + "\n")
        #expect(RowNumberColumns.detect(data) == ["index"])
        #expect(RowNumberColumns.warning(["index"]).first?.contains("--id index") == true)
        let iris = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        #expect(RowNumberColumns.detect(iris).isEmpty)
    }
}
