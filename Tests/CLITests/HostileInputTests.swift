import Foundation
import Testing

/// Hostile files that are valid: they load, with the documented meaning, in bounded time.
/// (The refused ones are the bad-input corpus in Fixtures/bad-input, run by InfoCommandTests.)
@Suite struct HostileInputTests {
    func json(_ output: CLIRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func tenThousandColumnsLoadAndTrain() throws {
        let dir = try CLIRunner.temporaryFolder()
        var text = (0..<10_000).map { "c\($0)" }.joined(separator: ",") + ",label\n"
        for row in 0..<6 { text += (0..<10_000).map { String(($0 + row) % 7) }.joined(separator: ",") + ",\(row % 2 == 0 ? "x" : "y")\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/wide.csv"))
        let info = try CLIRunner.run(["info", dir + "/wide.csv", "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(try json(info)["features"] as? Int == 10_000)
        let run = try CLIRunner.run(["kfold", dir + "/wide.csv", "--k", "2", "--epochs", "1", "--report-dir", dir + "/r", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// A 1 MB class name is data like any other: kept whole in the files, cut with "…" on the
    /// terminal, and never slow (the terminal table once trimmed it with a quadratic regex).
    @Test func aOneMegabyteLabelIsShownCut() throws {
        let dir = try CLIRunner.temporaryFolder()
        let long = String(repeating: "q", count: 1_000_000)
        let text = "a,label\n" + (0..<8).map { "\($0),\($0 % 2 == 0 ? long : "short")" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/long.csv"))
        let started = Date()
        let info = try CLIRunner.run(["info", dir + "/long.csv"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("2 classes") && info.stdout.contains(String(repeating: "q", count: 59) + "…"))
        #expect(info.stdout.split(separator: "\n").allSatisfy { $0.count < 200 })
        #expect(Date().timeIntervalSince(started) < 30)
        let byJSON = try CLIRunner.run(["info", dir + "/long.csv", "--json"])
        let classes = try #require(try json(byJSON)["classes"] as? [[String: Any]])
        #expect(classes.contains { ($0["name"] as? String)?.count == 1_000_000 })
    }

    /// The decision on spaces: around numbers they are ignored (" 1.5 " is 1.5, quoted or not);
    /// a label keeps what is inside quotes (" x " and "x" are two classes), while libcsv trims
    /// unquoted fields (x␠ is "x").
    @Test func spacesAroundNumbersAreIgnoredQuotedLabelsKeepThem() throws {
        let dir = try CLIRunner.temporaryFolder()
        try Data("a,b,label\n 1.5 , 2,x \n2,\"  3 \",\"x\"\n3,4,\" x \"\n4,5,y\n5,6,y\n".utf8).write(to: URL(fileURLWithPath: dir + "/spaces.csv"))
        let info = try CLIRunner.run(["info", dir + "/spaces.csv", "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try json(info)
        let classes = try #require(object["classes"] as? [[String: Any]])
        #expect(classes.map { $0["name"] as? String } == [" x ", "x", "y"])
        #expect(classes.map { $0["count"] as? Int } == [1, 2, 2])
        let statistics = try #require(object["featureStatistics"] as? [[String: Any]])
        #expect(statistics.first?["min"] as? Double == 1.5 && statistics.last?["min"] as? Double == 2)
    }
}
