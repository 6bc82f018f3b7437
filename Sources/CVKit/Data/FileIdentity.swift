import Foundation

/// What identifies a file's contents without reading them: device, inode, size and modification
/// time (nanoseconds). Taken before and after a load: if they differ, something wrote to the file
/// (or replaced it) while it was read, and the rows, the SHA-256 and the report could disagree.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    /// The identity of `path` now, or nil when it cannot be read (the load reports that itself).
    static func of(_ path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if os(Linux)
        let modified = status.st_mtim
        #else
        let modified = status.st_mtimespec
        #endif
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                            modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }
}
