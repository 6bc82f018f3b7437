import ArgumentParser
import Foundation

/// How a run is executed and shown; none of these change its results.
struct RunOptions: ParsableArguments {
    @Option(help: "Seed for every random choice (folds, initial weights, batch order).")
    var seed: UInt64 = 0

    @Option(name: [.customShort("j"), .long], help: "Tasks run side by side (default: all cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Folder for reports; each run writes <data>-<command>-<settings hash>/ inside it.", valueName: "dir"))
    var reportDir: String = "reports"

    @Flag(help: "Continue an interrupted run from its journal; the report ends byte-identical to an uninterrupted run.")
    var resume = false

    @Flag(help: "Print the results as one JSON object on stdout instead of the table.")
    var json = false

    @Flag(name: [.customShort("q"), .long], help: "Nothing on stderr but errors (no notes, warnings or progress).")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if reportDir.isEmpty { throw ValidationError("--report-dir is empty: give a folder (default: reports)") }
    }
}
