import Foundation
import Testing

@Suite struct MethodCommandTests {
    func json(_ output: CLIRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stderr)")
    }

    @Test func searchRandomGridAndReport() throws {
        let dir = try CLIRunner.temporaryFolder()
        let random = try CLIRunner.run(["search", "datasets/iris.csv", "--trials", "3", "--k", "3", "--epochs", "3", "--seed", "2",
                                        "--space", "lr=log(1e-3,1e-1) l2=log(1e-6,1e-2)", "--report-dir", dir, "--json", "--quiet"])
        #expect(random.status == 0, "\(random.stderr)")
        let object = try json(random)
        let trials = try #require(object["trials"] as? [[String: Any]])
        #expect(trials.count == 3)
        for trial in trials {
            let lr = try #require((trial["config"] as? [String: Any])?["lr"] as? Double)
            #expect(lr >= 1e-3 && lr <= 1e-1)
        }
        let best = try #require(object["best"] as? [String: Any])
        #expect((best["commandLine"] as? String)?.hasPrefix("cvkit kfold datasets/iris.csv") == true)
        let folder = try #require(object["reportDir"] as? String)
        for file in ["report.md", "results.json", "search.svg", "search-lr.svg", "search-l2.svg"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
        }
        let grid = try CLIRunner.run(["search", "datasets/iris.csv", "--method", "grid", "--k", "3", "--epochs", "2",
                                      "--space", "lr=choice(0.001|0.01) l2=choice(0|0.001)", "--report-dir", dir, "--json", "--quiet"])
        #expect((try json(grid)["trials"] as? [Any])?.count == 4)
    }

    @Test func nestedAndCompare() throws {
        let dir = try CLIRunner.temporaryFolder()
        let nested = try CLIRunner.run(["nested", "datasets/iris.csv", "--outer", "3", "--inner", "2", "--trials", "2", "--epochs", "3",
                                        "--space", "lr=log(1e-3,1e-1)", "--report-dir", dir, "--json", "--quiet"])
        #expect(nested.status == 0, "\(nested.stderr)")
        let object = try json(nested)
        #expect((object["outer"] as? [Any])?.count == 3 && object["optimism"] is Double)
        let compare = try CLIRunner.run(["compare", "datasets/iris.csv", "--a", "--hidden 8 --epochs 3", "--b", "--hidden 8 --epochs 3 --l2 0.5",
                                         "--k", "3", "--repeats", "2", "--report-dir", dir, "--json", "--quiet"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let result = try json(compare)
        #expect((result["differences"] as? [Any])?.count == 6)
        let p = try #require(result["pValue"] as? Double), naive = try #require(result["naivePValue"] as? Double)
        #expect(p >= naive - 1e-12 && (0...1).contains(p))
    }

    @Test(arguments: [
        ["search", "datasets/iris.csv", "--space", "lr=log(0,1)"], ["search", "datasets/iris.csv", "--method", "bayes"],
        ["search", "datasets/iris.csv", "--method", "grid", "--space", "lr=log(1e-3,1)"], ["search", "datasets/iris.csv", "--trials", "0"],
        ["nested", "datasets/iris.csv", "--outer", "1"], ["nested", "datasets/iris.csv", "--method", "coarse-to-fine"],
        ["compare", "datasets/iris.csv", "--a", "--hidden x", "--b", ""], ["compare", "datasets/iris.csv", "--a", "--bogus 3", "--b", ""],
    ])
    func badSettingsExit64(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments + ["--report-dir", try CLIRunner.temporaryFolder()])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    @Test func unreadableSpaceFileAndReportDirThroughAFile() throws {
        let dir = try CLIRunner.temporaryFolder()
        let missing = try CLIRunner.run(["search", "datasets/iris.csv", "--space-file", dir + "/none.txt", "--report-dir", dir, "--quiet"])
        #expect(missing.status == 66, "\(missing.stderr)")
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/file"))
        let blocked = try CLIRunner.run(["kfold", "datasets/iris.csv", "--epochs", "1", "--report-dir", dir + "/file", "--quiet"])
        #expect(blocked.status == 73 && blocked.stderr.contains("is a file, not a folder"), "\(blocked.stderr)")
    }

    /// The "reproduce" command lines written into reports run as they are.
    @Test func reproduceCommandsRun() throws {
        let dir = try CLIRunner.temporaryFolder()
        for arguments in [
            ["search", "datasets/iris.csv", "--trials", "2", "--k", "2", "--epochs", "2", "--method", "coarse-to-fine", "--rounds", "2"],
            ["nested", "datasets/iris.csv", "--outer", "2", "--inner", "2", "--trials", "2", "--epochs", "2"],
            ["compare", "datasets/iris.csv", "--a", "--hidden 4 --epochs 2", "--b", "--hidden '' --epochs 2", "--k", "2", "--repeats", "2"],
        ] {
            let first = try json(CLIRunner.run(arguments + ["--report-dir", dir, "--json", "--quiet"]))
            let line = try #require(first["commandLine"] as? String)
            let words = try shellWords(line)
            #expect(words.first == "cvkit")
            let again = try CLIRunner.run(Array(words.dropFirst()) + ["--report-dir", dir, "--json", "--quiet", "--resume"])
            #expect(again.status == 0, "\(line): \(again.stderr)")
            // Same settings, same report folder: the journal is complete, so nothing is retrained.
            #expect(try json(again)["reportDir"] as? String == first["reportDir"] as? String, "\(line)")
        }
    }

    func shellWords(_ text: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import shlex, sys, json; print(json.dumps(shlex.split(sys.argv[1])))", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String] ?? []
    }
}
