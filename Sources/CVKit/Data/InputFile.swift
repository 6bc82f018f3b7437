import Foundation

/// Reads a file with plain POSIX calls: whole in fixed-size chunks, hashing it on the way, or piece by
/// piece through `open` and `read(_:into:count:path:)`.
///
/// Failures are sorted for the exit status: a file that cannot be opened (missing, a directory, no
/// permission) is `unreadableInput`; a read that fails part-way is `io`.
enum InputFile {
    /// Chunk size: 1 MiB, large enough that system calls cost nothing, small enough to stay in cache.
    static let chunkSize = 1 << 20

    /// Calls `body` with each chunk in order and the file's size as `fstat` gave it when opened (a hint
    /// for reserving memory); returns the file's SHA-256 and the number of bytes read.
    static func read(path: String, _ body: (UnsafeRawBufferPointer, _ sizeHint: Int) throws -> Void) throws -> Dataset.Source {
        let (descriptor, size) = try open(path: path)
        defer { close(descriptor) }
        // The hash of each chunk is computed on another thread while the chunk is parsed here.
        let hasher = HashBox()
        let hashing = DispatchGroup()
        var total = 0
        // A small file gets a buffer its size (plus room to see the end), not a whole chunk: loads of
        // tiny inputs — the fuzzer's, under the sanitizers — stay cheap.
        let capacity = size > 0 ? max(4096, min(chunkSize, size + 1)) : chunkSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        while let base = buffer.baseAddress {
            let count = try read(descriptor, into: base, count: capacity, path: path)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let shared = SendableBytes(chunk)
            DispatchQueue.global().async(group: hashing) { hasher.value.update(shared.bytes) }
            total += count
            defer { hashing.wait() }
            try body(chunk, size)
        }
        return Dataset.Source(path: path, sha256: hasher.value.finalizeHex(), byteCount: total)
    }

    /// The whole of standard input (`path` is `-`) or of a pipe, FIFO or character device; nil for a
    /// regular file, which is read in chunks (and checked for changes) instead.
    static func stream(path: String) throws -> [UInt8]? {
        var descriptor: Int32 = 0
        if path != "-" {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }  // `open` reports the reason
            let type = status.st_mode & S_IFMT
            guard type == S_IFIFO || type == S_IFCHR || type == S_IFSOCK else { return nil }
            descriptor = Foundation.open(path, O_RDONLY)
            guard descriptor >= 0 else { throw CVKitError.unreadableInput(path: path, reason: reason(errno)) }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        while let base = buffer.baseAddress {
            let count = try read(descriptor, into: base, count: chunkSize, path: path == "-" ? "standard input" : path)
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return bytes
    }

    /// Opens `path` for reading: the descriptor (the caller closes it) and the file's size.
    static func open(path: String) throws -> (descriptor: Int32, size: Int) {
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CVKitError.unreadableInput(path: path, reason: reason(errno))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw CVKitError.unreadableInput(path: path, reason: reason(code))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CVKitError.unreadableInput(path: path, reason: "it is a directory; give the path of a CSV file")
        }
        return (descriptor, Int(status.st_size))
    }

    /// Reads up to `count` bytes into `buffer`; returns how many, 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, path: String) throws -> Int {
        while true {
            let read = Foundation.read(descriptor, buffer, count)
            if read >= 0 { return read }
            let code = errno
            if code == EINTR { continue }
            if code == EISDIR { throw CVKitError.unreadableInput(path: path, reason: reason(code)) }
            throw CVKitError.io(path: path, reason: reason(code))
        }
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
