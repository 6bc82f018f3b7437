import Foundation

/// Creating a report folder, with a reason a user can act on when it fails.
public enum ReportFolder {
    /// Creates `path` and its missing parents (`mkdir -p`). Throws `cannotCreate` naming the
    /// component that is a file, or the system's reason (permission denied, read-only file system).
    public static func create(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            var status = stat()
            if stat(built, &status) == 0 {
                if (status.st_mode & S_IFMT) != S_IFDIR {
                    throw CVKitError.cannotCreate(path: path, reason: "\(built) is a file, not a folder; choose another --report-dir")
                }
                continue
            }
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw CVKitError.cannotCreate(path: path, reason: String(cString: strerror(errno)).lowercased())
            }
        }
    }
}
