import Foundation

/// A set of files written whole or not at all, as a set: every file goes to a temporary name
/// first; only when all of them are on disk are they renamed into place. If any write fails, the
/// temporaries are removed and nothing of the set appears; if a rename fails (rare: the folder
/// vanished), the files already renamed are removed too. So a report folder holds a complete
/// report or none — never `report.md` without its `results.json`.
public struct ReportFiles {
    public private(set) var files: [(path: String, data: Data)]

    public init(_ files: [(path: String, data: Data)] = []) { self.files = files }

    public mutating func add(_ data: Data, to path: String) { files.append((path, data)) }
    public mutating func add(_ text: String, to path: String) { files.append((path, Data(text.utf8))) }

    public func write(sink: FileSink = DiskSink()) throws {
        var temporaries: [String] = []
        do {
            for file in files {
                let temporary = AtomicFile.temporaryPath(for: file.path)
                temporaries.append(temporary)
                try sink.write(file.data, to: temporary)
            }
        } catch {
            for temporary in temporaries { sink.remove(temporary) }
            throw Self.naming(error, files: files, temporaries: temporaries)
        }
        var renamed: [String] = []
        do {
            for (file, temporary) in zip(files, temporaries) {
                try sink.rename(temporary, to: file.path)
                renamed.append(file.path)
            }
        } catch {
            for path in renamed { sink.remove(path) }
            for temporary in temporaries { sink.remove(temporary) }
            throw error
        }
    }

    /// Errors about a temporary name are reported with the file the user asked for.
    static func naming(_ error: Error, files: [(path: String, data: Data)], temporaries: [String]) -> Error {
        guard let error = error as? CVKitError else { return error }
        let target = { (path: String) in temporaries.firstIndex(of: path).map { files[$0].path } ?? path }
        switch error {
        case let .io(path, reason): return CVKitError.io(path: target(path), reason: reason)
        case let .cannotCreate(path, reason): return CVKitError.cannotCreate(path: target(path), reason: reason)
        default: return error
        }
    }
}
