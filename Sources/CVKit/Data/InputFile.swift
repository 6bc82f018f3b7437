import Foundation

/// Reads a file in fixed-size chunks with plain POSIX calls, hashing it on the way.
///
/// Memory stays at one chunk whatever the file's size. Failures are sorted for the exit status: a
/// file that cannot be opened (missing, a directory, no permission) is `unreadableInput`; a read
/// that fails part-way is `io`.
enum InputFile {
    /// Chunk size: 1 MiB, large enough that system calls cost nothing, small enough to stay in cache.
    static let chunkSize = 1 << 20

    /// Calls `body` with each chunk in order; returns the file's SHA-256 and size.
    static func read(path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Dataset.Source {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CVKitError.unreadableInput(path: path, reason: reason(errno))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CVKitError.unreadableInput(path: path, reason: reason(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw CVKitError.unreadableInput(path: path, reason: "it is a directory; give the path of a CSV file")
        }
        // The hash of each chunk is computed on another thread while the chunk is parsed here.
        let hasher = HashBox()
        let hashing = DispatchGroup()
        var total = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                if code == EISDIR { throw CVKitError.unreadableInput(path: path, reason: reason(code)) }
                throw CVKitError.io(path: path, reason: reason(code))
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let shared = SendableBytes(chunk)
            DispatchQueue.global().async(group: hashing) { hasher.value.update(shared.bytes) }
            total += count
            defer { hashing.wait() }
            try body(chunk)
        }
        return Dataset.Source(path: path, sha256: hasher.value.finalizeHex(), byteCount: total)
    }

    /// The hasher, updated by one thread at a time (the reader waits for each chunk's hash).
    private final class HashBox: @unchecked Sendable { var value = SHA256() }

    /// A chunk handed to the hashing thread; valid until the reader waits for it.
    private struct SendableBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "it is a directory; give the path of a CSV file"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
