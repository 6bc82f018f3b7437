import ArgumentParser
import CVKit
import Foundation

/// What to search and how; shared by `search` and `nested`.
struct SearchOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The space: name=distribution pairs, e.g. 'lr=log(1e-4,1e-1) l2=log(1e-6,1e-2) hidden=choice(64|128,64) batch=choice(32|64) epochs=int(10,40) beta1=oml(0.9,0.999)'. Distributions: log, uniform, int, choice, oml.",
        valueName: "space"))
    var space: String = "lr=log(1e-4,1e-1) l2=log(1e-6,1e-2)"

    @Option(help: ArgumentHelp("Read the space from this file instead (same syntax, any whitespace).", valueName: "file"))
    var spaceFile: String?

    @Option(help: "Configurations to try (per round for coarse-to-fine; grid tries every combination).")
    var trials: Int = 20

    @Option(help: ArgumentHelp("random, grid or coarse-to-fine.", valueName: "method"))
    var method: String = "random"

    @Option(help: "Coarse-to-fine: rounds of random search.")
    var rounds: Int = 3

    @Option(help: "Coarse-to-fine: the best fraction of a round that the next round's ranges are narrowed around.")
    var keep: Double = 0.25

    @Option(help: ArgumentHelp("The winner: best (ties: fewer diverged folds, fewer parameters, stronger l2, smaller lr, earlier trial) or one-se (the simplest within one standard error of the best).", valueName: "best|one-se"))
    var select: String = "best"

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials))") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1 (got \(rounds))") }
        if !(keep > 0 && keep <= 1) { throw ValidationError("--keep must be in (0, 1] (got \(keep))") }
        if TrialScoring.Selection(rawValue: select) == nil { throw ValidationError("--select must be best or one-se (got \(select))") }
        if HyperparameterSearch.Method(rawValue: method) == nil {
            throw ValidationError("--method must be random, grid or coarse-to-fine (got \(method))")
        }
        if spaceFile == nil {
            do { _ = try SearchSpace(parsing: space) } catch let error as CVKitError { throw ValidationError(error.description) }
        }
    }

    func searchSpace() throws -> SearchSpace {
        guard let spaceFile else { return try SearchSpace(parsing: space) }
        guard let text = FileManager.default.contents(atPath: spaceFile).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw CVKitError.unreadableInput(path: spaceFile, reason: "cannot read the search space file")
        }
        return try SearchSpace(parsing: text)
    }

    /// The space, refused (exit 64) when it cannot be searched from `base` (`SearchSpace.problem`).
    func checkedSpace(base: RunSettings) throws -> SearchSpace {
        let space = try searchSpace()
        if let problem = space.problem(base: base) { throw ValidationError(problem) }
        return space
    }

    var selection: TrialScoring.Selection { TrialScoring.Selection(rawValue: select) ?? .best }

    func search(base: RunSettings) throws -> HyperparameterSearch {
        var search = HyperparameterSearch(base: base, space: try checkedSpace(base: base), method: HyperparameterSearch.Method(rawValue: method) ?? .random,
                                          trials: trials, rounds: rounds, keep: keep)
        search.selection = selection
        return search
    }
}
