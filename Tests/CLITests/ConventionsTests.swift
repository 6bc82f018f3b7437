import Foundation
import Testing

/// Usage that cannot mean anything is refused with a sentence and exit 64; help always exits 0.
@Suite struct ConventionsTests {
    @Test func mistypedCommandGetsTheNearestName() throws {
        let result = try CLIRunner.run(["kfodl", "datasets/iris.csv"])
        #expect(result.status == 64 && result.stderr.contains("did you mean 'kfold'?"), "\(result.stderr)")
        let far = try CLIRunner.run(["zzzzzzzz"])
        #expect(far.status == 64 && !far.stderr.contains("did you mean") && far.stderr.contains("the commands: info"))
    }

    @Test func everyCommandsHelpExitsZero() throws {
        for command in ["info", "folds", "kfold", "loocv", "split", "search", "nested", "compare", "sanity", "fit", "predict",
                        "plan", "run-task", "submit", "status", "merge"] {
            let result = try CLIRunner.run([command, "--help"])
            #expect(result.status == 0, "\(command) --help: exit \(result.status) \(result.stderr)")
        }
    }

    /// Every command accepts --json and --quiet, and lists in its help only what it accepts
    /// (nested has no coarse-to-fine).
    @Test func everyCommandTakesJSONAndQuiet() throws {
        for command in [["info"], ["folds"], ["kfold"], ["loocv"], ["split"], ["search"], ["nested"], ["compare"], ["sanity"], ["fit"], ["predict"],
                        ["plan"], ["run-task"], ["submit", "slurm"], ["submit", "parallel"], ["status"], ["merge"]] {
            let help = try CLIRunner.run(command + ["--help"]).stdout
            #expect(help.contains("--json") && help.contains("-q, --quiet"), "\(command.joined(separator: " ")) --help")
        }
        #expect(!(try CLIRunner.run(["nested", "--help"]).stdout.contains("coarse-to-fine")))
        #expect(try CLIRunner.run(["nested", "datasets/iris.csv", "--method", "coarse-to-fine"]).status == 64)
    }

