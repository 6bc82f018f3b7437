import Foundation
import Testing

@Suite struct CrossValidationCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func kfoldWritesTheReportAndTheJSONContract() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "5", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try json(result.stdout)
        #expect(object["command"] as? String == "kfold")
        let folds = try #require(object["folds"] as? [[String: Any]])
        #expect(folds.count == 3)
        #expect(folds.allSatisfy { $0["repeat"] as? Int == 0 && $0["diverged"] as? Bool == false })
        let summary = try #require(object["summary"] as? [String: Any])
        let accuracy = try #require(summary["accuracy"] as? [String: Any])
        #expect((accuracy["ci95"] as? [Double])?.count == 2)
        let reportDir = try #require(object["reportDir"] as? String)
        for file in ["report.md", "results.json", "predictions.csv", "learning-curves.svg", "confusion.svg", "folds.svg", "journal.jsonl", "timings.json"] {
            #expect(FileManager.default.fileExists(atPath: reportDir + "/" + file), "\(file)")
        }
        let predictions = try String(contentsOfFile: reportDir + "/predictions.csv", encoding: .utf8).split(separator: "\n")
        #expect(predictions.first == "row,repeat,fold,true,predicted,p_setosa,p_versicolor,p_virginica")
        #expect(predictions.count == 151)
        // Joined back to the data by `row` (1-based data rows): every true class is the data's label there.
        let data = try String(contentsOfFile: CLIRunner.projectRoot + "/datasets/iris.csv", encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        for line in predictions.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let row = try #require(Int(fields[0]))
            #expect(data[row].hasSuffix("," + fields[3]), "row \(row)")
            #expect(Int(fields[1]) == 1 && (1...3).contains(Int(fields[2]) ?? 0))
        }
        let stored = try json(String(contentsOfFile: reportDir + "/results.json", encoding: .utf8))
        #expect(stored["reportDir"] == nil)
        #expect((stored["commandLine"] as? String)?.hasPrefix("cvkit kfold datasets/iris.csv --k 3") == true)
        // timings.json: the training phase inside the whole run, and the BLAS kernels that ran it.
        let timings = try json(String(contentsOfFile: reportDir + "/timings.json", encoding: .utf8))
        let wall = try #require(timings["wallSeconds"] as? Double), training = try #require(timings["trainingSeconds"] as? Double)
        #expect(training > 0 && training < wall)
        #if os(Linux)
        #expect((timings["blasKernels"] as? String)?.isEmpty == false)
        #endif
    }

    @Test func tableOnStdoutProgressOnStderr() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/wine.csv", "--k", "3", "--epochs", "3", "--report-dir", dir])
        #expect(result.status == 0)
        #expect(result.stdout.contains("accuracy") && result.stdout.contains("report: \(dir)/wine-kfold-"))
        // Not a terminal: one line per finished task.
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }.count == 3)
    }

    @Test func sameBytesForAnyJobs() throws {
        let one = try CLIRunner.temporaryFolder(), two = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/wine.csv", "--k", "4", "--epochs", "4", "--seed", "3", "--quiet", "--json"]
        let a = try json(CLIRunner.run(flags + ["--jobs", "1", "--report-dir", one]).stdout)
        let b = try json(CLIRunner.run(flags + ["--jobs", "2", "--report-dir", two]).stdout)
        let dirA = try #require(a["reportDir"] as? String), dirB = try #require(b["reportDir"] as? String)
        for file in ["report.md", "results.json", "predictions.csv", "learning-curves.svg"] {
            #expect(FileManager.default.contents(atPath: dirA + "/" + file) == FileManager.default.contents(atPath: dirB + "/" + file), "\(file)")
        }
    }

    @Test func resumeAfterAKilledRunGivesTheSameBytes() throws {
        let full = try CLIRunner.temporaryFolder(), cut = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/wine.csv", "--k", "5", "--epochs", "3", "--quiet", "--json", "--jobs", "1"]
        let reference = try json(CLIRunner.run(flags + ["--report-dir", full]).stdout)
        let first = try json(CLIRunner.run(flags + ["--report-dir", cut]).stdout)
        let folder = try #require(first["reportDir"] as? String)
        // Keep the journal's header and two tasks, and remove the report: as if killed after two tasks.
        let journal = folder + "/journal.jsonl"
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        try Data((lines.prefix(3).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: journal))
        try FileManager.default.removeItem(atPath: folder + "/report.md")
        let resumed = try CLIRunner.run(flags + ["--report-dir", cut, "--resume"])
        #expect(resumed.status == 0)
        let referenceDir = try #require(reference["reportDir"] as? String)
        for file in ["report.md", "results.json", "predictions.csv"] {
            #expect(FileManager.default.contents(atPath: referenceDir + "/" + file) == FileManager.default.contents(atPath: folder + "/" + file), "\(file)")
        }
        // A training time only where this process trained every task: not after a resume, whose
        // time would cover three tasks of the five that trainingSamples counts.
        #expect(try json(String(contentsOfFile: folder + "/timings.json", encoding: .utf8))["trainingSeconds"] == nil)
        #expect(try json(String(contentsOfFile: referenceDir + "/timings.json", encoding: .utf8))["trainingSeconds"] is Double)
        // Without --quiet, a resume says what it reused.
        let again = try CLIRunner.run(flags.filter { $0 != "--quiet" } + ["--report-dir", cut, "--resume"])
        #expect(again.status == 0 && again.stderr.contains("resumed 5 finished tasks from"), "\(again.stderr)")
    }

    @Test func loocvAndSplit() throws {
        let dir = try CLIRunner.temporaryFolder()
        let loo = try CLIRunner.run(["loocv", "datasets/iris.csv", "--epochs", "2", "--hidden", "8", "--report-dir", dir, "--json", "--quiet"])
        #expect(loo.status == 0, "\(loo.stderr)")
        let looObject = try json(loo.stdout)
        #expect((looObject["folds"] as? [Any])?.count == 150)
        #expect(((looObject["summary"] as? [String: Any])?["interval"] as? String) == "wilson")
        let split = try CLIRunner.run(["split", "datasets/wine.csv", "--val", "0.2", "--test", "0.2", "--epochs", "30", "--report-dir", dir, "--json", "--quiet"])
        #expect(split.status == 0, "\(split.stderr)")
        let fold = try #require((json(split.stdout)["folds"] as? [[String: Any]])?.first)
        #expect(fold["nTest"] as? Int == 36 && fold["nValidation"] as? Int == 36 && fold["nTrain"] as? Int == 106)
    }

    /// `--early-stopping` in kfold: each fold carves a stratified validation slice from its training
    /// part (10 %), stops on it and reports the chosen epoch; the reproduce line carries it.
    @Test func kfoldEarlyStoppingUsesAValidationSlice() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/wine.csv", "--k", "5", "--epochs", "60", "--early-stopping", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        let folds = try #require(object["folds"] as? [[String: Any]])
        for fold in folds {
            let nTrain = fold["nTrain"] as? Int ?? 0, nValidation = fold["nValidation"] as? Int ?? 0, nTest = fold["nTest"] as? Int ?? 0
            #expect(nValidation > 0 && nTrain + nValidation + nTest == 178 && abs(Double(nValidation) - 0.1 * Double(nTrain + nValidation)) <= 1)
            #expect(fold["bestEpoch"] as? Int != nil)
        }
        #expect((object["commandLine"] as? String)?.contains("--patience 5") == true)
        let report = try String(contentsOfFile: (object["reportDir"] as? String ?? "") + "/report.md", encoding: .utf8)
        #expect(report.contains("validation slice, which chose the epoch"))
    }

    @Test(arguments: [
        ["kfold", "datasets/iris.csv", "--k", "1"], ["kfold", "datasets/iris.csv", "--k", "151"],
        ["kfold", "datasets/iris.csv", "--optimizer", "lbfgs"], ["kfold", "datasets/iris.csv", "--lr", "0"],
        ["kfold", "datasets/iris.csv", "--hidden", "12,x"], ["kfold", "datasets/iris.csv", "--lr-decay", "cosine"],
        ["kfold", "datasets/iris.csv", "--early-stopping", "--val-fraction", "0.7"], ["split", "datasets/iris.csv", "--val", "0.5", "--test", "0.5"],
        ["search", "datasets/iris.csv", "--space", "batch=int(1,64)"], ["search", "datasets/iris.csv", "--select", "simplest"],
        ["kfold", "datasets/iris.csv", "--groups", "0", "--group-duplicates"],
        ["search", "datasets/iris.csv", "--race-min-folds", "2"], ["search", "datasets/iris.csv", "--race", "--race-min-folds", "1"],
        ["nested", "datasets/iris.csv", "--race", "--race-alpha", "2"], ["kfold", "datasets/iris.csv", "--k", "-3"],
        ["kfold", "datasets/iris.csv", "--jobs", "0"], ["kfold", "datasets/iris.csv", "--init", "xavier"],
    ])
    func badSettingsExit64(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments + ["--report-dir", try CLIRunner.temporaryFolder()])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    /// Zero folds and one fold are each told what is wrong with them.
    @Test func tooFewFoldsSayWhy() throws {
        for (k, why) in [("0", "it is the number of folds"), ("1", "with one fold there is nothing to test on")] {
            let result = try CLIRunner.run(["kfold", "datasets/iris.csv", "--k", k, "--report-dir", try CLIRunner.temporaryFolder()])
            #expect(result.status == 64 && result.stderr.contains("--k must be at least 2 (got \(k)): \(why)"), "\(result.stderr)")
        }
    }

    /// --resume without a journal starts the run and says so — unless --quiet.
    @Test func nothingToResumeIsSaidUnlessQuiet() throws {
        let flags = ["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "1", "--resume"]
        let said = try CLIRunner.run(flags + ["--report-dir", try CLIRunner.temporaryFolder()])
        #expect(said.status == 0 && said.stderr.contains("nothing to resume: no journal in"), "\(said.stderr)")
        let quiet = try CLIRunner.run(flags + ["--report-dir", try CLIRunner.temporaryFolder(), "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    /// A negative fold count, long or short, gets the option's own sentence, not "Missing value".
    @Test(arguments: [["--k", "-3"], ["-k", "-3"], ["-j", "-2"]])
    func negativeNumbersGetTheirSentence(option: [String]) throws {
        let result = try CLIRunner.run(["kfold", "datasets/iris.csv"] + option + ["--report-dir", try CLIRunner.temporaryFolder()])
        #expect(result.status == 64 && result.stderr.contains("(got \(option[1]))") && !result.stderr.contains("Missing value"), "\(result.stderr)")
    }

    /// `--init torch` reaches the network, the results, the report and the reproducing command line;
    /// the default leaves the command line (and so the report folder's name) as before.
    @Test func torchInitializationIsRecordedAndReproducible() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "5", "--init", "torch", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        #expect((document["model"] as? [String: Any])?["initialization"] as? String == "torch")
        let folder = try #require(document["reportDir"] as? String)
        let report = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(report.contains("Initialization: PyTorch's default") && report.contains("--init torch"))
        let plain = try CLIRunner.run(["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "5", "--report-dir", dir, "--json", "--quiet"])
        let plainFolder = try #require(try json(plain.stdout)["reportDir"] as? String)
        #expect(plainFolder != folder)
        #expect(!(try String(contentsOfFile: plainFolder + "/report.md", encoding: .utf8)).contains("--init"))
    }

    @Test func divergenceIsReportedAndAllDivergedExits1() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/digits.csv", "--k", "2", "--epochs", "2", "--optimizer", "sgd", "--lr", "1e6",
                                        "--no-batchnorm", "--report-dir", dir])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("diverged"))
    }

    /// A held-out loss that turns NaN while the training loss is still finite must not crash the
    /// journal's JSON (regression: EncodingError.invalidValue on validationLoss).
    @Test func nanHeldOutLossIsRecordedAsDivergence() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/wine.csv", "--optimizer", "sgd", "--lr", "20", "--no-batchnorm", "--report-dir", dir, "--quiet"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("diverged") && !result.stderr.contains("EncodingError"))
    }
}

