import Foundation
import Testing

@Suite struct FoldsCommandTests {
    func readFolds(_ path: String) throws -> [(row: Int, repetition: Int, fold: Int)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n")
        #expect(lines.removeFirst() == "row,repeat,fold")
        return lines.map { line in
            let parts = line.split(separator: ",").compactMap { Int($0) }
            return (parts[0], parts[1], parts[2])
        }
    }

    @Test func digitsStratifiedPartitionWithRepeats() throws {
        let folder = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["folds", "datasets/digits.csv", "--k", "10", "--repeats", "2", "--seed", "3", "--out", folder + "/f.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try readFolds(folder + "/f.csv")
        #expect(rows.count == 2 * 1797)
        for repetition in 0..<2 {
            let part = rows.filter { $0.repetition == repetition }
            #expect(part.map(\.row) == Array(0..<1797))
            var sizes = [Int](repeating: 0, count: 10)
            for row in part { sizes[row.fold] += 1 }
            #expect(sizes.max()! - sizes.min()! <= 1)
        }
        #expect(rows.filter { $0.repetition == 0 }.map(\.fold) != rows.filter { $0.repetition == 1 }.map(\.fold))
    }

    @Test func sameSeedSameBytesToStdout() throws {
        let a = try CLIRunner.run(["folds", "datasets/iris.csv", "--k", "5", "--seed", "1"])
        let b = try CLIRunner.run(["folds", "datasets/iris.csv", "--k", "5", "--seed", "1"])
        let c = try CLIRunner.run(["folds", "datasets/iris.csv", "--k", "5", "--seed", "2"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
        #expect(a.stdout.split(separator: "\n").count == 151)
    }

    @Test func groupsKeepGroupsTogether() throws {
        let folder = try CLIRunner.temporaryFolder()
        let data = "g,x,label\n" + (0..<40).map { "g\($0 % 8),\($0),\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: "\n") + "\n"
        try Data(data.utf8).write(to: URL(fileURLWithPath: folder + "/g.csv"))
        let result = try CLIRunner.run(["folds", folder + "/g.csv", "--k", "4", "--groups", "g"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").dropFirst()
        var foldOfGroup: [Int: Set<Int>] = [:]
        for line in lines {
            let parts = line.split(separator: ",").compactMap { Int($0) }
            foldOfGroup[parts[0] % 8, default: []].insert(parts[2])
        }
        #expect(foldOfGroup.count == 8 && foldOfGroup.values.allSatisfy { $0.count == 1 })
    }

    @Test(arguments: [["--k", "1"], ["--k", "0"], ["--repeats", "0"], ["--k", "151"]])
    func impossibleSettingsExit64(flags: [String]) throws {
        let result = try CLIRunner.run(["folds", "datasets/iris.csv"] + flags)
        #expect(result.status == 64, "\(flags): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func smallClassWarnsButRuns() throws {
        let folder = try CLIRunner.temporaryFolder()
        let data = "x,label\n" + (0..<20).map { "\($0),\($0 < 2 ? "rare" : "common")" }.joined(separator: "\n") + "\n"
        try Data(data.utf8).write(to: URL(fileURLWithPath: folder + "/rare.csv"))
        let result = try CLIRunner.run(["folds", folder + "/rare.csv", "--k", "5"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning") && result.stderr.contains("fewer members than k = 5"))
    }

    @Test func unwritableOutputExit73() throws {
        let result = try CLIRunner.run(["folds", "datasets/iris.csv", "--out", "/no/such/folder/f.csv"])
        #expect(result.status == 73, "\(result.stderr)")
    }
}