    /// -k, -l, -j, -o and -q are the long options' short forms; folds and plan answer --json.
    @Test func shortFlagsAndJSONEverywhere() throws {
        let dir = try CLIRunner.temporaryFolder()
        let short = try CLIRunner.run(["kfold", "datasets/iris.csv", "-k", "3", "-l", "label", "-j", "1", "-o", dir, "-q", "--epochs", "2", "--json"])
        #expect(short.status == 0 && short.stderr.isEmpty, "\(short.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(short.stdout.utf8)) as? [String: Any])
        #expect((object["commandLine"] as? String)?.contains("--k 3") == true && (object["reportDir"] as? String)?.hasPrefix(dir) == true)
        let folds = try CLIRunner.run(["folds", "datasets/iris.csv", "-k", "5", "--json", "-q"])
        let assignment = try #require(try JSONSerialization.jsonObject(with: Data(folds.stdout.utf8)) as? [String: Any])
        #expect(assignment["k"] as? Int == 5 && ((assignment["folds"] as? [[Int]])?.first?.count ?? 0) == 150)
        let plan = try CLIRunner.run(["plan", "kfold", "datasets/iris.csv", "-k", "3", "--out", dir + "/plan", "--json"])
        let planned = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any], "\(plan.stderr)")
        #expect(planned["units"] as? Int == 3 && planned["tasks"] as? Int == 3)
        let status = try CLIRunner.run(["status", dir + "/plan", "-q"])
        #expect(status.status == 1 && status.stdout.isEmpty)
    }

    /// A model option beside compare's --a/--b is told where it goes; compare's own options are not.
    @Test func compareSaysWhereModelOptionsGo() throws {
        for option in [["--epochs", "5"], ["--hidden", "32"], ["--l2", "0.01"], ["--no-batchnorm"], ["--epochs=5"]] {
            let misplaced = try CLIRunner.run(["compare", "datasets/iris.csv"] + option)
            let name = String(option[0].split(separator: "=")[0])
            #expect(misplaced.status == 64 && misplaced.stderr.contains("\(name) is a model option") && misplaced.stderr.contains("inside --a and --b"),
                    "\(option): \(misplaced.stderr)")
        }
        // --a's value is itself a model option's name: inside --a, not misplaced.
        let inside = try CLIRunner.run(["compare", "datasets/iris.csv", "--a", "--no-batchnorm", "--b", "--epochs 2 --lr 0.01", "-k", "2", "--seed", "3", "-q",
                                        "-o", try CLIRunner.temporaryFolder()])
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test func emptyPathsAreRefused() throws {
        #expect(try CLIRunner.run(["kfold", "datasets/iris.csv", "--report-dir", ""]).status == 64)
        #expect(try CLIRunner.run(["info", ""]).status == 64)
        #expect(try CLIRunner.run(["plan", "kfold", "datasets/iris.csv", "--out", ""]).status == 64)
        #expect(try CLIRunner.run(["merge", "plans/x", "--report-dir", ""]).status == 64)
    }

    /// The new flags' bad values are usage errors with a sentence naming the flag; a missing model file is 66.
    @Test(arguments: [
        (["kfold", "datasets/iris.csv", "--metric", "f2"], "--metric"),
        (["kfold", "datasets/iris.csv", "--class-weight", "heavy"], "--class-weight"),
        (["kfold", "datasets/iris.csv", "--min-category-count", "0"], "--min-category-count"),
        (["info", "datasets/iris.csv", "--decimal", ","], "--delimiter ';'"),
        (["info", "datasets/iris.csv", "--categorical", "sepal_length_cm", "--numeric", "sepal_length_cm"], "give it one role"),
        (["search", "datasets/iris.csv", "--refit-out", ""], "--refit-out"),
    ])
    func badNewFlags(arguments: [String], phrase: String) throws {
        let result = try CLIRunner.run(arguments + ["--report-dir", try CLIRunner.temporaryFolder()].filter { _ in arguments[0] != "info" })
        #expect([64, 65].contains(result.status) && result.stderr.contains(phrase), "\(arguments): exit \(result.status) \(result.stderr)")
    }

    @Test func predictWithoutTheModelFileIs66() throws {
        let result = try CLIRunner.run(["predict", "no/such.cvkit", "datasets/iris.csv"])
        #expect(result.status == 66 && result.stderr.contains("no such file"), "\(result.stderr)")
    }

    /// BatchNorm with batches of one row would skip every batch and train nothing: refused, naming the way out.
    @Test func batchNormWithBatchSizeOneIsRefused() throws {
        let dir = try CLIRunner.temporaryFolder()
        let refused = try CLIRunner.run(["kfold", "datasets/iris.csv", "--batch-size", "1", "--epochs", "2", "--report-dir", dir])
        #expect(refused.status == 64 && refused.stderr.contains("--no-batchnorm"), "\(refused.stderr)")
        let plain = try CLIRunner.run(["kfold", "datasets/iris.csv", "--batch-size", "1", "--no-batchnorm", "--epochs", "1", "--k", "3",
                                       "--report-dir", dir, "--quiet"])
        #expect(plain.status == 0, "\(plain.stderr)")
    }

    /// A network that cannot fit in memory is refused with the estimate, before anything is allocated.
    @Test func oversizeNetworkIsRefusedWithTheEstimate() throws {
        let result = try CLIRunner.run(["kfold", "datasets/iris.csv", "--hidden", "100000,100000", "--report-dir", try CLIRunner.temporaryFolder()])
        #expect(result.status == 64 && result.stderr.contains("GB to train") && result.stderr.contains("available"), "\(result.stderr)")
    }
}

@Suite struct NothingSurvivesTests {
    /// Every fold diverges: the summary holds null, never a made-up 0, and the terminal says no fold finished.
    @Test func allDivergedGivesNull() throws {
        let dir = try CLIRunner.temporaryFolder()
        let flags = ["kfold", "datasets/iris.csv", "--lr", "1e6", "--optimizer", "sgd", "--no-batchnorm", "--epochs", "3", "--report-dir", dir, "--quiet"]
        let json = try CLIRunner.run(flags + ["--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let accuracy = try #require(summary["accuracy"] as? [String: Any]), logLoss = try #require(summary["logLoss"] as? [String: Any])
        #expect(accuracy["mean"] is NSNull && logLoss["mean"] is NSNull && accuracy["n"] as? Int == 0)
        let text = try CLIRunner.run(flags)
        #expect(text.stdout.contains("no fold finished") && text.stdout.contains("log loss —"), "\(text.stdout)")
    }
}
