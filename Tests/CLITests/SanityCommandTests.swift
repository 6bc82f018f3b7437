import Foundation
import Testing

@Suite struct SanityCommandTests {
    static let names = ["initial-loss", "regularization-raises-loss", "gradient-check", "overfit-tiny-subset", "lr-sweep", "batchnorm-stats"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func checks(_ object: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(object["checks"] as? [[String: Any]])
        #expect(list.compactMap { $0["name"] as? String } == Self.names)
        return Dictionary(uniqueKeysWithValues: list.compactMap { check in (check["name"] as? String).map { ($0, check) } })
    }

    /// 15 random rows × 3 features (a fixed LCG, so every run sees the same file), each written
    /// twice with labels x and y.
    func contradictoryFile() throws -> String {
        var state: UInt64 = 12_345
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53 * 4 - 2
        }
        var lines = ["a,b,c,label"]
        for _ in 0..<15 {
            let row = (0..<3).map { _ in String(format: "%.3f", next()) }.joined(separator: ",")
            lines += [row + ",x", row + ",y"]
        }
        let path = try CLIRunner.temporaryFolder() + "/conflict.csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func winePassesEveryCheck() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["sanity", "datasets/wine.csv", "--seed", "1", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try json(result.stdout)
        let byName = try checks(object)
        #expect(object["passed"] as? Bool == true)
        #expect(byName.values.allSatisfy { $0["passed"] as? Bool == true })
        let observed = try #require(byName["initial-loss"]?["observed"] as? String)
        let initial = try #require(Double(observed))
        #expect(abs(initial - log(3)) < 0.15)
        let reportDir = try #require(object["reportDir"] as? String)
        #expect(reportDir.hasPrefix(dir + "/wine-sanity-"))
        for file in ["sanity.md", "sanity.json", "lr-sweep.svg"] {
            #expect(FileManager.default.fileExists(atPath: reportDir + "/" + file), "\(file)")
        }
        let stored = try json(String(contentsOfFile: reportDir + "/sanity.json", encoding: .utf8))
        #expect(stored["reportDir"] == nil)
        #expect((stored["commandLine"] as? String)?.hasPrefix("cvkit sanity datasets/wine.csv --hidden 128,64") == true)
        let data = try #require(stored["data"] as? [String: Any])
        #expect(data["rows"] as? Int == 178 && (data["sha256"] as? String)?.count == 64)
    }

    @Test func contradictoryLabelsFailTheOverfitCheckAndExit1() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["sanity", try contradictoryFile(), "--seed", "1", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 1, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["passed"] as? Bool == false)
        let overfit = try #require(try checks(object)["overfit-tiny-subset"])
        #expect(overfit["passed"] as? Bool == false)
        #expect((overfit["advice"] as? String)?.contains("identical twin") == true)
    }

    @Test func tableOnStdoutProgressOnStderr() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["sanity", try contradictoryFile(), "--hidden", "8", "--report-dir", dir])
        #expect(result.status == 1)
        for name in Self.names { #expect(result.stdout.contains("  " + name + " "), "\(name)") }
        #expect(result.stdout.contains("FAIL, overfit-tiny-subset: ") && result.stdout.contains("1 of 6 checks failed"))
        #expect(result.stdout.contains("report: \(dir)/conflict-sanity-"))
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }.count == 6)
    }

    @Test func sameSeedSameBytes() throws {
        let one = try CLIRunner.temporaryFolder(), two = try CLIRunner.temporaryFolder()
        let flags = ["sanity", "datasets/iris.csv", "--hidden", "16", "--seed", "4", "--quiet", "--json"]
        let a = try json(CLIRunner.run(flags + ["--report-dir", one]).stdout)
        let b = try json(CLIRunner.run(flags + ["--report-dir", two]).stdout)
        let dirA = try #require(a["reportDir"] as? String), dirB = try #require(b["reportDir"] as? String)
        for file in ["sanity.md", "sanity.json", "lr-sweep.svg"] {
            let bytes = FileManager.default.contents(atPath: dirA + "/" + file)
            #expect(bytes != nil && bytes == FileManager.default.contents(atPath: dirB + "/" + file), "\(file)")
        }
    }

    @Test func noBatchNormMakesTheBatchNormCheckNotApplicable() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["sanity", "datasets/iris.csv", "--no-batchnorm", "--hidden", "16", "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try #require(try checks(json(result.stdout))["batchnorm-stats"])
        #expect(check["passed"] as? Bool == true)
        #expect((check["observed"] as? String)?.hasPrefix("not applicable") == true)
    }

    @Test(arguments: [
        ["--subset", "1"], ["--sweep-epochs", "0"], ["--overfit-epochs", "0"], ["--lr", "0"], ["--hidden", "8,x"],
        ["--optimizer", "lbfgs"], ["--patience", "3"], ["--resume"], ["--no-such-flag"],
    ])
    func badFlagsExit64(flags: [String]) throws {
        let result = try CLIRunner.run(["sanity", "datasets/iris.csv"] + flags + ["--report-dir", try CLIRunner.temporaryFolder()])
        #expect(result.status == 64, "\(flags): \(result.stderr)")
    }

    @Test func missingFileExits66AndBadDataExits65() throws {
        let dir = try CLIRunner.temporaryFolder()
        #expect(try CLIRunner.run(["sanity", "no/such/file.csv", "--report-dir", dir]).status == 66)
        let bad = try CLIRunner.run(["sanity", "Tests/CLITests/Fixtures/bad-input/nan.csv", "--no-impute", "--report-dir", dir])
        #expect(bad.status == 65 && bad.stderr.contains("nan.csv:3:2:"), "\(bad.stderr)")
    }
}

@Suite struct SanityWidthTests {
    /// At COLUMNS=80 (and 60) every line fits, counted in bytes — but the report's path, printed whole so it can
    /// be copied —; the observed values are all there, wrapped, not cut.
    @Test(arguments: [80, 60])
    func tableFitsTheTerminal(columns: Int) throws {
        let result = try CLIRunner.run(["sanity", "datasets/wine.csv", "--report-dir", try CLIRunner.temporaryFolder()],
                                       environment: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("report: ") }
        #expect(lines.allSatisfy { $0.utf8.count <= columns }, "\(lines.filter { $0.utf8.count > columns })")
        #expect(lines.filter { $0.contains("observed:") }.count == 6)
        #expect(result.stdout.replacingOccurrences(of: "\n        ", with: " ").contains("inside good band"))
    }
}
