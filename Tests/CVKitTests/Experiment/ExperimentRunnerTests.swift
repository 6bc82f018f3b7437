import Foundation
import Testing
@testable import CVKit

@Suite struct ExperimentRunnerTests {
    func setup(_ name: String = "wine", k: Int = 4, epochs: Int = 3, lr: Double = 1e-3) throws -> (Dataset, RunSettings, [Split]) {
        let data = try CSVLoader.load(path: ProjectFiles.dataset(name))
        let settings = RunSettings(scheme: .kfold, dataPath: "datasets/\(name).csv", k: k, network: NetworkConfig(inputs: 1, classes: 2, hidden: [16, 8]),
                                   training: TrainingOptions(epochs: epochs, batchSize: 32, learningRate: lr), seed: 7)
        return (data, settings, try settings.resampler().splits(labels: data.labels, groups: data.groups))
    }

    /// The journal header of a run of `settings` on `data` over `splits`.
    func header(_ data: Dataset, _ settings: RunSettings, _ splits: [Split]) -> Journal.Header {
        Journal.Header(cvkitVersion: CVKitVersion.current, settingsHash: settings.hash, commandLine: settings.commandLine,
                       dataSHA256: data.source.sha256, taskCount: splits.count)
    }

    func withoutTimes(_ results: [TaskResult]) -> [TaskResult] {
        results.map { var r = $0; r.seconds = 0; return r }
    }

