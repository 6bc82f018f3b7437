import Foundation
import Testing
@testable import CVKit

/// Lines that skip libcsv (`RowDecoder.decodePlainRow`) give exactly what libcsv gives: the same
/// dataset, bit for bit, or the same first error with the same location and message — on the shipped
/// data sets, on the bad-input corpus, and on random files mixing plain lines with everything that
/// must go to libcsv (quotes, spaces, CRLF, blank lines, exponents, empty fields, new classes, rows
/// of the wrong width, text in a number column, several delimiters).
@Suite struct PlainLinesTests {
    func load(_ path: String, _ options: CSVOptions, plain: Bool, threads: Int = 1, pieceSize: Int = InputFile.chunkSize) -> Result<Dataset, CVKitError> {
        CSVTokenizer.$plainLinesAllowed.withValue(plain) {
            do {
                return .success(try CSVLoader.load(path: path, options: options, threads: threads, pieceSize: pieceSize))
            } catch let error as CVKitError {
                return .failure(error)
            } catch {
                return .failure(.io(path: path, reason: "\(error)"))
            }
        }
    }

    /// Whether both results agree; features compared by bit pattern.
    func same(_ a: Result<Dataset, CVKitError>, _ b: Result<Dataset, CVKitError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            return x.features.map(\.bitPattern) == y.features.map(\.bitPattern) && x.labels == y.labels && x.classNames == y.classNames
                && x.featureNames == y.featureNames && x.groups == y.groups && x.groupNames == y.groupNames && x.source == y.source
                && x.columns == y.columns && x.identifiers == y.identifiers
        case (.failure(let x), .failure(let y)):
            return "\(x)" == "\(y)"
        default:
            return false
        }
    }

    func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = try ProjectFiles.temporaryFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["iris", "wine", "breast_cancer", "digits"])
    func shippedDataSets(name: String) throws {
        let path = ProjectFiles.dataset(name)
        let libcsv = load(path, CSVOptions(), plain: false)
        guard case .success = libcsv else {
            Issue.record("\(name) does not load")
            return
        }
        #expect(same(libcsv, load(path, CSVOptions(), plain: true)))
        #expect(same(libcsv, load(path, CSVOptions(), plain: true, threads: 2, pieceSize: 4096)))
    }

    @Test func badInputCorpus() throws {
        let folder = ProjectFiles.root + "/Tests/CLITests/Fixtures/bad-input"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let path = folder + "/" + name
            #expect(same(load(path, CSVOptions(), plain: false), load(path, CSVOptions(), plain: true)), "\(name)")
        }
    }

    /// A field libcsv must see that still loads: quotes, spaces, exponents, signs, new classes.
    func benignField(_ random: inout RandomSource, column: Int, labelColumn: Int) -> String {
        if column == labelColumn { return ["\"a\"", " b", "class d", "é", "c "][Int(random.next() % 5)] }
        let value = String(Float(random.nextGaussian() * 3))
        return [" " + value, value + " ", "\"" + value + "\"", "1e-3", "+" + value, "-0", "1.", ".5"][Int(random.next() % 8)]
    }

    /// One random line's field: mostly plain decimals, sometimes anything libcsv must see.
    func field(_ random: inout RandomSource, column: Int, labelColumn: Int, delimiter: UInt8) -> String {
        if column == labelColumn {
            let labels = ["a", "b", "c", "class d", "\"a\"", "", " b", "é", "\"x,y\"", "a\"b"]
            return random.next() % 6 == 0 ? labels[Int(random.next() % UInt64(labels.count))] : ["a", "b", "c"][Int(random.next() % 3)]
        }
        let value = String(Float(random.nextGaussian() * 3))
        switch random.next() % 40 {
        case 0: return ""
        case 1: return " " + value
        case 2: return value + " "
        case 3: return "\"" + value + "\""
        case 4: return "1e-3"
        case 5: return "nan"
        case 6: return "12,5"
        case 7: return "x"
        case 8: return "\"1\n2\""
        case 9: return "+" + value
        case 10: return "0x1p3"
        case 11: return "\t" + value
        case 12: return "123456789012345678901"
        case 13: return "1" + String(UnicodeScalar(delimiter))
        default: return value
        }
    }

    /// Tables with texts: categories with more levels than the label cache holds, ids, missing
    /// markers, numbers and texts mixed in one column. Both paths, and pieces, agree.
    @Test func randomRealWorldTables() throws {
        var random = RandomSource(seed: 77)
        var loaded = 0
        for file in 0..<60 {
            let rows = 50 + Int(random.next() % 400)
            var text = "id,a,b,c,label\n"
            for row in 0..<rows {
                let a = random.next() % 10 == 0 ? ["", "NA", "null", "N/A"][Int(random.next() % 4)] : String(Float(random.nextGaussian()))
                let b = "level\(random.next() % UInt64(5 + file))"
                let c = random.next() % 3 == 0 ? "t\(random.next() % 4)" : (file % 2 == 0 ? String(random.next() % 9) : "")
                text += "r\(row)_\(random.next() % 1000),\(a),\(b),\(c),\(["x", "y"][Int(random.next() % 2)])\n"
            }
            let path = try write(Array(text.utf8), name: "table\(file).csv")
            let libcsv = load(path, CSVOptions(), plain: false)
            if case .success = libcsv { loaded += 1 }
            #expect(same(libcsv, load(path, CSVOptions(), plain: true)), "file \(file)")
            #expect(same(libcsv, load(path, CSVOptions(), plain: true, threads: 2, pieceSize: 512)), "file \(file), pieces")
        }
        #expect(loaded > 20)
    }

    @Test func randomMixedFiles() throws {
        var random = RandomSource(seed: 2024)
        var disagreements: [String] = []
        var loaded = 0, refused = 0
        for file in 0..<300 {
            let delimiter: UInt8 = [0x2C, 0x2C, 0x2C, 0x3B, 0x09, 0x7C][file % 6]
            let width = 2 + Int(random.next() % 6)
            let labelColumn = width - 1
            let d = String(UnicodeScalar(delimiter))
            var text = (0..<width).map { $0 == labelColumn ? "label" : "f\($0)" }.joined(separator: d) + "\n"
            let rows = 1 + Int(random.next() % 40)
            // Files of clean rows apart from the rare odd field, so that many reach the end and
            // compare as datasets; every fourth file has more trouble.
            let trouble = file % 4 == 0
            for _ in 0..<rows {
                var count = width
                if trouble && random.next() % 15 == 0 { count += random.next() % 2 == 0 ? 1 : -1 }
                var line = (0..<max(count, 0)).map { column -> String in
                    if trouble { return field(&random, column: column, labelColumn: labelColumn, delimiter: delimiter) }
                    if random.next() % 10 == 0 { return benignField(&random, column: column, labelColumn: labelColumn) }
                    return column == labelColumn ? ["a", "b", "c"][Int(random.next() % 3)] : String(Float(random.nextGaussian()))
                }.joined(separator: d)
                if trouble && random.next() % 20 == 0 { line += "\r" }
                text += line + "\n"
                if random.next() % 25 == 0 { text += trouble ? "\n" : "\r\n" }
            }
            if file % 7 == 0 { text.removeLast() }  // no final LF
            let path = try write(Array(text.utf8), name: "plain-\(file).csv")
            let options = CSVOptions(delimiter: delimiter)
            let libcsv = load(path, options, plain: false)
            if case .success = libcsv { loaded += 1 } else { refused += 1 }
            if !same(libcsv, load(path, options, plain: true)) || !same(libcsv, load(path, options, plain: true, threads: 2, pieceSize: 64)) {
                disagreements.append("file \(file): \(text.prefix(300))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        // Both answers are well represented, so both are compared.
        #expect(loaded >= 60 && refused >= 60, "loaded \(loaded), refused \(refused)")
    }

    /// The same comparison with the label first or in the middle, a group-id column, and no header
    /// (then the first row is data and fixes the width): the plain path must find the label and the
    /// groups where the layout says, and decline the first row.
    @Test func labelAndGroupColumnsAnywhereWithAndWithoutHeader() throws {
        var random = RandomSource(seed: 77)
        var disagreements: [String] = []
        var loaded = 0
        for file in 0..<120 {
            let width = 4 + Int(random.next() % 4)
            let labelColumn = Int(random.next() % UInt64(width))
            var groupColumn = Int(random.next() % UInt64(width))
            if groupColumn == labelColumn { groupColumn = (groupColumn + 1) % width }
            let useGroups = file % 2 == 0, hasHeader = file % 3 != 0
            var options = CSVOptions(hasHeader: hasHeader, label: hasHeader ? .name("label") : .index(labelColumn))
            if useGroups { options.groups = hasHeader ? .name("g") : .name("c\(groupColumn)") }
            var text = hasHeader
                ? (0..<width).map { $0 == labelColumn ? "label" : (useGroups && $0 == groupColumn ? "g" : "f\($0)") }.joined(separator: ",") + "\n" : ""
            for row in 0..<(5 + Int(random.next() % 60)) {
                let line = (0..<width).map { column -> String in
                    if column == labelColumn { return ["a", "b", "c", "d"][Int(random.next() % 4)] }
                    if useGroups && column == groupColumn { return "g\(random.next() % 30)" }  // more than the 16 cached
                    if row % 17 == 3 && column == 0 { return "2.5e1" }
                    return String(Float(random.nextGaussian()))
                }.joined(separator: ",")
                text += line + "\n"
            }
            let path = try write(Array(text.utf8), name: "plain-layout-\(file).csv")
            let libcsv = load(path, options, plain: false)
            if case .success = libcsv { loaded += 1 }
            if !same(libcsv, load(path, options, plain: true)) || !same(libcsv, load(path, options, plain: true, threads: 2, pieceSize: 50)) {
                disagreements.append("file \(file): \(text.prefix(200))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        #expect(loaded >= 100, "only \(loaded) of 120 files loaded: the comparison would be mostly of errors")
    }

    /// The plain path is really taken: on digits every data row after the first 64 (which choose the
    /// columns' storage, `RowDecoder.encodingRows`; every class appears among them, teaching the label
    /// cache) skips libcsv; switched off, none does.
    @Test func plainPathTakesAlmostEveryRowOfANumericFile() throws {
        let path = ProjectFiles.dataset("digits")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for allowed in [true, false] {
            let decoder = RowDecoder(file: path, options: CSVOptions())
            let tokenizer = try CSVTokenizer.$plainLinesAllowed.withValue(allowed) {
                try CSVTokenizer(file: path, delimiter: 0x2C, decoder: decoder)
            }
            try bytes.withUnsafeBytes { try tokenizer.feed($0) }
            try tokenizer.finish()
            #expect(decoder.rowCount == 1797)
            #expect(decoder.plainRowCount == (allowed ? 1797 - RowDecoder.encodingRows : 0))
        }
    }
}
