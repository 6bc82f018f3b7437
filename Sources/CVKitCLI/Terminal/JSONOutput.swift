import CVKit
import Foundation

enum JSONOutput {
    /// Prints `value` as the one JSON object on stdout, in the reports' format (`ReportJSON`).
    static func print<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try ReportJSON.encode(value))
    }
}
