import Foundation
import Testing

/// The raw tables run with no flag but the label; identifiers reach predictions.csv; standard input works.
@Suite struct RealWorldTablesTests {
    @Test func titanicRunsWithOnlyTheLabelAndCarriesTheNames() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/titanic.csv", "--label", "survived", "--k", "3", "--epochs", "5",
                                        "--report-dir", dir, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let data = try #require(object["data"] as? [String: Any])
        let columns = try #require(data["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["role"] as? String } == ["identifier", "label", "categorical", "numeric", "categorical"])
        let folds = try #require(object["folds"] as? [[String: Any]])
        let fitted = try #require(folds.first?["preprocessing"] as? [[String: Any]])
        #expect(fitted.contains { $0["column"] as? String == "age" && ($0["imputed"] as? Double ?? 0) > 20 && $0["indicator"] as? Bool == true })
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix("titanic-kfold-") })
        let predictions = try String(contentsOfFile: dir + "/" + folder + "/predictions.csv", encoding: .utf8)
        let lines = predictions.split(separator: "\n")
        #expect(lines.first == "row,name,repeat,fold,true,predicted,p_no,p_yes")
        #expect(lines.count == 1310)
        #expect(lines[1].hasPrefix("0,\"Allen, Miss. Elisabeth Walton\",1,") && lines[1].contains(",yes,"))
        let report = try String(contentsOfFile: dir + "/" + folder + "/report.md", encoding: .utf8)
        #expect(report.contains("| name | identifier |") && report.contains("imputed value (training median)"))
    }

    /// Without --label the last column is the label; the first line says which column that is
    /// (penguins' last column is `year`: three classes, and a run that looks like any other).
    @Test func theHeadingNamesTheLabelColumn() throws {
        let dir = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["kfold", "datasets/penguins.csv", "--k", "3", "--epochs", "1", "--report-dir", dir, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("kfold on datasets/penguins.csv: 344 rows, 7 features, 3 classes in \"year\" · "), "\(result.stdout)")
    }

    @Test func penguinsInfoProfilesEveryColumn() throws {
        let result = try CLIRunner.run(["info", "datasets/penguins.csv", "--label", "species"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("344 rows, 7 features, 3 classes in column \"species\" (5 numeric, 2 categorical)"))
        #expect(result.stdout.contains("sex") && result.stdout.contains("male 168, female 165"))
        #expect(result.stdout.contains("missing values in bill_length_mm (2)"))
        // The reason for a role is never cut: it ends with the flag that changes it.
        let titanic = try CLIRunner.run(["info", "datasets/titanic.csv", "--label", "survived"], environment: ["COLUMNS": ""])
        #expect(titanic.stdout.contains("an identifier, not a feature (--categorical encodes it)"), "\(titanic.stdout)")
    }

    @Test func standardInputAndPipes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(CLIRunner.binary)' info - --json < datasets/iris.csv && cat datasets/iris.csv | '\(CLIRunner.binary)' info /dev/stdin --json"]
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.projectRoot)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.components(separatedBy: "d3b09efd6de0066a211e69284451f0d429db5c8d21a977602a4694794a41c089").count == 3)
    }

    @Test func noImputeAndRoleFlagsAreUsageOrDataErrors() throws {
        let missing = try CLIRunner.run(["info", "datasets/penguins.csv", "--label", "species", "--no-impute"])
        #expect(missing.status == 65 && missing.stderr.contains("penguins.csv:5:3: column \"bill_length_mm\": a missing value"), "\(missing.stderr)")
        let unknown = try CLIRunner.run(["info", "datasets/penguins.csv", "--drop", "nope"])
        #expect(unknown.status == 65 && unknown.stderr.contains("--drop: no column \"nope\""), "\(unknown.stderr)")
        let decimal = try CLIRunner.run(["info", "datasets/iris.csv", "--decimal", ";"])
        #expect(decimal.status == 64, "\(decimal.stderr)")
    }
}
