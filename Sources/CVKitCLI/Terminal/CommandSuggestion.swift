import ArgumentParser

/// "did you mean 'kfold'?" for a mistyped subcommand: the nearest name by edit distance.
enum CommandSuggestion {
    /// A sentence when the first argument is a word that is no subcommand, else nil.
    static func forArguments(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = CVKitCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        guard !names.contains(first) else { return nil }
        let ranked = names.map { (name: $0, distance: distance(first.lowercased(), $0)) }.sorted { $0.distance < $1.distance }
        var sentence = "'\(first)' is not a cvkit command"
        if let best = ranked.first, best.distance <= max(2, best.name.count / 3) { sentence += "; did you mean '\(best.name)'?" }
        return sentence + " (the commands: " + names.joined(separator: ", ") + "; cvkit --help)"
    }

    /// For `compare`: a model option given beside `--a`/`--b` instead of inside them (`compare
    /// DATA --epochs 5`) is told where it goes, rather than only "Unknown option".
    static func forCompare(_ arguments: [String]) -> String? {
        guard arguments.first == "compare" else { return nil }
        // The options each help lists (lines opening with `-x, --name` or `--name`), not every flag
        // its examples mention: compare's help shows `--hidden 32` inside an --a example.
        let flags = { (help: String) in
            Set(help.split(separator: "\n").compactMap { line in line.firstMatch(of: /^\s+(?:-[a-zA-Z], )?(--[a-z0-9][a-z0-9-]*)/).map { String($0.1) } })
        }
        let misplaced = flags(ModelOptions.helpMessage()).subtracting(flags(CompareCommand.helpMessage()))
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            if word == "--a" || word == "--b" { index += 2; continue }
            let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if misplaced.contains(name) {
                return "\(name) is a model option: in compare it goes inside --a and --b, which hold each model's options "
                    + "(e.g. --a '\(name == word ? name + " …" : word)' --b '--hidden 16 \(name == word ? name + " …" : word)')"
            }
            index += 1
        }
        return nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