/// Hostile data and hostile settings: escaped names, divergence.
@Suite struct HostileRunTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Class names are data: markup in them is escaped in every file of the report, and a name that
    /// looks like a path is never used as one.
    @Test func namesFromDataAreEscapedAndNeverPaths() throws {
        let dir = try CLIRunner.temporaryFolder()
        let hostile = "\"x|<script>alert(1)</script>\""
        var csv = "a,b,label\n"
        for i in 0..<6 { csv += "\(Double(i) * 0.5),\(Double(i % 2) + 1),\(i % 2 == 0 ? hostile : "../../evil")\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/names.csv"))
        let result = try CLIRunner.run(["kfold", dir + "/names.csv", "--k", "3", "--epochs", "2", "--report-dir", dir + "/reports", "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let reportDir = try #require(try json(result.stdout)["reportDir"] as? String)
        let files = try FileManager.default.contentsOfDirectory(atPath: reportDir)
        #expect(files.contains("report.md") && files.contains("confusion.svg"))
        for file in files {
            let text = try String(contentsOfFile: reportDir + "/" + file, encoding: .utf8)
            #expect(!text.contains("<script>"), "\(file)")
        }
        // predictions.csv holds the class names as data (a CSV file is not rendered as markup); the file stays one CSV line per row.
        let predictions = try String(contentsOfFile: reportDir + "/predictions.csv", encoding: .utf8)
        #expect(predictions.contains(",x|&lt;script&gt;alert(1)&lt;/script&gt;,") && predictions.contains(",../../evil,"))
        #expect(predictions.split(separator: "\n").count == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["names.csv", "reports"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/../evil"))
        #expect(!result.stdout.contains("<script>"))
    }

    /// `--lr 100` with plain SGD blows the loss up in every fold: each fold is marked with its
    /// epoch, the summary has no NaN, the warning is on stdout, and the run exits 1 (none survived).
    @Test func everyFoldDivergedExitsOne() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/digits.csv", "--k", "3", "--lr", "100", "--optimizer", "sgd", "--epochs", "5",
                                        "--report-dir", dir, "--quiet"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("3 of 3 folds diverged"))
        #expect(result.stdout.contains("diverged (epoch 1)"))
        let report = try String(contentsOfFile: dir + "/" + (try FileManager.default.contentsOfDirectory(atPath: dir)[0]) + "/report.md", encoding: .utf8)
        #expect(report.contains("**No fold finished**") && report.contains("yes, epoch 1"))
    }
}

