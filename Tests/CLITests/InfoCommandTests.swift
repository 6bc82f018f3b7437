import Foundation
import Testing

@Suite struct InfoCommandTests {
    @Test func jsonOnIrisHasTheContractKeys() throws {
        let result = try CLIRunner.run(["info", "datasets/iris.csv", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 150)
        #expect(object["features"] as? Int == 4)
        #expect((object["featureNames"] as? [String])?.count == 4)
        #expect(object["sha256"] as? String == "d3b09efd6de0066a211e69284451f0d429db5c8d21a977602a4694794a41c089")
        let classes = try #require(object["classes"] as? [[String: Any]])
        #expect(classes.compactMap { $0["name"] as? String } == ["setosa", "versicolor", "virginica"])
        #expect(classes.compactMap { $0["count"] as? Int } == [50, 50, 50])
        #expect(result.stderr.isEmpty)
    }

    /// Leak guards in `info`: exact twins (iris has one pair), copies warned about, a row number named.
    @Test func duplicatesAndRowNumbers() throws {
        let iris = try CLIRunner.run(["info", "datasets/iris.csv", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(iris.stdout.utf8)) as? [String: Any])
        let duplicates = try #require(object["duplicates"] as? [String: Any])
        #expect(duplicates["rows"] as? Int == 2 && duplicates["sets"] as? Int == 1 && duplicates["looksLikeCopies"] as? Bool == false)
        let folder = try CLIRunner.temporaryFolder()
        var csv = "index,x,label\n"
        for i in 0..<60 { csv += "\(i + 1),\(Double(i / 5) * 0.37),\(i < 30 ? "a" : "b")\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/sorted.csv"))
        let text = try CLIRunner.run(["info", folder + "/sorted.csv"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Column 'index' is a unique, monotonic integer sequence") && text.stdout.contains("--id index"))
        #expect(text.stdout.contains("duplicates: 0 of 60 rows"))
        // Every row written 5 times with its label: copies.
        var copies = "x,y,label\n"
        for i in 0..<60 { copies += "\(Double(i / 5) * 0.37),\(Double((i / 5) % 3)),\((i / 5) % 2 == 0 ? "a" : "b")\n" }
        try Data(copies.utf8).write(to: URL(fileURLWithPath: folder + "/copies.csv"))
        let copied = try CLIRunner.run(["info", folder + "/copies.csv"])
        #expect(copied.stdout.contains("duplicates: 60 of 60 rows") && copied.stdout.contains("look like copied rows"), "\(copied.stdout)")
    }

    @Test func textNamesRowsClassesAndConstantFeatures() throws {
        let result = try CLIRunner.run(["info", "datasets/digits.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1797 rows, 64 features, 10 classes"))
        #expect(result.stdout.contains("7a93e51f73dadeb4429b4fc0718b334d12864332b906bdf44f9da7599a7e0e01"))
        #expect(result.stdout.contains("constant feature"))
    }

    @Test func bomCrlfAndQuotedLabels() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder + "/bom.csv"
        try Data("\u{FEFF}\"p q\",q,label\r\n1,2,\"x, y\"\r\n3,4,z\r\n5,6,\"x, y\"\r\n7,8,z\r\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["info", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"x, y\""))
        #expect(result.stdout.contains("\"p q\""))
    }

    /// Every file of the bad-input corpus exits with its status and names its location (with
    /// `--no-impute`, so that empty and NaN cells are errors too).
    @Test func badInputCorpus() throws {
        let folder = CLIRunner.projectRoot + "/Tests/CLITests/Fixtures/bad-input"
        let table = try String(contentsOfFile: folder + "/expected.tsv", encoding: .utf8)
        var checked = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3, "bad line in expected.tsv: \(line)")
            let result = try CLIRunner.run(["info", folder + "/" + fields[0], "--no-impute"])
            #expect(result.status == Int32(fields[1]), "\(fields[0]): exit \(result.status), stderr: \(result.stderr)")
            #expect(result.stderr.contains(fields[2]), "\(fields[0]): \(result.stderr)")
            #expect(result.stderr.hasPrefix("cvkit: ") && result.stdout.isEmpty, "\(fields[0])")
            checked += 1
        }
        #expect(checked >= 19)
    }

    @Test func missingFileAndDirectoryExit66() throws {
        let missing = try CLIRunner.run(["info", "no/such/file.csv"])
        #expect(missing.status == 66 && missing.stderr.contains("no such file"))
        let directory = try CLIRunner.run(["info", "datasets"])
        #expect(directory.status == 66 && directory.stderr.contains("directory"))
    }

    @Test func badFlagsExit64() throws {
        #expect(try CLIRunner.run(["info", "datasets/iris.csv", "--bogus"]).status == 64)
        #expect(try CLIRunner.run(["info", "datasets/iris.csv", "--delimiter", "ab"]).status == 64)
        #expect(try CLIRunner.run(["info"]).status == 64)
    }

    @Test func unknownLabelIsBadDataWithTheColumnList() throws {
        let result = try CLIRunner.run(["info", "datasets/iris.csv", "--label", "species"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\"sepal_length_cm\""))
    }

    @Test func tabDelimitedNoHeader() throws {
        let folder = try CLIRunner.temporaryFolder()
        let path = folder + "/plain.tsv"
        try Data("x\t1\t2\ny\t3\t4\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["info", path, "--delimiter", "\\t", "--no-header", "--label", "0", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"c1\"") && result.stdout.contains("\"label\" : \"c0\""))
    }
}
