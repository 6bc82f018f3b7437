import Foundation
import Testing
@testable import CVKit

/// The parallel loader gives exactly what one pass gives: the same dataset, bit for bit, or the same
/// first error, with the same location and message, however the file is cut.
@Suite struct ParallelLoadTests {
    /// Piece sizes that cut files everywhere: mid-header, every few rows, and about once.
    static let pieceSizes = [1, 7, 97, 1000, 1 << 16]

    func onePass(_ path: String, _ options: CSVOptions = CSVOptions()) throws -> Dataset {
        try CSVLoader.load(path: path, options: options, threads: 1, pieceSize: InputFile.chunkSize)
    }

    func parallel(_ path: String, _ options: CSVOptions = CSVOptions(), pieceSize: Int) throws -> Dataset {
        try CSVLoader.load(path: path, options: options, threads: 4, pieceSize: pieceSize)
    }

    func expectIdentical(_ a: Dataset, _ b: Dataset, _ comment: Comment) {
        #expect(a.features.map(\.bitPattern) == b.features.map(\.bitPattern), comment)
        #expect(a.labels == b.labels, comment)
        #expect(a.classNames == b.classNames, comment)
        #expect(a.featureNames == b.featureNames && a.labelName == b.labelName, comment)
        #expect(a.groups == b.groups && a.groupNames == b.groupNames && a.groupsName == b.groupsName, comment)
        #expect(a.source == b.source, comment)
        #expect(a.columns == b.columns && a.identifiers == b.identifiers && a.identifierName == b.identifierName, comment)
    }

