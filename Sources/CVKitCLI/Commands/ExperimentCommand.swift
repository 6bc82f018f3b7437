import ArgumentParser
import CVKit

/// A command that runs an experiment: it only turns its flags into a `RunSpecification`; running,
/// journaling, reporting and printing are `ExperimentSession`'s, the same for every command and
/// for `merge`. `plan` takes the same value.
protocol ExperimentCommand: ParsableCommand {
    var execution: RunOptions { get }
    /// The run these flags describe. Throws `ValidationError` or `CVKitError` for flags that
    /// cannot mean anything together.
    func specification() throws -> RunSpecification
}

extension ExperimentCommand {
    /// Parse → build the experiment → run → render.
    func runExperiment() throws {
        try reportingErrors { try ExperimentSession.run(try specification(), execution: execution.session) }
    }
}
