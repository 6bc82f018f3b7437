import ArgumentParser
import CVKit

@main
struct CVKitCommand: ParsableCommand {
    static func main() {
        CPURequirement.check()
        SingleThreadedBLAS.ensure()
        AllocatorPolicy.apply()
        BLASThreads.useOneThread()
        Interrupt.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let suggestion = CommandSuggestion.forArguments(arguments) ?? CommandSuggestion.forCompare(arguments) {
            Standard.error("cvkit: " + suggestion)
            exit(withError: ExitCode(64))
        }
        do {
            var command = try parseAsRoot(Self.negativeValuesAttached(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "cvkit",
        abstract: "Honest model evaluation: cross-validate a batch-normalized softmax classifier on a CSV file.",
        discussion: """
            Exit status: 0 ok, 1 a check failed, 64 usage error, 65 bad data, 66 input missing or \
            unreadable, 69 a needed program (sbatch, parallel) is missing, 70 internal error, 73 cannot create an output \
            file, 74 I/O error, 130 interrupted (Ctrl-C; 143 SIGTERM, 129 SIGHUP); run-task: 3 permanent failure, do not retry.
            """,
        version: CVKitVersion.current,
        subcommands: [InfoCommand.self, FoldsCommand.self, KFoldCommand.self, LOOCVCommand.self, SplitCommand.self, SearchCommand.self, NestedCommand.self, CompareCommand.self, SanityCommand.self, FitCommand.self, PredictCommand.self,
                      PlanCommand.self, RunTaskCommand.self, SubmitCommand.self, StatusCommand.self, MergeCommand.self])
}

extension CVKitCommand {
    /// A run given as command words after `cvkit` (what `cvkit plan` takes), turned into its value
    /// by the same parser and validation as the command line — the one other place words are parsed,
    /// at this entry point. Throws ArgumentParser's errors for bad flags (exit 64 with the usual text).
    static func specification(_ words: [String]) throws -> RunSpecification {
        guard let first = words.first, PlannedRun.commands.contains(first) else {
            throw ValidationError("cvkit plan takes one of \(PlannedRun.commands.joined(separator: ", ")) followed by its data file and flags (got \(words.first.map { "'\($0)'" } ?? "nothing"))")
        }
        guard let command = try parseAsRoot(words) as? any ExperimentCommand else {
            throw ValidationError("'\(first)' is not a run a plan can hold")
        }
        return try command.specification()
    }
}

extension CVKitCommand {
    /// The short options that take a number, by their long names.
    static let numericShortOptions = ["-k": "--k", "-j": "--jobs"]

    /// `--k -3` (or `-k -3`) written as `--k=-3`: an option's negative value would otherwise read as
    /// an unknown flag ("Missing value for '--k'"), where the option's own check says what is wrong
    /// with it.
    static func negativeValuesAttached(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { out += arguments[index...]; break }
            if index + 1 < arguments.count, arguments[index + 1].wholeMatch(of: /-[0-9][0-9.eE+-]*/) != nil {
                // Short forms of the numeric options take their long name (`-k -3` is `--k=-3`).
                let long = word.hasPrefix("--") && !word.contains("=") ? word : Self.numericShortOptions[word]
                if let long {
                    out.append(long + "=" + arguments[index + 1])
                    index += 2
                    continue
                }
            }
            out.append(word)
            index += 1
        }
        return out
    }
}
