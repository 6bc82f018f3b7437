import ArgumentParser
import CVKit
import Foundation

/// What to search and how to choose; shared by `search` and `nested` (each has its own `--method`:
/// nested has no coarse-to-fine).
struct SearchOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The space: name=distribution pairs, e.g. 'lr=log(1e-4,1e-1) l2=log(1e-6,1e-2) hidden=choice(64|128,64) batch=choice(32|64) epochs=int(10,40) beta1=oml(0.9,0.999)'. Distributions: log, uniform, int, choice, oml.",
        valueName: "space"))
    var space: String = "lr=log(1e-4,1e-1) l2=log(1e-6,1e-2)"

    @Option(help: ArgumentHelp("Read the space from this file instead (same syntax, any whitespace).", valueName: "file"))
    var spaceFile: String?

    @Option(help: "Configurations to try (grid tries every combination).")
    var trials: Int = 20

    @Flag(help: "Racing: score configurations one fold at a time and drop those significantly worse than the best (ANOVA over the live configurations, as tidymodels' tune_race_anova).")
    var race = false

    @Option(help: "Racing: folds before the first elimination (default 3, at most k − 1).")
    var raceMinFolds: Int?

    @Option(help: "Racing: the significance level that drops a configuration.")
    var raceAlpha: Double = 0.05

    @Option(help: ArgumentHelp("The winner: best (ties: fewer diverged folds, fewer parameters, stronger l2, smaller lr, earlier trial) or one-se (the simplest within one standard error of the best).", valueName: "best|one-se"))
    var select: String = "best"

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials))") }
        if TrialScoring.Selection(rawValue: select) == nil { throw ValidationError("--select must be best or one-se (got \(select))") }
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

    /// The racing settings for `k` folds per configuration, nil without `--race`; refused (64) when
    /// they cannot be used.
    func racing(k: Int) throws -> Racing? {
        guard race else {
            if raceMinFolds != nil { throw ValidationError("--race-min-folds needs --race") }
            return nil
        }
        let racing = Racing(minFolds: raceMinFolds ?? Racing.defaultMinFolds(k: k), alpha: raceAlpha)
        if let problem = racing.problem(k: k) { throw ValidationError(problem) }
        return racing
    }

    func search(base: RunSettings, method: HyperparameterSearch.Method, rounds: Int, keep: Double) throws -> HyperparameterSearch {
        var search = HyperparameterSearch(base: base, space: try checkedSpace(base: base), method: method, trials: trials, rounds: rounds, keep: keep)
        search.selection = selection
        search.racing = try racing(k: base.k)
        return search
    }
}
