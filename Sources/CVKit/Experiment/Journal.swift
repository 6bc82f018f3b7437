import Foundation

/// The append-only record of finished tasks in a report folder (`journal.jsonl`), for `--resume`.
///
/// Line 1 is a header naming the settings (their hash and command line), the data's SHA-256 and
/// the task count; each further line is one `TaskResult` as JSON. Every line goes out in one
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
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CVKitError.cannotCreate(path: path, reason: String(cString: strerror(errno)).lowercased()) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw CVKitError.cannotCreate(
                path: folder, reason: "another cvkit run is writing this report folder; wait for it to finish, or use another --report-dir")
        }
        let journal = Journal(path: path, descriptor: descriptor)
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

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends one finished task (thread-safe).
    public func append(_ result: TaskResult) throws {
        let line = try encoder.encode(result)
        lock.lock()
        defer { lock.unlock() }
        try appendLine(line)
    }

    private func appendLine(_ json: Data) throws {
        var line = json
        line.append(0x0A)
        try line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
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
        var results: [Int: TaskResult] = [:]
        var validBytes = first.count + 1
        // A line is whole only with its newline: a run killed inside the final `write` can leave
        // valid JSON without one, and appending to it would glue two records together.
        let whole = data.last == 0x0A ? lines.count : lines.count - 1
        for line in lines.prefix(whole).dropFirst() {
            // A torn last line (killed mid-write) is ignored and cut off below.
            guard let result = try? decoder.decode(TaskResult.self, from: Data(line)), result.index < header.taskCount else { break }
            results[result.index] = result
            validBytes += line.count + 1
        }
        if validBytes < size, ftruncate(descriptor, off_t(validBytes)) != 0 {
            throw CVKitError.io(path: path, reason: String(cString: strerror(errno)))
        }
        return results.keys.sorted().compactMap { results[$0] }
    }
}
