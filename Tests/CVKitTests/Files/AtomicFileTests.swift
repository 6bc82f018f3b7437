import Foundation
import Testing
@testable import CVKit

@Suite struct AtomicFileTests {
    @Test func writesWholeFileAndLeavesNoTemporary() throws {
        let folder = try ProjectFiles.temporaryFolder()
        let path = folder + "/out.csv"
        try AtomicFile.write(Data("first\n".utf8), to: path)
        try AtomicFile.write(Data("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test func missingFolderIsCannotCreate() {
        #expect { try AtomicFile.write(Data("x".utf8), to: "/no/such/folder/out.csv") } throws: {
            ($0 as? CVKitError)?.kind == .cannotCreate
        }
    }

    @Test func reportFolderNamesTheFileInTheWay() throws {
        let folder = try ProjectFiles.temporaryFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/file"))
        #expect { try ReportFolder.create(folder + "/file/report") } throws: {
            ($0 as? CVKitError)?.kind == .cannotCreate && ($0 as? CVKitError)?.description.contains("is a file, not a folder") == true
        }
        try ReportFolder.create(folder + "/a/b/c")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder + "/a/b/c", isDirectory: &isDirectory) && isDirectory.boolValue)
        try ReportFolder.create(folder + "/a/b/c")
    }
}
