import Foundation
import Testing

/// `cvkit fit` then `cvkit predict`, end to end with the real binary.
@Suite struct FitPredictTests {
    @Test func penguinsFitPredictTamperAndMissingColumn() throws {
        let dir = try CLIRunner.temporaryFolder()
        let model = dir + "/m.cvkit"
        let fit = try CLIRunner.run(["fit", "datasets/penguins.csv", "--label", "species", "--out", model, "--quiet"])
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("model: \(model)"))
        #expect(try CLIRunner.run(["fit", "datasets/penguins.csv", "--label", "species", "--out", model, "--quiet"]).status == 64)

        let predict = try CLIRunner.run(["predict", model, "datasets/penguins.csv", "--out", dir + "/p.csv"])
        #expect(predict.status == 0, "\(predict.stderr)")
        let lines = try String(contentsOfFile: dir + "/p.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 345 && lines[0] == "row,predicted,p_Adelie,p_Chinstrap,p_Gentoo")
        #expect(lines[1].hasPrefix("1,Adelie,"))
        #expect(predict.stderr.contains("344 rows with labels · accuracy 0.9"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: dir + "/bad.cvkit"))
        let damaged = try CLIRunner.run(["predict", dir + "/bad.cvkit", "datasets/penguins.csv"])
        #expect(damaged.status == 65 && damaged.stderr.contains("damaged"), "\(damaged.stderr)")

        let text = try String(contentsOfFile: CLIRunner.projectRoot + "/datasets/penguins.csv", encoding: .utf8)
        // One row on an island the model never saw: scored, and said in the singular.
        var rows = text.split(separator: "\n").map(String.init)
        var first = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        first[1] = "Atlantis"
        rows[1] = first.joined(separator: ",")
        try (rows.joined(separator: "\n") + "\n").write(toFile: dir + "/atlantis.csv", atomically: true, encoding: .utf8)
        let unseen = try CLIRunner.run(["predict", model, dir + "/atlantis.csv", "--out", dir + "/a.csv"])
        #expect(unseen.status == 0 && unseen.stderr.contains("1 row of column \"island\" holds a category the model never saw"), "\(unseen.stderr)")
        let withoutIsland = text.split(separator: "\n").map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            fields.remove(at: 1)
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try withoutIsland.write(toFile: dir + "/noisland.csv", atomically: true, encoding: .utf8)
        let missing = try CLIRunner.run(["predict", model, dir + "/noisland.csv"])
        #expect(missing.status == 65 && missing.stderr.contains("missing column \"island\""), "\(missing.stderr)")
        // A file of other columns altogether: every missing column named, not "no feature columns".
        let other = try CLIRunner.run(["predict", model, "datasets/iris.csv"])
        #expect(other.status == 65 && other.stderr.contains("does not fit the model: missing columns \"island\"") && !other.stderr.contains("no feature columns"),
                "\(other.stderr)")
    }

    /// A model that could not be saved is refused before it is trained (exit 73), for fit and for
    /// search's --refit-out.
    @Test func anUnwritableModelPathIsRefusedBeforeTraining() throws {
        let fit = try CLIRunner.run(["fit", "datasets/iris.csv", "--out", "/nonexistent-folder/m.cvkit", "--epochs", "50"])
        #expect(fit.status == 73 && fit.stderr.contains("no folder /nonexistent-folder") && !fit.stderr.contains("epoch"), "\(fit.stderr)")
        let dir = try CLIRunner.temporaryFolder()
        let search = try CLIRunner.run(["search", "datasets/iris.csv", "--trials", "2", "--refit-out", dir, "--report-dir", dir, "--quiet"])
        let written = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(search.status == 73 && search.stderr.contains("is a folder") && written.isEmpty, "\(search.stderr)")
        let nested = try CLIRunner.run(["nested", "datasets/iris.csv", "--trials", "2", "--refit-out", "/nonexistent-folder/m.cvkit", "--report-dir", dir, "--quiet"])
        let afterNested = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(nested.status == 73 && nested.stderr.contains("no folder /nonexistent-folder") && afterNested.isEmpty, "\(nested.stderr)")
    }

    /// `search --refit-out` fits the winner on every row: the model it writes predicts.
    @Test func searchRefitsTheBestConfiguration() throws {
        let dir = try CLIRunner.temporaryFolder()
        let search = try CLIRunner.run(["search", "datasets/iris.csv", "--trials", "2", "--k", "3", "--epochs", "5",
                                        "--refit-out", dir + "/best.cvkit", "--report-dir", dir, "--json", "--quiet"])
        #expect(search.status == 0, "\(search.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        #expect(object["refitModel"] as? String == dir + "/best.cvkit")
        let predict = try CLIRunner.run(["predict", dir + "/best.cvkit", "datasets/iris.csv", "--quiet"])
        #expect(predict.status == 0 && predict.stdout.split(separator: "\n").count == 151, "\(predict.stderr)")
    }

    /// `nested --refit-out` runs the search on every row and fits its winner.
    @Test func nestedRefitsTheProcedure() throws {
        let dir = try CLIRunner.temporaryFolder()
        let nested = try CLIRunner.run(["nested", "datasets/iris.csv", "--outer", "2", "--inner", "2", "--trials", "2", "--epochs", "5",
                                        "--refit-out", dir + "/n.cvkit", "--report-dir", dir, "--json", "--quiet"])
        #expect(nested.status == 0, "\(nested.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(nested.stdout.utf8)) as? [String: Any])
        let refit = try #require(object["refit"] as? [String: Any])
        #expect(refit["model"] as? String == dir + "/n.cvkit" && (refit["sampled"] as? [String: String])?["lr"] != nil)
        #expect(try CLIRunner.run(["predict", dir + "/n.cvkit", "datasets/iris.csv", "--quiet"]).status == 0)
    }

    /// Without the label column, predictions still come, one per row, and the identifier leads them.
    @Test func titanicWithoutLabelsKeepsTheNames() throws {
        let dir = try CLIRunner.temporaryFolder()
        let model = dir + "/t.cvkit"
        #expect(try CLIRunner.run(["fit", "datasets/titanic.csv", "--label", "survived", "--epochs", "5", "--out", model, "--quiet"]).status == 0)
        let text = try String(contentsOfFile: CLIRunner.projectRoot + "/datasets/titanic.csv", encoding: .utf8)
        let unlabeled = text.replacingOccurrences(of: ",survived,", with: ",ignored,")
        try unlabeled.write(toFile: dir + "/new.csv", atomically: true, encoding: .utf8)
        let predict = try CLIRunner.run(["predict", model, dir + "/new.csv"])
        #expect(predict.status == 0, "\(predict.stderr)")
        let lines = predict.stdout.split(separator: "\n")
        #expect(lines.count == 1310 && lines[0] == "name,predicted,p_no,p_yes")
        #expect(lines[1].hasPrefix("\"Allen, Miss. Elisabeth Walton\","))
        #expect(!predict.stderr.contains("rows with labels"))
    }
}
