import ArgumentParser
import CVKit
import Foundation

struct CompareCommand: ParsableCommand {
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
    @Option(help: "Folds per repeat.") var k: Int = 10
    @Option(help: "Repeats of K-fold, each with a new shuffle.") var repeats: Int = 10
    @Flag(help: "Plain K-fold: do not keep class proportions in each fold.") var noStratify = false
    @OptionGroup var metric: MetricOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if k < 2 { throw ValidationError("--k must be at least 2 (got \(k))") }
        if repeats < 1 { throw ValidationError("--repeats must be at least 1 (got \(repeats))") }
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

    func run() throws {
        try reportingErrors {
            let started = Date()
            func settings(_ model: ModelOptions) throws -> RunSettings {
                var settings = RunSettings(scheme: .kfold, dataPath: dataOptions.data, csv: try dataOptions.csvOptions(), k: k, repeats: repeats,
                            stratified: !noStratify, network: try model.network(), training: try model.training(), seed: execution.seed,
                            metric: try metric.name())
                settings.validationFraction = model.valFraction
                return settings
            }
            let comparison = ModelComparison(a: try settings(Self.model(a, name: "--a")), b: try settings(Self.model(b, name: "--b")))
            let dataset = try CSVLoader.load(path: dataOptions.data, options: try dataOptions.csvOptions())
            let splitCount = k * repeats
            let folder = execution.reportDir + "/" + ReportFolders.name(dataPath: dataOptions.data, command: "compare", commandLine: comparison.commandLine)
            let (journal, finished) = try ReportFolders.openJournal(
                folder: folder, commandLine: comparison.commandLine, dataset: dataset, taskCount: 2 * splitCount, resume: execution.resume)
            let progress = Progress(quiet: execution.quiet) { result in
                let which = result.index < splitCount ? "A" : "B"
                let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
                return "\(which) repeat \(result.repetition + 1) fold \(result.fold + 1): \(score)"
            }
            let results = try comparison.run(dataset: dataset, jobs: execution.jobs, journal: journal, finished: finished) { progress.handle($0) }
            progress.finish()
            try ReportFolders.write(markdown: CompareMarkdown.render(results), results: results, folder: folder, started: started, jobs: execution.jobs,
                                    resumed: finished.count, charts: [("differences.svg", CompareMarkdown.differencesChart(results))])
            if execution.json {
                FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: folder)))
                return
            }
            print("compare on \(dataOptions.data): \(repeats) × \(k)-fold, the same splits for both\n")
            let compared = results.metric ?? .accuracy
            let sa = CrossValidationMarkdown.summary(compared, results.a), sb = CrossValidationMarkdown.summary(compared, results.b)
            if compared != .accuracy { print("  \(compared.title) per configuration (mean ± sd over splits):") }
            print("  A  \(NumberFormat.fixed(sa.mean, 4)) ± \(NumberFormat.fixed(sa.sd, 4))   \(a)")
            print("  B  \(NumberFormat.fixed(sb.mean, 4)) ± \(NumberFormat.fixed(sb.sd, 4))   \(b)")
            let interval = results.differenceInterval.map { "   95 % corrected interval [\(NumberFormat.fixed($0[0], 4)), \(NumberFormat.fixed($0[1], 4))]" } ?? ""
            print("\n  mean difference A − B  \(NumberFormat.fixed(results.meanDifference, 4))\(interval)")
            print("  corrected t-test (Nadeau–Bengio)  t = \(NumberFormat.short(results.correctedT)), p = \(NumberFormat.short(results.pValue))")
            print("  naive paired t-test               t = \(NumberFormat.short(results.naiveT)), p = \(NumberFormat.short(results.naivePValue))")
            print("\n  \(results.verdict)")
            print("\nreport: \(folder)/report.md")
        }
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
