import CVKit
import Foundation

/// A file the command will write at its end, checked at its start: a model trained for minutes
/// must not fail to be saved for a folder that was never there.
enum OutputPath {
    /// Throws `cannotCreate` (exit 73) when `path`'s folder does not exist or cannot be written to,
    /// or `path` is a folder.
    static func checkCreatable(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CVKitError.cannotCreate(path: path, reason: "there is no folder \(folder) to write it in")
        }
        guard access(folder, W_OK) == 0 else { throw CVKitError.cannotCreate(path: path, reason: "the folder \(folder) cannot be written to") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CVKitError.cannotCreate(path: path, reason: "is a folder")
        }
    }
}
