import Foundation

/// Where report bytes go. `DiskSink` writes to the file system; tests inject a sink that fails
/// part-way (a full disk, a folder turned read-only) to check that no partial report is left.
public protocol FileSink: Sendable {
    /// Writes `data` to `path` (created or truncated) and flushes it to disk (fsync).
    func write(_ data: Data, to path: String) throws
    /// Writes the bytes `produce` hands to its `emit` argument, in order, to `path` (created or
    /// truncated) and flushes them to disk: a file too large to hold twice (the predictions of a
    /// million rows) is streamed. The default collects the bytes and calls `write(_:to:)`.
    func write(to path: String, streaming produce: ByteProducer) throws
    /// Renames `from` to `to` in one step (atomic within a file system).
    func rename(_ from: String, to: String) throws
    /// Removes `path`; a missing file is not an error.
    func remove(_ path: String)
}

/// Makes a file's bytes piece by piece, handing each piece to `emit`; an error thrown by `emit`
/// (a full disk) must be passed on.
public typealias ByteProducer = (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

extension FileSink {
    public func write(to path: String, streaming produce: ByteProducer) throws {
        var data = Data()
        try produce { data.append(contentsOf: $0) }
        try write(data, to: path)
    }
}

/// The file system, through POSIX calls: `open`, `write` (retried on EINTR and short writes),
/// `fsync`, `rename`, `unlink`. Errors carry the system's reason in lower case
/// ("no space left on device") and the path the user asked for.
public struct DiskSink: FileSink {
    public init() {}

    public func write(_ data: Data, to path: String) throws {
        try write(to: path) { emit in try data.withUnsafeBytes(emit) }
    }

    public func write(to path: String, streaming produce: ByteProducer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CVKitError.cannotCreate(path: path, reason: Self.reason(errno)) }
        var failure: Int32?
        do {
            try produce { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw CVKitError.io(path: path, reason: Self.reason(errno))
                    }
                    offset += written
                }
            }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        if fsync(descriptor) != 0 { failure = errno }
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