    func write(_ text: String, name: String = "data.csv") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    func write(_ bytes: [UInt8], name: String = "data.csv") throws -> String {
        let path = try ProjectFiles.temporaryFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The error `body` throws, or nil.
    func error(_ body: () throws -> Dataset) -> CVKitError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? CVKitError
        }
    }

    // MARK: - Same dataset

    @Test(arguments: ["iris", "wine", "breast_cancer", "digits"])
    func shippedDataSetsAreIdentical(name: String) throws {
        let path = ProjectFiles.dataset(name)
        let reference = try onePass(path)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, pieceSize: size), "\(name), pieces of \(size) bytes")
        }
        // And through the public entry point, with this machine's thread count.
        expectIdentical(reference, try CSVLoader.load(path: path), "\(name), default")
    }

    /// BOM, CRLF, quoted fields (with the delimiter and doubled quotes), spaces, blank lines, a last row
    /// without a newline, classes first seen in different pieces, a groups column.
    static func awkwardText(rows: Int) -> String {
        var text = "\u{FEFF}\"patient id\",\"x, y\",q,label\r\n"
        for row in 0..<rows {
            let label = ["b", "\"say \"\"hi\"\"\"", "a", " c ", "10", "2"][(row * 7 + row / 13) % 6]
            let x = row % 5 == 0 ? "\" \(Double(row) * 0.125)\"" : "\(Float(row) * -1.5e-3)"
            text += "p\(row % 17),\(x), \(row % 3 == 0 ? "1e-3" : "\(row).25") ,\(label)\r\n"
            if row % 11 == 0 { text += "\r\n" }
        }
        return text + "p1,1,2,a"
    }

    @Test func awkwardFileIsIdenticalAndReallyParallel() throws {
        let path = try write(ParallelLoadTests.awkwardText(rows: 3000))
        let options = CSVOptions(groups: .name("patient id"))
        let reference = try onePass(path, options)
        #expect(reference.rowCount == 3001)
        #expect(reference.groupNames.count == 17)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, options, pieceSize: size), "pieces of \(size) bytes")
            // No quoted field spans a line, so the parallel path needs no second pass.
            let direct = try ParallelCSVLoad.load(path: path, options: options, threads: 3, pieceSize: size)
            #expect(direct != nil, "pieces of \(size) bytes")
        }
    }

    /// Categories, missing markers, an identifier, a mixed column declared categorical, an offset
    /// column and a tiny-scale column: every way of cutting the file gives the same data set.
    @Test func realWorldTableIsIdentical() throws {
        var text = "name,island,sex,t,tiny,code,label\n"
        for row in 0..<2000 {
            let island = ["Biscoe", "Dream", "Torgersen", "NA", ""][(row * 7) % 5]
            let sex = row % 13 == 0 ? "" : (row % 2 == 0 ? "male" : "female")
            let code = row % 3 == 0 ? "\(row % 4)" : "k\(row % 6)"
            text += "\"Person, \(row)\",\(island),\(sex),\(1_700_000_000 + Double(row) * 0.25),\(Double(row % 9) * 1e-50),\(code),\(["a", "b", "c"][row % 3])\n"
        }
        let path = try write(text)
        let options = CSVOptions(categorical: [.name("code")])
        let reference = try onePass(path, options)
        #expect(reference.identifierName == "name" && reference.identifiers[5] == "Person, 5")
        #expect(reference.featureNames == ["island", "sex", "t", "tiny", "code"])
        #expect(reference.featureColumns.map(\.role) == [.categorical, .categorical, .numeric, .numeric, .categorical])
        #expect(reference.featureColumns[0].missing == 800)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, options, pieceSize: size), "pieces of \(size) bytes")
        }
    }

    @Test func withoutHeaderIsIdentical() throws {
        let path = try write((0..<500).map { "\($0),\(Double($0) / 3),\($0 % 4 == 0 ? "x" : "y")\n" }.joined())
        let options = CSVOptions(hasHeader: false)
        let reference = try onePass(path, options)
        #expect(reference.rowCount == 500)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, options, pieceSize: size), "pieces of \(size) bytes")
        }
    }

    /// A quoted field spanning lines: wherever it is cut, the loader notices and reads in one pass.
    @Test func quotedLineBreaksFallBackToOnePass() throws {
        var text = "a,label\n"
        for row in 0..<400 { text += row % 50 == 7 ? "\(row),\"two\nlines \(row % 3)\"\n" : "\(row),\"k\(row % 3)\"\n" }
        let path = try write(text)
        let reference = try onePass(path)
        #expect(reference.rowCount == 400)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, pieceSize: size), "pieces of \(size) bytes")
        }
        #expect(try ParallelCSVLoad.load(path: path, options: CSVOptions(), threads: 2, pieceSize: 64) == nil)
    }

    /// Classic Mac line ends (CR only): no LF to cut at, so the file is one piece — or, past the
    /// longest piece, read in one pass; same dataset.
    @Test func crOnlyLineEndsAreIdentical() throws {
        let path = try write("a,b,label\r" + (0..<300).map { "\($0),\(Double($0) / 8),k\($0 % 2)\r" }.joined())
        let reference = try onePass(path)
        #expect(reference.rowCount == 300)
        for size in ParallelLoadTests.pieceSizes {
            expectIdentical(reference, try parallel(path, pieceSize: size), "pieces of \(size) bytes")
        }
        let (descriptor, _) = try InputFile.open(path: path)
        defer { close(descriptor) }
        var pieces = LinePieces(descriptor: descriptor, path: path, pieceSize: 100, longestPiece: 1000)
        #expect(try pieces.next(into: ByteBuffer()) == false)
        #expect(pieces.tooLong)
    }

    // MARK: - Same first error

    static func largeText(rows: Int = 4000) -> String {
        "f1,f2,label\n" + (0..<rows).map { "\($0),\(Double($0) * 0.5),c\($0 % 3)\n" }.joined()
    }

    /// The text with line `line` (1-based) replaced.
    static func replacing(line: Int, with replacement: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    static let lateErrors: [(name: String, line: Int, replacement: String)] = [
        ("bad number", 3517, "5,x7,c1"),
        ("ragged", 3900, "5,6"),
        ("extra field", 2800, "5,6,c1,"),
        ("empty label", 3333, "5,6,"),
        ("inf", 1234, "inf,6,c1"),
        ("stray quote", 3001, "5,6\"x,c1"),
        ("text after closing quote", 3002, "\"5\"x,6,c1"),
        ("nul byte", 2999, "5,6\u{0},c1"),
        ("row too long and bad number", 2500, "5,x,c1,9"),
        ("bad number, then stray quote", 2501, "5,x,c\"1"),
        ("open quote at the end", 4001, "5,6,\"c1"),
        ("last row without newline is short", 4002, "7"),
    ]

    @Test(arguments: lateErrors)
    func lateErrorHasTheSameLocationAndMessage(name: String, line: Int, replacement: String) throws {
        let path = try write(ParallelLoadTests.replacing(line: line, with: replacement, in: ParallelLoadTests.largeText()))
        let reference = error { try onePass(path) }
        guard let reference, case .badData(let location, _) = reference else {
            Issue.record("\(name): one pass gave \(String(describing: reference))")
            return
        }
        #expect(location?.line == line, "\(name): \(reference)")
        for size in ParallelLoadTests.pieceSizes {
            #expect(error { try parallel(path, pieceSize: size) } == reference, "\(name), pieces of \(size) bytes")
        }
    }

    @Test func firstOfSeveralErrorsInDifferentPiecesWins() throws {
        var text = ParallelLoadTests.largeText()
        text = ParallelLoadTests.replacing(line: 3990, with: "1,2", in: text)
        text = ParallelLoadTests.replacing(line: 2100, with: "1,1e999,c0", in: text)
        text = ParallelLoadTests.replacing(line: 3000, with: "1,2,c0,4", in: text)
        let path = try write(text)
        let expected = CVKitError.badData(
            location: SourceLocation(file: path, line: 2100, column: 2), message: "column \"f2\": \"1e999\" is outside the range of a 32-bit float (about ±3.4e38)")
        #expect(error { try onePass(path) } == expected)
        for size in ParallelLoadTests.pieceSizes {
            #expect(error { try parallel(path, pieceSize: size) } == expected, "pieces of \(size) bytes")
        }
    }

    @Test func wholeFileErrorsAreTheSame() throws {
        let texts = [
            "", "\n\n", "f,label\n", "f,label\n" + (0..<50).map { "\($0),a\n" }.joined(),
            "f,id\n" + (0..<50).map { "\($0),r\($0)\n" }.joined(), "label\n" + (0..<50).map { "x\($0)\n" }.joined(),
        ]
        for text in texts {
            let path = try write(text)
            let reference = error { try onePass(path) }
            #expect(reference != nil, "\(text.prefix(20))")
            for size in ParallelLoadTests.pieceSizes {
                #expect(error { try parallel(path, pieceSize: size) } == reference, "\(text.prefix(20)), pieces of \(size) bytes")
            }
        }
    }

    @Test func utf16IsRefusedTheSameWay() throws {
        let path = try write([0xFF, 0xFE] + Array("a,b\n".utf16.flatMap { [UInt8($0), 0] }))
        let reference = error { try onePass(path) }
        #expect(reference?.description.contains("UTF-16") == true)
        #expect(error { try parallel(path, pieceSize: 7) } == reference)
    }

    // MARK: - Pieces

    @Test func piecesEndAtLineEndsAndCoverTheFile() throws {
        let text = "ab\nc\n\nlong line here\nx"
        let path = try write(text)
        let (descriptor, _) = try InputFile.open(path: path)
        defer { close(descriptor) }
        var pieces = LinePieces(descriptor: descriptor, path: path, pieceSize: 4)
        let piece = ByteBuffer()
        var all: [String] = []
        while try pieces.next(into: piece) { all.append(String(decoding: piece.bytes, as: UTF8.self)) }
        #expect(all.joined() == text)
        #expect(all.dropLast().allSatisfy { $0.hasSuffix("\n") })
        #expect(all.last == "x")
        #expect(LinePieces.countNewlines(UnsafeRawBufferPointer(start: nil, count: 0)) == 0)
        #expect(Array(text.utf8).withUnsafeBytes(LinePieces.countNewlines) == 4)
    }
}
