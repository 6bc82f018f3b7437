import Foundation
import Testing
@testable import CVKit

@Suite struct CSVLoaderTests {
    // MARK: - Shipped data sets

    @Test(arguments: [
        ("iris", 150, 4, [50, 50, 50], "d3b09efd6de0066a211e69284451f0d429db5c8d21a977602a4694794a41c089"),
        ("wine", 178, 13, [59, 71, 48], "5235ec9e296ebb703cfe2bb70646e2fe1766a3f7c98df190d60c287d199c0c7c"),
        ("breast_cancer", 569, 30, [357, 212], "6534e3077f72fd953fb8554b3366bb80db2d157daba7d4ea8e8d09b822553778"),
        ("digits", 1797, 64, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
         "7a93e51f73dadeb4429b4fc0718b334d12864332b906bdf44f9da7599a7e0e01"),
    ])
    func loadsShippedDataSets(name: String, rows: Int, features: Int, counts: [Int], sha256: String) throws {
        let data = try CSVLoader.load(path: ProjectFiles.dataset(name))
        #expect(data.rowCount == rows)
        #expect(data.featureCount == features)
        #expect(data.features.count == rows * features)
        #expect(data.classCounts() == counts)
        #expect(data.source.sha256 == sha256)
        #expect(data.labelName == "label")
    }

    @Test func irisValuesAndClassOrder() throws {
        let iris = try CSVLoader.load(path: ProjectFiles.dataset("iris"))
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(Array(iris.row(0)) == [5.1, 3.5, 1.4, 0.2])
        #expect(Array(iris.row(149)) == [5.9, 3.0, 5.1, 1.8])
        #expect(iris.labels[0] == 0 && iris.labels[149] == 2)
        #expect(iris.featureNames == ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"])
    }

    @Test func digitsLabelsSortNumerically() throws {
        let digits = try CSVLoader.load(path: ProjectFiles.dataset("digits"))
        #expect(digits.classNames == (0...9).map(String.init))
    }

    // MARK: - Accepted syntax

    @Test func acceptsBomCrlfAndQuotedFields() throws {
        let text = "\u{FEFF}\"p q\",q,label\r\n1,2,\"x, y\"\r\n3,4,z\r\n\"5\",6,\"say \"\"hi\"\"\"\r\n7,8,\"two\nlines\"\r\n"
        let data = try CSVLoader.load(text: text)
        #expect(data.featureNames == ["p q", "q"])
        #expect(data.classNames == ["say \"hi\"", "two\nlines", "x, y", "z"])
        #expect(data.features == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(data.labels == [2, 3, 0, 1])
    }

    @Test func lastRowWithoutNewlineAndBlankLinesAreFine() throws {
        let data = try CSVLoader.load(text: "a,label\n\n1,x\n\n2,y")
        #expect(data.features == [1, 2])
        #expect(data.classNames == ["x", "y"])
    }

    @Test func tabDelimiterAndLabelByNameOrIndex() throws {
        let text = "y\ta\tb\nx\t1\t2\nz\t3\t4\n"
        let byName = try CSVLoader.load(text: text, options: CSVOptions(label: .name("y"), delimiter: 0x09))
        #expect(byName.featureNames == ["a", "b"] && byName.features == [1, 2, 3, 4])
        let byIndex = try CSVLoader.load(text: text, options: CSVOptions(label: ColumnSelector(parsing: "0"), delimiter: 0x09))
        #expect(byIndex.labelName == "y" && byIndex.classNames == ["x", "z"])
    }

    @Test func noHeaderNamesColumnsByIndex() throws {
        let data = try CSVLoader.load(text: "1,2,a\n3,4,b\n", options: CSVOptions(hasHeader: false))
        #expect(data.featureNames == ["c0", "c1"])
        #expect(data.labelName == "c2")
        #expect(data.rowCount == 2)
    }

    @Test func groupsColumnIsNotAFeature() throws {
        let text = "patient,f,label\np1,1,a\np2,2,b\np1,3,b\n"
        let data = try CSVLoader.load(text: text, options: CSVOptions(groups: .name("patient")))
        #expect(data.featureNames == ["f"])
        #expect(data.groups == [0, 1, 0])
        #expect(data.groupNames == ["p1", "p2"])
        #expect(data.groupsName == "patient")
    }

    @Test func unquotedSpacesAreTrimmedAroundNumbersAndLabels() throws {
        let data = try CSVLoader.load(text: "a,label\n 1 , x \n\" 2\",y\n")
        #expect(data.features == [1, 2])
        #expect(data.classNames == ["x", "y"])
    }

    // MARK: - Rejections name file, line and column

