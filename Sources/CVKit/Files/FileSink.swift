import Foundation

/// Where report bytes go. `DiskSink` writes to the file system; tests inject a sink that fails
/// part-way (a full disk, a folder turned read-only) to check that no partial report is left.
public protocol FileSink: Sendable {
    /// Writes `data` to `path` (created or truncated) and flushes it to disk (fsync).
    func write(_ data: Data, to path: String) throws
    /// Renames `from` to `to` in one step (atomic within a file system).
    func rename(_ from: String, to: String) throws
    /// Removes `path`; a missing file is not an error.
    func remove(_ path: String)
}

/// The file system, through POSIX calls: `open`, `write` (retried on EINTR and short writes),
/// `fsync`, `rename`, `unlink`. Errors carry the system's reason in lower case
/// ("no space left on device") and the path the user asked for.
public struct DiskSink: FileSink {
    public init() {}

    public func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CVKitError.cannotCreate(path: path, reason: Self.reason(errno)) }
        var failure: Int32?
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw CVKitError.io(path: path, reason: Self.reason(failure))
        }
    }

    public func rename(_ from: String, to: String) throws {
        if Foundation.rename(from, to) != 0 { throw CVKitError.cannotCreate(path: to, reason: Self.reason(errno)) }
    }

    public func remove(_ path: String) { unlink(path) }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
