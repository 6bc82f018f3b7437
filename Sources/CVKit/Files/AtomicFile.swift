import Foundation

/// Writes a file whole or not at all: a temporary file in the same folder, flushed to disk with
/// fsync, then renamed over the target (rename is atomic within a file system). A reader never
/// sees half a file, and a failure leaves the old file (or none) in place.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, sink: FileSink = DiskSink()) throws {
        try ReportFiles([(path, data)]).write(sink: sink)
    }

    /// `folder/.name.tmp-<pid>`: hidden, in the target's folder (so the rename stays on one file
    /// system), unique per process.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    }
}
