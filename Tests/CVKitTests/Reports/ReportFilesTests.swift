import Foundation
import Testing
@testable import CVKit

/// A disk that fills up: the `failAt`-th write (from 1) fails as `write(2)` does with ENOSPC.
final class FullDiskSink: FileSink, @unchecked Sendable {
    let failAt: Int
    private(set) var writes = 0
    private let disk = DiskSink()
    init(failAt: Int) { self.failAt = failAt }

    func write(_ data: Data, to path: String) throws {
        writes += 1
        if writes == failAt { throw CVKitError.io(path: path, reason: "no space left on device") }
        try disk.write(data, to: path)
    }
    func rename(_ from: String, to: String) throws { try disk.rename(from, to: to) }
    func remove(_ path: String) { disk.remove(path) }
}

@Suite struct ReportFilesTests {
    func files(in folder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    @Test func aFailedWriteLeavesNoFileOfTheSet() throws {
        let folder = try ProjectFiles.temporaryFolder()
        for failAt in 1...3 {
            let set = ReportFiles([(folder + "/a.md", Data("a".utf8)), (folder + "/b.json", Data("b".utf8)), (folder + "/c.svg", Data("c".utf8))])
            #expect { try set.write(sink: FullDiskSink(failAt: failAt)) } throws: { error in
                guard case let .io(path, reason)? = error as? CVKitError else { return false }
                // The error names the file the user asked for, not the temporary.
                return path == folder + ["/a.md", "/b.json", "/c.svg"][failAt - 1] && reason == "no space left on device"
            }
            #expect(try files(in: folder).isEmpty, "fail at write \(failAt)")
        }
        try ReportFiles([(folder + "/a.md", Data("a".utf8)), (folder + "/b.json", Data("b".utf8))]).write()
        #expect(try files(in: folder) == ["a.md", "b.json"])
    }

    /// The whole cross-validation report through a disk that fills up at each of its files in
    /// turn: never a partial report, the journal untouched; then a working disk writes it all.
    @Test func crossValidationReportIsWholeOrAbsent() throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        let settings = RunSettings(scheme: .kfold, dataPath: "datasets/iris.csv", k: 3, network: NetworkConfig(inputs: 1, classes: 2, hidden: [8]),
                                   training: TrainingOptions(epochs: 2, batchSize: 32), seed: 1)
        let splits = try settings.resampler().splits(labels: data.labels, groups: data.groups)
        let tasks = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1).run(journal: nil)
        let results = CrossValidationResults.make(settings: settings, dataset: data, tasks: tasks, warnings: [])
        let timings = CrossValidationReportWriter.Timings(wallSeconds: 1, jobs: 1, resumedTasks: 0, taskSeconds: [], trainingSamples: 0)
        let folder = try ProjectFiles.temporaryFolder()
        let journal = Data("{\"header\":1}\n".utf8)
        try journal.write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        for failAt in 1...10 {
            #expect(throws: CVKitError.self) {
                try CrossValidationReportWriter.write(results: results, tasks: tasks, dataset: data, folder: folder, timings: timings,
                                                      sink: FullDiskSink(failAt: failAt))
            }
            #expect(try files(in: folder) == ["journal.jsonl"], "fail at write \(failAt)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/journal.jsonl")) == journal)
        try CrossValidationReportWriter.write(results: results, tasks: tasks, dataset: data, folder: folder, timings: timings)
        #expect(try files(in: folder) == ["confusion.svg", "folds.svg", "journal.jsonl", "learning-curves.svg", "precision-recall.svg",
                                          "predictions.csv", "reliability.svg", "report.md", "results.json", "roc.svg", "timings.json"])
    }

    @Test func jsonEscapesMarkupButDecodesToTheSameText() throws {
        let name = "x|<script>alert(\"1\")</script> & ../../evil"
        let data = try ReportJSON.encode(["name": name])
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains(#"\u003cscript\u003e"#) && text.hasSuffix("\n"))
        #expect(try JSONDecoder().decode([String: String].self, from: data) == ["name": name])
    }
}
