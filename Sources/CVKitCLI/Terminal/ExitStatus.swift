import ArgumentParser
import CVKit
import Foundation

/// The exit statuses of sysexits.h that cvkit uses, and the mapping from library errors.
enum ExitStatus {
    static let checkFailed: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74

    static func code(for error: CVKitError) -> Int32 {
        switch error.kind {
        case .badData: dataError
        case .unreadableInput: noInput
        case .invalidArgument: usage
        case .io: ioError
        case .cannotCreate: cannotCreate
        }
    }
}

/// Runs a command body, printing a library error on stderr as `cvkit: <sentence>` and exiting with
/// its status. Argument errors keep ArgumentParser's own handling (usage text, exit 64).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CVKitError {
        Standard.error("cvkit: \(error)")
        throw ExitCode(ExitStatus.code(for: error))
    }
}

enum Standard {
    /// Writes a line to stderr.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A progress line on stderr: on a terminal redrawn in place and cut to its width (call
    /// `endStatus` when done), elsewhere one plain line each.
    static func status(_ line: String) {
        guard isatty(STDERR_FILENO) == 1 else { return error(line) }
        TerminalWidth.redraw(line, width: TerminalWidth.current(fileDescriptor: STDERR_FILENO))
    }

    /// Erases the in-place progress line of `status` (nothing when stderr is not a terminal).
    static func endStatus() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
