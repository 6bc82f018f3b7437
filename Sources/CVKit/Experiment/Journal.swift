import Foundation

/// The append-only record of finished tasks in a report folder (`journal.jsonl`), for `--resume`.
///
/// Line 1 is a header naming the settings (their hash and command line), the data's SHA-256 and
/// the task count; each further line is one `TaskResult`: its `RecordSeal` digest (64 hex digits),
/// a space, and its canonical JSON. On `--resume`, a line that fails its digest (altered), that is
/// not a record (garbage, torn), or a second record of a task is reported (`problems`) and its task
/// runs again; the journal is rewritten without them. Every line goes out in one
/// `write` followed by `fsync`, so a run killed at any moment (SIGINT, SIGKILL, power) leaves
/// whole lines plus at most one torn last line, which resuming ignores. A run holds an exclusive
/// `flock` on the journal: a second run into the same folder refuses instead of interleaving.
public final class Journal: @unchecked Sendable {
    public struct Header: Codable, Equatable, Sendable {
        public var cvkitVersion: String
        public var settingsHash: String
        public var commandLine: String
        public var dataSHA256: String
        public var taskCount: Int

        public init(cvkitVersion: String, settingsHash: String, commandLine: String, dataSHA256: String, taskCount: Int) {
            self.cvkitVersion = cvkitVersion
            self.settingsHash = settingsHash
            self.commandLine = commandLine
            self.dataSHA256 = dataSHA256
            self.taskCount = taskCount
        }
    }

    public let path: String
    /// What `--resume` found wrong and set aside, one sentence each naming the line and the task
    /// (altered, garbage or duplicate records); those tasks run again. Empty for a clean journal.
    public private(set) var problems: [String] = []
    private let header: Header
    private let descriptor: Int32
    private let lock = NSLock()
    private let encoder = Journal.encoder()

