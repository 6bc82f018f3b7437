import Foundation
import Testing
@testable import CVKit

@Suite struct FileChangeTests {
    /// A writer appends whole rows while the loader reads: the load is refused, never a dataset
    /// whose rows, SHA-256 and size disagree.
    @Test(arguments: [1, 2]) func aFileWrittenWhileReadIsRefused(threads: Int) throws {
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/growing.csv"
        var text = "a,b,label\n"
        for row in 0..<150_000 { text += "\(row % 97).25,\(row % 13).5,\(row % 3)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let writing = ManagedFlag()
        let appender = Thread {
            let descriptor = open(path, O_WRONLY | O_APPEND)
            defer { close(descriptor) }
            let line = Array("1.5,2.5,1\n".utf8)
            while !writing.stopped {
                _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                writing.appended = true
                usleep(200)
            }
        }
        appender.start()
        while !writing.appended { usleep(100) }
        defer { writing.stopped = true }
        #expect {
            try CSVLoader.load(path: path, options: CSVOptions(), threads: threads, pieceSize: ParallelCSVLoad.pieceSize)
        } throws: { error in
            "\(error)".contains("the file changed while it was read")
        }
    }

    @Test func identityFollowsContentChanges() throws {
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/a.csv"
        try Data("a,label\n1,x\n2,y\n".utf8).write(to: URL(fileURLWithPath: path))
        let first = try #require(FileIdentity.of(path))
        #expect(FileIdentity.of(path) == first && first.size == 16)
        try Data("a,label\n1,x\n2,y\n3,x\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileIdentity.of(path) != first)
        #expect(FileIdentity.of(folder + "/none.csv") == nil)
        // An unchanged file loads as always.
        #expect(try CSVLoader.load(path: path).rowCount == 3)
    }
}

/// A flag shared with the appender thread.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var _stopped = false, _appended = false
    var stopped: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _stopped }
        set { lock.lock(); _stopped = newValue; lock.unlock() }
    }
    var appended: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _appended }
        set { lock.lock(); _appended = newValue; lock.unlock() }
    }
}
