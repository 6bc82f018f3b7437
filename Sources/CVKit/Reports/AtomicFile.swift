import Foundation

/// Writes a file whole or not at all: a temporary file in the same folder, flushed to disk with
/// fsync, then renamed over the target (rename is atomic within a file system). A reader never
/// sees half a file, and a failure leaves the old file (or none) in place.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CVKitError.cannotCreate(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        var failure: Int32?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
            if fsync(descriptor) != 0 { failure = errno }
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw CVKitError.io(path: path, reason: String(cString: strerror(failure)).lowercased())
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw CVKitError.cannotCreate(path: path, reason: String(cString: strerror(code)).lowercased())
        }
    }
}
