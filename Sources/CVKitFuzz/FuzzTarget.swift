#if FUZZING || DEBUG
@testable import CVKit  // CSVLoader.load(path:options:threads:pieceSize:) (scripts/fuzz adds -enable-testing)
#else
import CVKit
#endif
import Foundation

/// One fuzz input → one `CSVLoader.load(path:options:)`, the call every cvkit command makes.
///
/// Input layout: byte 0 chooses the `CSVOptions` (see `options(_:csv:)`), bytes 1… are the file.
/// The bytes are written to one temporary file per process (reused, truncated each time) and loaded
/// from there, so the real path is exercised: open/fstat/read in chunks, hashing, BOM check,
/// libcsv tokenizing, field parsing, class encoding. Two more loads must give exactly the same answer
/// (dataset, or error with its location and message):
/// - `CSVLoader.load(text:)` under the same name, when the file is valid UTF-8;
/// - the parallel loader on 2 threads, cut into pieces of a quarter of the file (at least 8 bytes;
///   `load(path:options:threads:pieceSize:)`, internal): fuzz inputs are far below the real 1 MiB
///   piece, so the public call always parses one piece, and only this reaches the cuts, the
///   per-piece line numbering, the first-error-wins rule and the fallback to one pass when a quoted
///   field spans a cut. (Not in a plain release build, which has no `@testable import`.)
/// - the same load with every line through libcsv (`CSVTokenizer.plainLinesAllowed` off), so the
///   plain-line path is checked against the parser of record on every input (same build condition).
///
/// Any `CVKitError.badData` or `.invalidArgument` is an expected answer. A trap is a finding:
/// a crash or sanitizer report inside the loader, a `Dataset` that breaks its invariants, an
/// I/O error on the harness's own file, an error of another type, or the loads disagreeing.
enum FuzzTarget {
    /// The per-process scratch file, removed at exit: in $CVKIT_FUZZ_TMP if set, else /dev/shm
    /// (tmpfs: on ext4, truncating and rewriting a file costs a writeback per run), else $TMPDIR or /tmp.
    static let path: String = {
        let environment = ProcessInfo.processInfo.environment
        let directory = [environment["CVKIT_FUZZ_TMP"], access("/dev/shm", W_OK) == 0 ? "/dev/shm" : nil, environment["TMPDIR"], "/tmp"]
            .lazy.compactMap { $0 }.first { !$0.isEmpty } ?? "/tmp"
        let path = "\(directory)/cvkit-fuzz-\(getpid()).csv"
        atexit { unlink(FuzzTarget.path) }
        return path
    }()

    /// Runs one input; returns 0 (libFuzzer's convention; other values are reserved).
    static func run(_ input: UnsafeRawBufferPointer) -> Int32 {
        let (options, body) = split(input)
        write(body, to: path)

        let fromFile = attempt("load(path:)") { try CSVLoader.load(path: path, options: options) }
        switch fromFile {
        case .success(let dataset): check(dataset, options: options, byteCount: body.count)
        case .failure(.badData), .failure(.invalidArgument): break
        case .failure(let error): fatalError("unexpected error kind for a readable regular file: \(error)")
        }

        // The in-memory loader must give the same dataset or the same error (same name, same location).
        if let text = String(validating: body.bindMemory(to: UInt8.self), as: UTF8.self) {
            compare(fromFile, attempt("load(text:)") { try CSVLoader.load(text: text, name: path, options: options) }, "load(text:)")
        }
        #if FUZZING || DEBUG
        // Pieces of about a quarter of the file (at least 8 bytes), two parsing threads.
        let pieceSize = max(8, body.count / 4)
        let pieces = attempt("parallel load") { try CSVLoader.load(path: path, options: options, threads: 2, pieceSize: pieceSize) }
        compare(fromFile, pieces, "parallel load in \(pieceSize)-byte pieces")
        // Every line through libcsv: the plain-line path (CSVTokenizer) must change nothing.
        let libcsvOnly = CSVTokenizer.$plainLinesAllowed.withValue(false) {
            attempt("libcsv only") { try CSVLoader.load(path: path, options: options) }
        }
        compare(fromFile, libcsvOnly, "every line through libcsv")
        #endif
        return 0
    }

    /// The dataset or the `CVKitError` that `load` gives; any other error is a finding.
    static func attempt(_ what: String, _ load: () throws -> Dataset) -> Result<Dataset, CVKitError> {
        do {
            return .success(try load())
        } catch let error as CVKitError {
            return .failure(error)
        } catch {
            fatalError("\(what) threw a non-CVKitError: \(error)")
        }
    }

    /// Traps unless `other` is exactly the answer of `load(path:)`.
    static func compare(_ fromFile: Result<Dataset, CVKitError>, _ other: Result<Dataset, CVKitError>, _ what: String) {
        switch (fromFile, other) {
        case (.success(let a), .success(let b)):
            if !same(a, b) { fatalError("load(path:) and \(what) read different datasets") }
        case (.failure(let a), .failure(let b)):
            if a != b { fatalError("load(path:) and \(what) disagree:\n  load(path:): \(a)\n  \(what): \(b)") }
        case (.success, .failure(let error)): fatalError("load(path:) succeeded but \(what) failed: \(error)")
        case (.failure(let error), .success): fatalError("\(what) succeeded but load(path:) failed: \(error)")
        }
    }

    /// The options chosen by byte 0, and the file's bytes (the rest).
    static func split(_ input: UnsafeRawBufferPointer) -> (CSVOptions, UnsafeRawBufferPointer) {
        let body = input.count > 1 ? UnsafeRawBufferPointer(rebasing: input[1...]) : UnsafeRawBufferPointer(start: nil, count: 0)
        return (options(input.first ?? 0, csv: body), body)
    }

