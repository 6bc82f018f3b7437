import Foundation
import Testing
@testable import CVKit

/// Column roles, missing values, categories, label values and number storage, as `CSVLoader` decides them.
@Suite struct ColumnRolesTests {
    static let table = """
        id,island,mass,sex,label
        a1,Biscoe,3750,male,A
        a2,Dream,NA,female,B
        a3,Biscoe,,male,A
        a4,Torgersen,4100,,B
        a5,Dream,3900,female,A
        a6,Biscoe,null,male,B
        a7,Dream,4000,female,A
        a8,Biscoe,3600,N/A,B
        a9,Torgersen,3800,male,A
        a10,Dream,4200,female,B
        a11,Biscoe,3700,male,A

        """

    @Test func rolesAreInferredAndStated() throws {
        let data = try CSVLoader.load(text: ColumnRolesTests.table)
        #expect(data.columns.map(\.role) == [.identifier, .categorical, .numeric, .categorical, .label])
        #expect(data.featureNames == ["island", "mass", "sex"])
        #expect(data.identifierName == "id" && data.identifiers.first == "a1" && data.identifiers.count == 11)
        #expect(data.columns[0].reason.contains("identifier"))
        #expect(data.columns[2].reason == "every non-missing value is a number")
        #expect(data.columns[2].missing == 3)
        #expect(data.columns[3].missing == 2)
        #expect(data.featureColumns[0].categories == ["Biscoe", "Dream", "Torgersen"])
        // Category codes in the matrix; missing cells are the missing NaN.
        #expect(Array(data.row(0)) [0] == 0 && data.row(3)[data.row(3).startIndex + 2].isNaN)
        #expect(CellCode.isMissing(data.row(1)[data.row(1).startIndex + 1]))
    }