@Suite struct InterruptTests {
    /// SIGTERM (a scheduler's stop) exits 143 and SIGHUP 129 — 128 + the signal —, each leaving a
    /// journal that --resume continues; a tampered journal line is reported and its task re-run.
    @Test func sigtermAndSighupExitByConventionAndResume() throws {
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGHUP, Int32(129))] {
            let dir = try CLIRunner.temporaryFolder()
            let flags = ["kfold", "datasets/digits.csv", "--k", "5", "--epochs", "10", "--jobs", "1", "--quiet", "--report-dir", dir]
            let process = try CLIRunner.start(flags)
            Thread.sleep(forTimeInterval: 0.8)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationStatus == status, "signal \(signal)")
            let resumed = try CLIRunner.run(flags + ["--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
        }
    }

    @Test func aTamperedJournalLineIsReportedAndRerun() throws {
        let dir = try CLIRunner.temporaryFolder(), reference = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/iris.csv", "--k", "5", "--epochs", "5", "--jobs", "1", "--quiet"]
        #expect(try CLIRunner.run(flags + ["--report-dir", dir]).status == 0)
        let folder = dir + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first))
        let journal = folder + "/journal.jsonl"
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        let accuracy = try #require(lines[2].firstMatch(of: /"accuracy":([0-9.]+)/))
        lines[2] = lines[2].replacingOccurrences(of: "\"accuracy\":\(accuracy.output.1)", with: "\"accuracy\":0.5")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: journal))
        let resumed = try CLIRunner.run(flags + ["--report-dir", dir, "--resume"])
        #expect(resumed.status == 0 && resumed.stderr.contains("journal.jsonl:3: task") && resumed.stderr.contains("fails its digest"), "\(resumed.stderr)")
        #expect(try CLIRunner.run(flags + ["--report-dir", reference]).status == 0)
        let other = reference + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: reference).first))
        for file in ["report.md", "results.json", "predictions.csv"] {
            #expect(FileManager.default.contents(atPath: folder + "/" + file) == FileManager.default.contents(atPath: other + "/" + file), "\(file)")
        }
    }

    /// A folder with a journal and no report is a stopped run: starting over says so (and how to
    /// continue instead); --quiet keeps it quiet.
    @Test func startingOverAStoppedRunSaysSo() throws {
        let dir = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/iris.csv", "--k", "3", "--epochs", "2", "--report-dir", dir]
        #expect(try CLIRunner.run(flags + ["--quiet"]).status == 0)
        let folder = dir + "/" + (try FileManager.default.contentsOfDirectory(atPath: dir)[0])
        try FileManager.default.removeItem(atPath: folder + "/report.md")
        let again = try CLIRunner.run(flags)
        #expect(again.status == 0 && again.stderr.contains("holds a run that stopped before its report") && again.stderr.contains("--resume"), "\(again.stderr)")
        let complete = try CLIRunner.run(flags)
        #expect(!complete.stderr.contains("stopped before its report"), "\(complete.stderr)")
        try FileManager.default.removeItem(atPath: folder + "/report.md")
        #expect(try CLIRunner.run(flags + ["--quiet"]).stderr.isEmpty)
    }

    /// SIGINT stops a run within a second with status 130; `--resume` then finishes it with the
    /// same bytes as an uninterrupted run.
    @Test func sigintStopsAndResumeFinishes() throws {
        let dir = try CLIRunner.temporaryFolder(), reference = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/iris.csv", "--k", "10", "--epochs", "20", "--jobs", "1", "--quiet"]
        let process = try CLIRunner.start(flags + ["--report-dir", dir])
        Thread.sleep(forTimeInterval: 0.6)
        let sent = Date()
        process.interrupt()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < 1.0)
        #expect(process.terminationStatus == 130)
        let resumed = try CLIRunner.run(flags + ["--report-dir", dir, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let full = try CLIRunner.run(flags + ["--report-dir", reference])
        #expect(full.status == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: dir)
        let referenceFolders = try FileManager.default.contentsOfDirectory(atPath: reference)
        let folder = try #require(folders.first), referenceFolder = try #require(referenceFolders.first)
        for file in ["report.md", "results.json", "predictions.csv"] {
            #expect(FileManager.default.contents(atPath: "\(dir)/\(folder)/\(file)") == FileManager.default.contents(atPath: "\(reference)/\(referenceFolder)/\(file)"), "\(file)")
        }
    }

    /// SIGKILL at a random moment (nothing can be cleaned up), then `--resume`: the journal's whole
    /// lines are kept, the torn one dropped, and the report ends byte-identical. Three moments.
    @Test func sigkillAtARandomMomentThenResume() throws {
        let reference = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/wine.csv", "--k", "6", "--epochs", "15", "--jobs", "2", "--quiet"]
        #expect(try CLIRunner.run(flags + ["--report-dir", reference]).status == 0)
        let referenceFolder = reference + "/" + (try FileManager.default.contentsOfDirectory(atPath: reference)[0])
        for _ in 0..<3 {
            let dir = try CLIRunner.temporaryFolder()
            let process = try CLIRunner.start(flags + ["--report-dir", dir])
            let delay = Double.random(in: 0.05...0.8)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let resumed = try CLIRunner.run(flags + ["--report-dir", dir, "--resume"])
            #expect(resumed.status == 0, "killed after \(delay) s: \(resumed.stderr)")
            let folders = try FileManager.default.contentsOfDirectory(atPath: dir)
            let folder = dir + "/" + (try #require(folders.first, "killed after \(delay) s: no report folder"))
            for file in ["report.md", "results.json", "predictions.csv"] {
                #expect(FileManager.default.contents(atPath: folder + "/" + file) == FileManager.default.contents(atPath: referenceFolder + "/" + file),
                        "\(file) after a SIGKILL at \(delay) s")
            }
        }
    }
}