    static let badInputs: [(name: String, text: String, line: Int?, column: Int?, phrase: String)] = [
        ("ragged", "p,q,label\n1,2,a\n3,4\n5,6,b\n", 3, 3, "has 2 fields"),
        ("extra field", "p,q,label\n1,2,a\n3,4,b,\n", 3, 4, "has 4 fields"),
        ("text in feature", "p,q,label\n1,2,a\n3,x7,b\n5,6,a\n", 3, 2, "1 value that is not a number (bad.csv:3:2 \"x7\")"),
        ("empty field", "p,q,label\n1,2,a\n3,,b\n5,6,a\n", 3, 2, "a missing value, and --no-impute"),
        ("nan", "p,q,label\n1,2,a\n3,nan,b\n5,6,a\n", 3, 2, "a missing value, and --no-impute"),
        ("inf", "p,q,label\n1,2,a\n3,-inf,b\n", 3, 2, "infinite"),
        ("overflow", "p,q,label\n1,2,a\n3,1e400,b\n", 3, 2, "32-bit float"),
        ("empty label", "p,q,label\n1,2,a\n3,4,\n", 3, 3, "the label is empty"),
        ("open quote", "p,q,label\n1,2,a\n3,\"4,b\n", 3, 2, "never closed"),
        ("stray quote", "p,q,label\n1,2,a\n3,x\"y,b\n", 3, 2, "quote"),
        ("duplicate names", "p,p,label\n1,2,a\n", 1, 2, "used twice"),
        ("empty header name", ",p,label\n1,2,a\n", 1, 1, "no name"),
        ("unknown label", "p,q,label\n1,2,a\n", 1, nil, "no label column \"species\""),
        ("blank line counts", "p,q,label\n\n1,2,a\n\n3,oops,b\n", 5, 2, "oops"),
        ("crlf line", "p,q,label\r\n1,2,a\r\n3,?,b\r\n", 3, 2, "\"?\""),
        ("nul byte", "p,q,label\n1,2,a\n3,\u{0}4,b\n", 3, nil, "binary"),
        ("one class", "p,q,label\n1,2,a\n3,4,a\n", nil, nil, "only one class"),
        ("no rows", "p,q,label\n", nil, nil, "no data rows"),
        ("empty file", "", nil, nil, "empty"),
        ("only blank lines", "\n\n\n", nil, nil, "empty"),
        ("label only", "label\na\nb\n", 1, nil, "no feature columns"),
        ("every row its own class", "f,id\n" + (0..<12).map { "\($0),r\($0)\n" }.joined(), nil, nil, "class of its own"),
    ]

    @Test(arguments: badInputs)
    func rejectsBadInput(name: String, text: String, line: Int?, column: Int?, phrase: String) {
        let label: ColumnSelector = name == "unknown label" ? .name("species") : .last
        do {
            _ = try CSVLoader.load(text: text, name: "bad.csv", options: CSVOptions(label: label, impute: false))
            Issue.record("\(name): loaded without error")
        } catch let error as CVKitError {
            guard case .badData(let location, _) = error else {
                Issue.record("\(name): wrong kind \(error)")
                return
            }
            #expect(location?.line == line, "\(name): \(error)")
            #expect(location?.column == column, "\(name): \(error)")
            #expect(error.description.contains(phrase), "\(name): \(error)")
            if line != nil { #expect(error.description.hasPrefix("bad.csv:\(line!)")) }
        } catch {
            Issue.record("\(name): unexpected error \(error)")
        }
    }

    @Test func invalidUTF8LabelIsRejected() throws {
        var bytes = Array("p,label\n1,a\n2,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/latin.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: CVKitError.badData(location: SourceLocation(file: path, line: 3, column: 2),
                                           message: "column \"label\": the text is not valid UTF-8")) {
            try CSVLoader.load(path: path)
        }
    }

    @Test func utf16IsRefusedWithAHint() throws {
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/utf16.csv"
        try Data([0xFF, 0xFE, 0x61, 0x00]).write(to: URL(fileURLWithPath: path))
        #expect { try CSVLoader.load(path: path) } throws: { ($0 as? CVKitError)?.description.contains("UTF-16") == true }
    }

    // MARK: - Files

    @Test func missingFileAndDirectoryAreUnreadableInput() throws {
        #expect { try CSVLoader.load(path: "/no/such/file.csv") } throws: { ($0 as? CVKitError)?.kind == .unreadableInput }
        let folder = try ProjectFiles.temporaryFolder()
        #expect { try CSVLoader.load(path: folder) } throws: { ($0 as? CVKitError)?.kind == .unreadableInput }
    }

    /// A file larger than the 1 MiB read chunk, with rows crossing chunk boundaries, loads exactly.
    @Test func rowsAcrossChunkBoundaries() throws {
        var text = "a,b,label\n"
        var expected: [Float] = []
        for i in 0..<120_000 {
            let a = Float(i) * 0.25, b = Float(-i)
            text += "\(a),\(b),c\(i % 3)\n"
            expected += [a, b]
        }
        #expect(text.utf8.count > 2 * InputFile.chunkSize)
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/big.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let data = try CSVLoader.load(path: path)
        #expect(data.features == expected)
        #expect(data.classCounts() == [40_000, 40_000, 40_000])
        #expect(data.source.byteCount == text.utf8.count)
        let fromText = try CSVLoader.load(text: text)
        #expect(fromText.source.sha256 == data.source.sha256)
    }
}