    /// For the replayer: the options and what `load(path:)` answers (a summary or the error).
    static func describe(_ data: Data) -> String {
        data.withUnsafeBytes { input in
            let (options, body) = split(input)
            write(body, to: path)
            let shown = "label \(options.label), header \(options.hasHeader), groups \(options.groups.map(\.description) ?? "none"), "
                + "delimiter \"\(UnicodeScalar(options.delimiter))\""
            do {
                let d = try CSVLoader.load(path: path, options: options)
                return "\(shown) → \(d.rowCount) rows, \(d.featureCount) features, \(d.classCount) classes"
            } catch {
                return "\(shown) → \(error)"
            }
        }
    }

    /// The options chosen by the selector byte `s` (0 = the defaults, as `cvkit kfold DATA.csv`):
    /// - bits 0–1, the label: 0 the last column (default); 1 `--label N` as the CLI parses it
    ///   (`ColumnSelector(parsing: "N")`: a column named "N", else index N); 2 `--label NAME` with the
    ///   text of the file's first field, up to the first delimiter or line end (so it usually exists);
    ///   3 `.index(N)`. N is bits 2–4 (0…7).
    /// - bit 5: `--no-header`; bit 6: `--groups` = column N+1 (as the CLI parses it); bit 7: `;` delimiter,
    ///   with `--decimal ,` when N is odd. Column roles, missing markers and categories need no bit:
    ///   every load infers them.
    static func options(_ s: UInt8, csv: UnsafeRawBufferPointer) -> CSVOptions {
        let n = Int(s >> 2) & 7
        let delimiter: UInt8 = s & 0x80 != 0 ? 0x3B : 0x2C
        var options = CSVOptions(hasHeader: s & 0x20 == 0, delimiter: delimiter, decimal: delimiter == 0x3B && n % 2 == 1 ? 0x2C : 0x2E)
        switch s & 3 {
        case 1: options.label = ColumnSelector(parsing: String(n))
        case 2:
            let end = csv.firstIndex { $0 == delimiter || $0 == 0x0A || $0 == 0x0D } ?? csv.count
            options.label = ColumnSelector(parsing: String(decoding: csv[0..<end], as: UTF8.self))
        case 3: options.label = .index(n)
        default: break
        }
        if s & 0x40 != 0 { options.groups = ColumnSelector(parsing: String(n + 1)) }
        return options
    }

    /// The invariants every loaded `Dataset` keeps (CSVLoader's documented rules).
    static func check(_ d: Dataset, options: CSVOptions, byteCount: Int) {
        func require(_ condition: @autoclosure () -> Bool, _ what: String) {
            if !condition() { fatalError("Dataset invariant broken: \(what)") }
        }
        require(d.rowCount >= 1, "at least one row")
        require(d.featureCount >= 1, "at least one feature")
        require(d.classCount >= 2, "at least two classes")
        require(d.features.count == d.rowCount * d.featureCount, "features.count == rows × features")
        require(d.labels.allSatisfy { $0 >= 0 && Int($0) < d.classCount }, "labels in 0..<classCount")
        require(Set(d.labels).count == d.classCount, "every class occurs")
        require(Set(d.classNames).count == d.classCount, "class names unique")
        require(d.classNames.allSatisfy { !$0.isEmpty }, "class names non-empty")
        for (j, column) in d.featureColumns.enumerated() {
            for row in 0..<d.rowCount {
                let cell = d.features[row * d.featureCount + j]
                if cell.isNaN { require(cell.bitPattern == 0x7FC0_0000, "a NaN cell is the missing value"); continue }
                require(cell.isFinite, "cells finite or missing")
                if column.role == .categorical { require(cell >= 0 && Int(cell) < column.categories.count && cell == cell.rounded(), "category codes in range") }
            }
        }
        require(d.featureColumns.allSatisfy { $0.role == .numeric || $0.role == .categorical }, "features are numeric or categorical")
        require(d.identifierName == nil ? d.identifiers.isEmpty : d.identifiers.count == d.rowCount, "one identifier per row")
        require(Set(d.featureNames + [d.labelName] + (d.groupsName.map { [$0] } ?? [])).count
            == d.featureCount + 1 + (d.groupsName == nil ? 0 : 1), "column names unique")
        require(d.source.byteCount == byteCount, "source.byteCount == file size")
        require(d.source.sha256.utf8.count == 64, "sha256 is 64 hex digits")
        if options.groups == nil {
            require(d.groupsName == nil && d.groups.isEmpty && d.groupNames.isEmpty, "no groups without --groups")
        } else {
            require(d.groupsName != nil, "groups column named")
            require(d.groups.count == d.rowCount, "one group id per row")
            require(d.groups.allSatisfy { $0 >= 0 && Int($0) < d.groupNames.count }, "group ids in range")
        }
    }

    static func same(_ a: Dataset, _ b: Dataset) -> Bool {
        a.source == b.source && a.featureNames == b.featureNames && a.labelName == b.labelName
            && a.classNames == b.classNames && a.labels == b.labels && a.groupsName == b.groupsName
            && a.groupNames == b.groupNames && a.groups == b.groups && a.columns == b.columns && a.identifiers == b.identifiers
            && a.features.elementsEqual(b.features) { $0.bitPattern == $1.bitPattern }
    }

    /// Replaces the file's contents with `bytes` (plain POSIX: cheap, no Foundation buffering).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot create \(path): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                fatalError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        close(descriptor)
    }
}
