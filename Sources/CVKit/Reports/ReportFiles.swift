import Foundation

/// A set of files written whole or not at all, and never mixed with an earlier run's: every file
/// goes to a temporary name first; only when all of them are on disk is the previous set removed
/// and the new one renamed into place, `report.md` (or the set's first Markdown file) last — so a
/// run killed between two renames leaves part of the new set and nothing of the old, never a new
/// `report.md` beside an old `results.json`. If any write fails, the temporaries are removed and
/// the previous set stays; if a rename fails (rare: the folder vanished), the files already renamed
/// are removed too. Temporaries that killed runs left behind (`.<name>.tmp-<pid>` of a process
/// that no longer exists) are removed first. A destination that is a symbolic link is refused:
/// cvkit never writes through one.
public struct ReportFiles {
    /// The files in the order they were added: bytes in memory, or made while written.
    public private(set) var files: [(path: String, content: Content)]

    public enum Content {
        case data(Data)
        /// Streamed to the file (`FileSink.write(to:streaming:)`): never held whole in memory.
        case streamed(ByteProducer)
    }

    public init(_ files: [(path: String, data: Data)] = []) { self.files = files.map { ($0.path, .data($0.data)) } }

    public mutating func add(_ data: Data, to path: String) { files.append((path, .data(data))) }
    public mutating func add(_ text: String, to path: String) { files.append((path, .data(Data(text.utf8)))) }
    public mutating func add(streaming produce: @escaping ByteProducer, to path: String) { files.append((path, .streamed(produce))) }

    public func write(sink: FileSink = DiskSink()) throws {
        for folder in Set(files.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path }) { Self.removeStaleTemporaries(in: folder, sink: sink) }
        for file in files where Self.isSymbolicLink(file.path) {
            throw CVKitError.cannotCreate(path: file.path, reason: "is a symbolic link; cvkit never writes a report through one: remove the link")
        }
        // The Markdown report goes in last: its presence says the set is complete.
        let ordered = files.filter { !$0.path.hasSuffix(".md") } + files.filter { $0.path.hasSuffix(".md") }
        var temporaries: [String] = []
        do {
            for file in ordered {
                let temporary = AtomicFile.temporaryPath(for: file.path)
                temporaries.append(temporary)
                switch file.content {
                case .data(let data): try sink.write(data, to: temporary)
                case .streamed(let produce): try sink.write(to: temporary, streaming: produce)
                }
            }
        } catch {
            for temporary in temporaries { sink.remove(temporary) }
            throw Self.naming(error, files: ordered, temporaries: temporaries)
        }
        for file in ordered { sink.remove(file.path) }
        var renamed: [String] = []
        do {
            for (file, temporary) in zip(ordered, temporaries) {
                try sink.rename(temporary, to: file.path)
                renamed.append(file.path)
            }
        } catch {
            for path in renamed { sink.remove(path) }
            for temporary in temporaries { sink.remove(temporary) }
            throw error
        }
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// Removes `.<name>.tmp-<pid>` files in `folder` whose process is gone.
    static func removeStaleTemporaries(in folder: String, sink: FileSink) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let range = name.range(of: ".tmp-", options: .backwards), let pid = Int32(name[range.upperBound...]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { sink.remove(folder + "/" + name) }
        }
    }

    /// Errors about a temporary name are reported with the file the user asked for.
    static func naming(_ error: Error, files: [(path: String, content: Content)], temporaries: [String]) -> Error {
        guard let error = error as? CVKitError else { return error }
        let target = { (path: String) in temporaries.firstIndex(of: path).map { files[$0].path } ?? path }
        switch error {
        case let .io(path, reason): return CVKitError.io(path: target(path), reason: reason)
        case let .cannotCreate(path, reason): return CVKitError.cannotCreate(path: target(path), reason: reason)
        default: return error
        }
    }
}