    @Test func flagsOverrideInference() throws {
        let data = try CSVLoader.load(text: ColumnRolesTests.table, options: CSVOptions(
            drop: [.name("sex")], identifier: .index(0), categorical: [.name("mass")]))
        #expect(data.columns.map(\.role) == [.identifier, .categorical, .categorical, .dropped, .label])
        #expect(data.featureColumns[1].categories == ["3600", "3700", "3750", "3800", "3900", "4000", "4100", "4200"])
        #expect(data.columns[3].reason == "--drop")
        #expect(throws: CVKitError.self) {
            try CSVLoader.load(text: ColumnRolesTests.table, options: CSVOptions(categorical: [.name("mass")], numeric: [.name("mass")]))
        }
        #expect(throws: CVKitError.self) { try CSVLoader.load(text: ColumnRolesTests.table, options: CSVOptions(drop: [.name("nope")])) }
    }

    @Test func mostlyNumbersWithTextIsAnErrorWithLocations() throws {
        let text = "x,label\n1,a\n2,b\n12.5x,a\n4,b\n0x1p3,a\n6,b\n"
        do {
            _ = try CSVLoader.load(text: text, name: "m.csv")
            Issue.record("loaded")
        } catch let error as CVKitError {
            #expect(error.description.hasPrefix("m.csv:4:1: column \"x\" holds numbers in 4 rows and 2 values"))
            #expect(error.description.contains("m.csv:6:1 \"0x1p3\""))
            #expect(error.description.contains("--categorical"))
        }
        let encoded = try CSVLoader.load(text: text, options: CSVOptions(categorical: [.name("x")]))
        #expect(encoded.featureColumns[0].categories.contains("12.5x"))
    }

    /// Every column's problem in one message, in file order.
    @Test func problemsOfSeveralColumnsAreReportedTogether() throws {
        let text = "x,y,z,label\n1,1,1,a\n2,2,,b\n3x,3,3,a\n4,4y,4,b\n5,5,5,a\n"
        do {
            _ = try CSVLoader.load(text: text, name: "p.csv", options: CSVOptions(impute: false))
            Issue.record("loaded")
        } catch let error as CVKitError {
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 4, "\(error)")
            #expect(lines[0].hasPrefix("p.csv:3:3: column \"z\": a missing value"))
            #expect(lines[2].hasPrefix("  p.csv:4:1: column \"x\""))
            #expect(lines[3].hasPrefix("  p.csv:5:2: column \"y\""))
        }
    }

    /// `profile` (cvkit info) reports every row and column problem of a file at once; `load` the first.
    @Test func profileListsEveryProblem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cvkit-profile-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("bad.csv").path
        try Data("x,y,label\n1,2,a\n3,4\n5,x,b\n6,7,\n8,9,a,1\n10,11,b\n12,13,a\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CVKitError.badData(location: SourceLocation(file: path, line: 3, column: 3), message: "this row has 2 fields, but the header has 3 columns")) {
            try CSVLoader.load(path: path)
        }
        do {
            _ = try CSVLoader.profile(path: path)
            Issue.record("profiled without error")
        } catch let error as CVKitError {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 5, "\(error)")
            #expect(lines[0] == "\(path):3:3: this row has 2 fields, but the header has 3 columns")
            #expect(lines[2].hasPrefix("  \(path):5:3: column \"label\": the label is empty"))
            #expect(lines[3].hasPrefix("  \(path):6:4: this row has 4 fields"))
            #expect(lines[4].hasPrefix("  \(path):4:2: column \"y\" holds numbers in 3 rows"))
        }
        let good = ProjectFiles.dataset("iris")
        #expect(try CSVLoader.profile(path: good).rowCount == 150)
    }

    @Test func missingMarkersFollowPandasOrTheGivenList() throws {
        let text = "x,label\n1,a\nNA,b\nnull,a\nNA,b\n"
        #expect(try CSVLoader.load(text: text).featureColumns[0].missing == 3)
        // With a list of its own, "NA" and "null" are texts: three of four values make a category column.
        let custom = try CSVLoader.load(text: text, options: CSVOptions(naValues: ["?"]))
        #expect(custom.featureColumns[0].role == .categorical)
        #expect(throws: CVKitError.self) { try CSVLoader.load(text: "x,label\n1,a\ninf,b\n2,a\n") }
    }

    @Test func noImputeRefusesTheFirstMissingValue() throws {
        do {
            _ = try CSVLoader.load(text: ColumnRolesTests.table, name: "t.csv", options: CSVOptions(impute: false))
            Issue.record("loaded")
        } catch let error as CVKitError {
            #expect(error.description.hasPrefix("t.csv:3:3: column \"mass\": a missing value, and --no-impute"))
        }
    }

    @Test func aRowWithoutLabelIsAnError() throws {
        #expect(throws: CVKitError.badData(
            location: SourceLocation(file: "l.csv", line: 3, column: 2),
            message: "column \"label\": the label is missing (\"NA\"): a row with no class cannot be scored; remove the row, or pass --na-values to change which texts mean missing")) {
            try CSVLoader.load(text: "x,label\n1,a\n2,NA\n3,b\n", name: "l.csv")
        }
    }

    @Test func numericLabelsAreGroupedByValue() throws {
        let text = "x,label\n" + (0..<40).map { "\($0),\($0 < 20 ? ($0 % 2 == 0 ? "1" : ($0 % 3 == 0 ? "01" : "1.0")) : "0")" }.joined(separator: "\n") + "\n"
        let data = try CSVLoader.load(text: text)
        #expect(data.classNames == ["0", "1"])
        #expect(data.classCounts() == [20, 20])
        let label = try #require(data.columns.last)
        #expect(label.reason.contains("1 ← \"1\", \"1.0\", \"01\""))
    }

    /// Timestamps near 1.7e9 with quarter-second steps: Float32 alone has a step of 128 there.
    @Test func offsetColumnKeepsItsSteps() throws {
        let rows = (0..<200).map { $0 }
        let offset = try CSVLoader.load(text: "t,label\n" + rows.map { "\(1_700_000_000 + Double($0) * 0.25),c\($0 % 2)" }.joined(separator: "\n"))
        let plain = try CSVLoader.load(text: "t,label\n" + rows.map { "\(Double($0) * 0.25),c\($0 % 2)" }.joined(separator: "\n"))
        #expect(Set(offset.features).count == 200)
        let all = Array(0..<200)
        let a = Preprocessing.fit(offset, rows: all).transform(offset, rows: all)
        let b = Preprocessing.fit(plain, rows: all).transform(plain, rows: all)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 })
        let stats = FeatureStatistics.of(offset)[0]
        #expect(stats.min == 1_700_000_000 && stats.max == 1_700_000_049.75)
    }

    /// Values near 1e-50 lie below Float32's range; they are scaled, not read as zero.
    @Test func tinyScaleIsNotZero() throws {
        let tiny = try CSVLoader.load(text: "v,label\n" + (1...50).map { "\(Double($0))e-50,c\($0 % 2)" }.joined(separator: "\n"))
        #expect(Set(tiny.features).count == 50)
        let stats = FeatureStatistics.of(tiny)[0]
        #expect(abs(stats.min / 1e-50 - 1) < 1e-6 && abs(stats.max / 5e-49 - 1) < 1e-6)
        let plain = try CSVLoader.load(text: "v,label\n" + (1...50).map { "\($0),c\($0 % 2)" }.joined(separator: "\n"))
        let all = Array(0..<50)
        let a = Preprocessing.fit(tiny, rows: all).transform(tiny, rows: all)
        let b = Preprocessing.fit(plain, rows: all).transform(plain, rows: all)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    /// One outlier among the first rows does not choose the storage of the whole column.
    @Test func anOutlierInTheFirstRowDoesNotCollapseTheColumn() throws {
        let data = try CSVLoader.load(text: "v,label\n1e30,a\n" + (1...80).map { "\($0),c\($0 % 2)" }.joined(separator: "\n"))
        #expect(data.featureColumns[0].encoding == .identity)
        #expect(Set(data.features).count == 81)
    }

    /// A number in the first 64 rows (which choose the storage) is rounded once, as after them.
    @Test func firstRowsRoundOnce() throws {
        let text = "x,label\n" + (0..<100).map { "\($0 % 2 == 0 ? "1.000000059604644776" : "2"),c\($0 % 2)" }.joined(separator: "\n")
        let data = try CSVLoader.load(text: text)
        #expect(data.features[0] == data.features[98] && data.features[0] == Float("1.000000059604644776"))
    }

    @Test func onlyIdentifiersLeftIsAnError() throws {
        do {
            _ = try CSVLoader.load(text: "name,label\n" + (0..<12).map { "n\($0),c\($0 % 2)" }.joined(separator: "\n"), name: "n.csv")
            Issue.record("loaded")
        } catch let error as CVKitError {
            #expect(error.description.contains("no feature column is left") && error.description.contains("--categorical"))
        }
    }

    /// Mostly zeros with a few tiny values keeps the identity; subnormal values do not overflow the scale.
    @Test func scaleIsChosenSafely() throws {
        let zeros = try CSVLoader.load(text: "v,label\n" + (0..<70).map { "\($0 == 5 ? "1e-40" : ($0 == 66 ? "1" : "0")),c\($0 % 2)" }.joined(separator: "\n"))
        #expect(zeros.featureColumns[0].encoding == .identity)
        let subnormal = try CSVLoader.load(text: "v,label\n" + (0..<10).map { "\($0 + 1)e-320,c\($0 % 2)" }.joined(separator: "\n"))
        #expect(subnormal.featureColumns[0].encoding == .identity)
    }

    @Test func decimalComma() throws {
        let text = "x;y;label\n2,5;1;a\n-0,25;2;b\n3;3;a\n"
        let data = try CSVLoader.load(text: text, options: CSVOptions(delimiter: 0x3B, decimal: 0x2C))
        #expect(data.features == [2.5, 1, -0.25, 2, 3, 3])
        do {
            _ = try CSVLoader.load(text: "x,label\n\"2,0409\",a\n\"1,5\",b\n\"3,25\",a\n", name: "c.csv")
            Issue.record("loaded")
        } catch let error as CVKitError {
            #expect(error.description.contains("--decimal ,") && !error.description.contains("without it"))
        }
        #expect(throws: CVKitError.self) { try CSVLoader.load(text: "x;y;label\n1;2;a\n", options: CSVOptions()) }
        do {
            _ = try CSVLoader.load(text: "x;y;label\n1;2;a\n")
        } catch let error as CVKitError {
            #expect(error.description.contains("--delimiter ';'"))
        }
    }
}