    /// JSON has no NaN or infinity; a diverged run can produce them, and the journal must still
    /// record it (and read it back exactly).
    static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// Opens (creating) the journal in `folder`. Without `resume` it starts empty; with it, the
    /// finished results are returned, after checking the header matches.
    public static func open(folder: String, header: Header, resume: Bool) throws -> (Journal, [TaskResult]) {
        let path = folder + "/journal.jsonl"
        // Never through a symbolic link: a link planted in a report folder must not make cvkit overwrite its target.
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                throw CVKitError.cannotCreate(path: path, reason: "is a symbolic link; cvkit never writes a journal through one: remove the link")
            }
            throw CVKitError.cannotCreate(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw CVKitError.cannotCreate(
                path: folder, reason: "another cvkit run is writing this report folder; wait for it to finish, or use another --report-dir")
        }
        let journal = Journal(path: path, descriptor: descriptor, header: header)
        var finished: [TaskResult] = []
        if resume {
            finished = try journal.readExisting(expecting: header)
        }
        if !resume || finished.isEmpty && (try? journal.fileSize()) ?? 0 == 0 {
            guard ftruncate(descriptor, 0) == 0 else { throw CVKitError.io(path: path, reason: String(cString: strerror(errno))) }
            try journal.appendLine(journal.encoder.encode(header))
        }
        lseek(descriptor, 0, SEEK_END)
        return (journal, finished)
    }

    private init(path: String, descriptor: Int32, header: Header) {
        self.path = path
        self.descriptor = descriptor
        self.header = header
    }

    deinit { close(descriptor) }

    /// Appends one finished task (thread-safe).
    public func append(_ result: TaskResult) throws {
        // Encoded under the lock too: tasks of equal size finish together, and two records of a
        // million-row run encoded at once (13 MB of text and base64 each) were a run's peak memory.
        lock.lock()
        defer { lock.unlock() }
        var line = try Self.sealedLine(result, header: header)
        line.append(0x0A)
        try writeAndSync(line)
    }

    /// One journal line (without its newline): digest, space, canonical JSON. Made with room for
    /// the newline, so a large record (a million rows' predictions) is copied once, not three times.
    static func sealedLine(_ result: TaskResult, header: Header) throws -> Data {
        let (json, digest) = try RecordSeal.seal(result, header: header)
        var line = Data(capacity: 65 + json.count + 1)
        line.append(contentsOf: (digest + " ").utf8)
        line.append(json)
        return line
    }

    /// The record of a journal line, or why it is not a valid one.
    static func record(_ line: Data, header: Header, decoder: JSONDecoder) -> (result: TaskResult?, problem: String?) {
        guard line.count > 65, line[line.startIndex + 64] == 0x20, let digest = String(data: line.prefix(64), encoding: .ascii),
              digest.allSatisfy(\.isHexDigit) else { return (nil, "not a sealed record (garbage, or torn by a kill)") }
        let json = line.dropFirst(65)
        guard let result = try? decoder.decode(TaskResult.self, from: Data(json)) else { return (nil, "not a task result (garbage)") }
        guard RecordSeal.digest(Data(json), header: header) == digest else {
            return (nil, "task \(result.index): fails its digest — the record was altered after it was written (or belongs to another run)")
        }
        guard result.index >= 0, result.index < header.taskCount else { return (nil, "task \(result.index): not a task of this run") }
        return (result, nil)
    }

    private func appendLine(_ json: Data) throws {
        var line = json
        line.append(0x0A)
        try writeAndSync(line)
    }

    /// Writes `bytes` at the current offset (retrying short writes and EINTR), then fsync.
    private func writeAndSync(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CVKitError.io(path: path, reason: String(cString: strerror(errno)).lowercased())
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw CVKitError.io(path: path, reason: String(cString: strerror(errno)).lowercased()) }
    }

    private func fileSize() throws -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CVKitError.io(path: path, reason: String(cString: strerror(errno))) }
        return Int(status.st_size)
    }

    private func readExisting(expecting header: Header) throws -> [TaskResult] {
        let size = try fileSize()
        guard size > 0 else { return [] }
        var data = Data(count: size)
        let count = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, size, 0) }
        guard count == size else { throw CVKitError.io(path: path, reason: "could not read the journal") }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = Journal.decoder()
        guard let first = lines.first, let found = try? decoder.decode(Header.self, from: Data(first)) else {
            throw CVKitError.badData(location: nil, message: "\(path): not a cvkit journal; delete it or run without --resume")
        }
        guard found == header else {
            let why = found.dataSHA256 != header.dataSHA256 ? "the data file has changed since" : "it was written by other settings or another cvkit version"
            throw CVKitError.badData(location: nil, message: "\(path): cannot resume: \(why); run without --resume to start over")
        }
        var results: [Int: TaskResult] = [:], lineOf: [Int: Int] = [:], duplicated: Set<Int> = []
        // A line is whole only with its newline: a run killed inside the final `write` can leave
        // valid JSON without one, and appending to it would glue two records together.
        let whole = data.last == 0x0A ? lines.count : lines.count - 1
        for (offset, line) in lines.prefix(whole).dropFirst().enumerated() {
            let number = offset + 2
            let (result, problem) = Self.record(Data(line), header: header, decoder: decoder)
            if let problem { problems.append("\(path):\(number): \(problem); it runs again"); continue }
            guard let result else { continue }
            if let first = lineOf[result.index] {
                duplicated.insert(result.index)
                problems.append("\(path):\(number): task \(result.index) is recorded twice (lines \(first) and \(number)); both are set aside and it runs again")
                continue
            }
            results[result.index] = result
            lineOf[result.index] = number
        }
        if whole < lines.count { problems.append("\(path):\(lines.count): a torn last line (a run killed while writing it); its task runs again") }
        for index in duplicated { results[index] = nil }
        // Rewrite without what was set aside, so the journal holds only valid records.
        if !problems.isEmpty {
            var kept = Data(first) + Data([0x0A])
            for index in results.keys.sorted() { if let result = results[index] { kept += try Self.sealedLine(result, header: header) + Data([0x0A]) } }
            guard ftruncate(descriptor, 0) == 0 else { throw CVKitError.io(path: path, reason: String(cString: strerror(errno))) }
            lseek(descriptor, 0, SEEK_SET)
            try writeAndSync(kept)
        }
        return results.keys.sorted().compactMap { results[$0] }
    }
}
