import Foundation

/// Paths inside the project, found from this source file, so tests run from any working directory
/// and read nothing outside the clone.
enum ProjectFiles {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func dataset(_ name: String) -> String { root + "/datasets/\(name).csv" }

    /// A fresh empty folder under the system's temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cvkit-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
