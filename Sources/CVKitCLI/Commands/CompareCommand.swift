import ArgumentParser
import CVKit
import Foundation

struct CompareCommand: ExperimentCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two configurations on the same repeated K-fold splits (corrected resampled t-test).",
        discussion: """
            --a and --b take model and training flags, as kfold does. Both run on the same splits; the report gives the \
            per-split differences, the Nadeau–Bengio corrected t-test next to the naive paired t-test, and a verdict.
            Example: cvkit compare datasets/iris.csv --a '--hidden 32' --b '--hidden 32 --l2 0.01'
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("Model and training flags of configuration A, quoted (e.g. '--hidden 32').", valueName: "flags")) var a: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp("Model and training flags of configuration B, quoted.", valueName: "flags")) var b: String = ""
    @Option(name: [.customShort("k"), .long], help: "Folds per repeat.") var k: Int = 10
    @Option(help: "Repeats of K-fold, each with a new shuffle.") var repeats: Int = 10
    @Flag(help: "Plain K-fold: do not keep class proportions in each fold.") var noStratify = false
    @OptionGroup var metric: MetricOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if let problem = KFold.problem(k: k, repeats: repeats) { throw ValidationError(problem) }
        _ = try Self.model(a, name: "--a")
        _ = try Self.model(b, name: "--b")
    }

    /// Parses a quoted flag string as `ModelOptions`.
    static func model(_ flags: String, name: String) throws -> ModelOptions {
        do {
            return try ModelOptions.parse(ShellWords.split(flags))
        } catch {
            throw ValidationError("\(name) '\(flags)': \(ModelOptions.message(for: error))")
        }
    }

    func run() throws { try runExperiment() }

    func specification() throws -> RunSpecification {
        func settings(_ model: ModelOptions) throws -> RunSettings {
            var settings = RunSettings(scheme: .kfold, dataPath: dataOptions.dataPath, csv: try dataOptions.csvOptions(), k: k, repeats: repeats,
                                       stratified: !noStratify, network: try model.network(), training: try model.training(), seed: execution.seed,
                                       metric: try metric.name())
            settings.validationFraction = model.valFraction
            return settings
        }
        return .compare(ModelComparison(a: try settings(Self.model(a, name: "--a")), b: try settings(Self.model(b, name: "--b"))))
    }
}

/// Splits a flag string like a POSIX shell: whitespace separates words, '…' and "…" group.
enum ShellWords {
    static func split(_ text: String) throws -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw ValidationError("unterminated quote in \(text)") }
        if inWord { words.append(current) }
        return words
    }
}
