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

    /// A fresh empty folder inside this test process's scratch folder, which is removed when the
    /// process exits (and, if the process was killed, by the next test process).
    static func temporaryFolder() throws -> String {
        let path = scratch + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `$TMPDIR/cvkit-tests-<pid>`: every temporary folder of this process, removed at exit.
    private static let scratch: String = {
        let path = NSTemporaryDirectory() + "cvkit-tests-\(getpid())"
        removeScratchOfDeadProcesses()
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "cvkit-tests-\(getpid())") }
        return path
    }()

    /// Scratch folders left by test processes that were killed (their pid no longer runs).
    private static func removeScratchOfDeadProcesses() {
        let folder = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard name.hasPrefix("cvkit-tests-"), let pid = Int32(name.dropFirst("cvkit-tests-".count)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + name)
        }
    }
}
