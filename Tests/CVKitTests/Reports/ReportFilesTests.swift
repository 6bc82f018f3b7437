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
                // The error names the file the user asked for, not the temporary; the Markdown file is written last.
                return path == folder + ["/b.json", "/c.svg", "/a.md"][failAt - 1] && reason == "no space left on device"
            }
            #expect(try files(in: folder).isEmpty, "fail at write \(failAt)")
        }
        try ReportFiles([(folder + "/a.md", Data("a".utf8)), (folder + "/b.json", Data("b".utf8))]).write()
        #expect(try files(in: folder) == ["a.md", "b.json"])
    }

    /// A streamed file goes to disk in the producer's pieces, byte for byte; a producer that fails
    /// half-way (a disk that fills while the predictions are written) leaves no file of the set and
    /// no temporary.
    @Test func aStreamedFileIsWrittenWholeOrNotAtAll() throws {
        let folder = try ProjectFiles.temporaryFolder()
        let pieces = (0..<300).map { Data(repeating: UInt8($0 % 251), count: 1 + $0 * 37) }
        var set = ReportFiles([(folder + "/report.md", Data("r".utf8))])
        set.add(streaming: { emit in for piece in pieces { try piece.withUnsafeBytes(emit) } }, to: folder + "/predictions.csv")
        try set.write()
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/predictions.csv")) == pieces.reduce(Data(), +))
        let empty = try ProjectFiles.temporaryFolder()
        var failing = ReportFiles([(empty + "/report.md", Data("r".utf8))])
        failing.add(streaming: { emit in
            try Data("half".utf8).withUnsafeBytes(emit)
            throw CVKitError.io(path: empty + "/.predictions.csv.tmp-\(getpid())", reason: "no space left on device")
        }, to: empty + "/predictions.csv")
        #expect { try failing.write() } throws: { error in
            guard case let .io(path, _)? = error as? CVKitError else { return false }
            return path == empty + "/predictions.csv"
        }
        #expect(try files(in: empty).isEmpty)
    }

    /// DiskSink's streamed write: a failure after some bytes are on disk closes and removes the
    /// file, and passes the error on.
    @Test func aFailedStreamLeavesNoFile() throws {
        let path = try ProjectFiles.temporaryFolder() + "/predictions.csv"
        struct Full: Error {}
        #expect(throws: Full.self) {
            try DiskSink().write(to: path) { emit in
                for _ in 0..<3 { try Data(repeating: 7, count: 1 << 20).withUnsafeBytes(emit) }
                throw Full()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try DiskSink().write(to: path) { emit in try Data("a,b\n".utf8).withUnsafeBytes(emit) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
    }

    /// A run killed between two renames (injected: the 2nd rename fails, and the process "dies"
    /// before cleaning up) never leaves a new report.md beside the previous run's results.json:
    /// the previous set is removed before the first rename, and report.md is renamed last.
    @Test func aKillBetweenRenamesNeverMixesTwoRuns() throws {
        final class DyingSink: FileSink, @unchecked Sendable {
            let disk = DiskSink()
            var renames = 0, dead = false
            func write(_ data: Data, to path: String) throws { try disk.write(data, to: path) }
            func rename(_ from: String, to: String) throws {
                renames += 1
                if renames == 2 { dead = true; throw CVKitError.io(path: to, reason: "killed") }
                try disk.rename(from, to: to)
            }
            func remove(_ path: String) { if !dead { disk.remove(path) } }  // a killed process cleans nothing
        }
        let folder = try ProjectFiles.temporaryFolder()
        let old = ReportFiles([(folder + "/results.json", Data("old".utf8)), (folder + "/predictions.csv", Data("old".utf8)), (folder + "/report.md", Data("old".utf8))])
        try old.write()
        let new = ReportFiles([(folder + "/results.json", Data("new".utf8)), (folder + "/predictions.csv", Data("new".utf8)), (folder + "/report.md", Data("new".utf8))])
        #expect(throws: CVKitError.self) { try new.write(sink: DyingSink()) }
        let listing = try files(in: folder)
        let contents = try listing.filter { !$0.hasPrefix(".") }.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        #expect(!contents.contains("old"), "\(listing)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/report.md"), "report.md comes last: its presence means a complete set")
        // The next run removes the dead run's temporaries (their pid is gone) and writes a whole set.
        let stale = folder + "/.report.md.tmp-999999"
        try Data("x".utf8).write(to: URL(fileURLWithPath: stale))
        try new.write()
        let after = try files(in: folder)
        #expect(after == ["predictions.csv", "report.md", "results.json"], "\(after)")
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test func aSymbolicLinkIsNeverWrittenThrough() throws {
        let folder = try ProjectFiles.temporaryFolder()
        let target = folder + "/precious.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: folder + "/report.md", withDestinationPath: target)
        #expect { try ReportFiles([(folder + "/report.md", Data("new".utf8))]).write() } throws: { error in
            guard case let .cannotCreate(path, reason)? = error as? CVKitError else { return false }
            return path.hasSuffix("report.md") && reason.contains("symbolic link")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        // The journal too (O_NOFOLLOW).
        try FileManager.default.createSymbolicLink(atPath: folder + "/journal.jsonl", withDestinationPath: target)
        let header = Journal.Header(cvkitVersion: "x", settingsHash: "h", commandLine: "c", dataSHA256: "d", taskCount: 1)
        #expect(throws: CVKitError.self) { _ = try Journal.open(folder: folder, header: header, resume: false) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
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

    /// Data text in a CSV: quoted as RFC 4180 says, formulas neutralized, markup escaped.
    @Test func spreadsheetTextIsInert() {
        #expect(SpreadsheetText.field("setosa") == "setosa")
        #expect(SpreadsheetText.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(SpreadsheetText.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(SpreadsheetText.field("x|<script>&") == "x|&lt;script&gt;&amp;")
    }
}
