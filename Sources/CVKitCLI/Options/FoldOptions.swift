import ArgumentParser
import CVKit

/// How K-fold splits are made; shared by `folds` and the cross-validation commands.
struct FoldOptions: ParsableArguments {
    @Option(name: [.customShort("k"), .long], help: "Number of folds (at least 2, at most the number of rows).")
    var k: Int = 10

    @Option(help: "Repeat K-fold this many times, each with its own shuffle.")
    var repeats: Int = 1

    @Option(help: "Seed for every random choice; the same seed gives the same folds.")
    var seed: UInt64 = 0

    @Flag(help: "Plain K-fold: do not keep class proportions in each fold.")
    var noStratify = false

    @Option(help: ArgumentHelp("Group K-fold on this column (by name or 0-based index): no group in two folds. The column is not a feature.",
                               valueName: "column"))
    var groups: String?

    func validate() throws {
        if let problem = KFold.problem(k: k, repeats: repeats) { throw ValidationError(problem) }
    }

    var resampler: any Resampler {
        groups == nil
            ? KFold(k: k, repeats: repeats, stratified: !noStratify, seed: seed)
            : GroupKFold(k: k, repeats: repeats, stratified: !noStratify, seed: seed)
    }

    /// The fold of each row per repetition.
    func assignments(for dataset: Dataset) throws -> [[Int]] {
        if groups != nil {
            return try GroupKFold(k: k, repeats: repeats, stratified: !noStratify, seed: seed).assignments(groups: dataset.groups, labels: dataset.labels)
        }
        return try KFold(k: k, repeats: repeats, stratified: !noStratify, seed: seed).assignments(labels: dataset.labels)
    }
}