    @Test func resultsDoNotDependOnJobs() throws {
        let (data, settings, splits) = try setup()
        let one = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1).run(journal: nil)
        let two = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 2).run(journal: nil)
        #expect(withoutTimes(one) == withoutTimes(two))
        #expect(one.map(\.index) == [0, 1, 2, 3])
        let a = CrossValidationResults.make(settings: settings, dataset: data, tasks: one, warnings: [])
        let b = CrossValidationResults.make(settings: settings, dataset: data, tasks: two, warnings: [])
        #expect(try ReportJSON.encode(a) == ReportJSON.encode(b))
        #expect(CrossValidationMarkdown.render(a) == CrossValidationMarkdown.render(b))
    }

    @Test func resumeFromATornJournalGivesTheSameResults() throws {
        let (data, settings, splits) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let header = header(data, settings, splits)
        let runner = ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 2)
        var full: [TaskResult] = []
        do {
            let (journal, finished) = try Journal.open(folder: folder, header: header, resume: false)
            #expect(finished.isEmpty)
            full = try runner.run(journal: journal)
        }
        // Keep the header and two results, then half of the third line, as a kill mid-write would.
        let path = folder + "/journal.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        let torn = lines[0...2].joined(separator: "\n") + "\n" + lines[3].prefix(lines[3].count / 2)
        try Data(torn.utf8).write(to: URL(fileURLWithPath: path))
        let (journal, finished) = try Journal.open(folder: folder, header: header, resume: true)
        #expect(finished.count == 2)
        let resumed = try runner.run(journal: journal, finished: finished)
        #expect(withoutTimes(resumed) == withoutTimes(full))
        let a = CrossValidationResults.make(settings: settings, dataset: data, tasks: full, warnings: [])
        let b = CrossValidationResults.make(settings: settings, dataset: data, tasks: resumed, warnings: [])
        #expect(try ReportJSON.encode(a) == ReportJSON.encode(b))
        // The journal now holds the header and four whole results.
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 5)
    }

    /// Tamper evidence: an edited accuracy, a garbage line and an appended altered duplicate are each
    /// reported by line and task, set aside and re-run; the results end as an untouched run's.
    @Test func alteredGarbageAndDuplicateRecordsAreReportedAndRerun() throws {
        let (data, settings, splits) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let header = header(data, settings, splits)
        let runner = ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1)
        var full: [TaskResult] = []
        do {
            let (journal, _) = try Journal.open(folder: folder, header: header, resume: false)
            full = try runner.run(journal: journal)
        }
        let path = folder + "/journal.jsonl"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == splits.count + 1 && lines[1].prefix(64).allSatisfy(\.isHexDigit) && lines[1].dropFirst(64).hasPrefix(" {"))
        // Line 2: the accuracy edited by hand; line 3: garbage; then line 4 again, with another fold number.
        let accuracy = try #require(lines[1].firstMatch(of: /"accuracy":([0-9.]+)/))
        lines[1] = lines[1].replacingOccurrences(of: "\"accuracy\":\(accuracy.output.1)", with: "\"accuracy\":0.5")
        lines[2] = "{\"not\":\"a record\"}"
        lines.append(lines[3].replacingOccurrences(of: "\"fold\":", with: "\"fold\":1"))
        lines.append(lines[4])  // task 3 recorded twice, byte for byte
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var (journal, finished) = try Journal.open(folder: folder, header: header, resume: true)
        let problems = journal.problems.joined(separator: "\n")
        #expect(problems.contains("journal.jsonl:2: task 0: fails its digest"), "\(problems)")
        #expect(problems.contains("journal.jsonl:3: not a sealed record"), "\(problems)")
        #expect(problems.contains(":\(lines.count - 1): task 2: fails its digest"), "\(problems)")
        #expect(problems.contains("task 3 is recorded twice (lines 5 and \(lines.count))"), "\(problems)")
        #expect(Set(finished.map(\.index)) == Set(0..<splits.count).subtracting([0, 1, 3]))
        let resumed = try runner.run(journal: journal, finished: finished)
        #expect(withoutTimes(resumed) == withoutTimes(full))
        journal = try Journal.open(folder: try ProjectFiles.temporaryFolder(), header: header, resume: false).0  // releases the lock
        // The journal was rewritten clean: a second resume finds nothing wrong.
        let (again, all) = try Journal.open(folder: folder, header: header, resume: true)
        #expect(again.problems.isEmpty && all.count == splits.count)
    }

    /// A record copied from another run (other data) fails its digest: the digest binds the data hash.
    @Test func aRecordFromAnotherRunFailsItsDigest() throws {
        let (data, settings, splits) = try setup()
        let result = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: [splits[0]], jobs: 1).run(journal: nil)[0]
        let header = header(data, settings, splits)
        var other = header
        other.dataSHA256 = String(repeating: "0", count: 64)
        let line = try Journal.sealedLine(result, header: other)
        #expect(Journal.record(line, header: header, decoder: Journal.decoder()).problem?.contains("fails its digest") == true)
        #expect(Journal.record(try Journal.sealedLine(result, header: header), header: header, decoder: Journal.decoder()).result == result)
    }

    /// A last line that is whole JSON but lacks its newline (killed inside the final write) is torn:
    /// it is dropped and cut off, so the next record cannot be glued to it.
    @Test func lastLineWithoutNewlineIsTorn() throws {
        let (data, settings, splits) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let header = header(data, settings, splits)
        let runner = ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 1)
        do {
            let (journal, _) = try Journal.open(folder: folder, header: header, resume: false)
            _ = try runner.run(journal: journal)
        }
        let path = folder + "/journal.jsonl"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.removeLast()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (journal, finished) = try Journal.open(folder: folder, header: header, resume: true)
        #expect(finished.count == splits.count - 1)
        _ = try runner.run(journal: journal, finished: finished)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == splits.count + 1)
    }

    @Test func journalRefusesOtherSettingsAndConcurrentRuns() throws {
        let (data, settings, splits) = try setup()
        let folder = try ProjectFiles.temporaryFolder()
        let header = header(data, settings, splits)
        do {
            let (held, _) = try Journal.open(folder: folder, header: header, resume: false)
            #expect { try Journal.open(folder: folder, header: header, resume: true) } throws: { ($0 as? CVKitError)?.kind == .cannotCreate }
            withExtendedLifetime(held) {}
        }
        var other = header
        other.dataSHA256 = "0"
        #expect { try Journal.open(folder: folder, header: other, resume: true) } throws: {
            ($0 as? CVKitError)?.description.contains("data file has changed") == true
        }
        // Without --resume, a journal from other settings is simply replaced.
        let (_, finished) = try Journal.open(folder: folder, header: other, resume: false)
        #expect(finished.isEmpty)
    }

    @Test func divergedFoldsAreExcludedWithAWarning() throws {
        let (data, settings0, splits) = try setup("digits", k: 3, epochs: 3)
        var settings = settings0
        settings.network = NetworkConfig(inputs: 1, classes: 2, hidden: [32], batchNorm: false)
        settings.training = TrainingOptions(epochs: 3, optimizer: .sgd, learningRate: 1e4)
        let tasks = try ExperimentRunner(runner: TaskRunner(dataset: data, settings: settings), splits: splits, jobs: 2).run(journal: nil)
        let results = CrossValidationResults.make(settings: settings, dataset: data, tasks: tasks, warnings: [])
        #expect(results.summary.diverged == tasks.filter(\.diverged).count && results.summary.diverged > 0)
        #expect(results.folds.filter(\.diverged).allSatisfy { $0.accuracy == nil && $0.divergedAtEpoch != nil })
        #expect(results.warnings.contains { $0.contains("diverged") })
        #expect(results.summary.accuracy.n == tasks.count - results.summary.diverged)
        let json = String(decoding: try ReportJSON.encode(results), as: UTF8.self)
        #expect(json.contains("\"accuracy\" : null"))
    }

    @Test func commandLineCoversSettingsButNotExecution() throws {
        let (_, settings, _) = try setup()
        #expect(settings.commandLine == "cvkit kfold datasets/wine.csv --k 4 --repeats 1 --hidden 16,8 --epochs 3 --batch-size 32 --optimizer adam --lr 0.001 --lr-decay none --l2 0 --seed 7")
        var other = settings
        other.seed = 8
        #expect(other.hash != settings.hash && settings.hash.count == 8)
        #expect(settings.reportFolderName == "wine-kfold-\(settings.hash)")
        var odd = settings
        odd.dataPath = "../weird name/$(rm -rf).csv"
        #expect(!odd.reportFolderName.contains("/") && !odd.reportFolderName.contains("$"))
        #expect(odd.commandLine.contains("'../weird name/$(rm -rf).csv'"))
    }
}
