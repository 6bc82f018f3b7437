import CVKit

/// The table `cvkit sanity` prints on stdout: one row per check, then what to do about each
/// failure or warning, then where the report is.
enum SanityText {
    /// With `width` (the terminal's, or `COLUMNS`), every line fits it: the observed value moves to a
    /// line of its own under its check, and long sentences wrap instead of being cut.
    static func render(_ r: SanityResults, folder: String, width: Int? = TerminalWidth.current()) -> String {
        var out: [String] = []
        let t = r.trainingPart
        let heading = "sanity on \(r.data.path): \(r.data.rows) rows, \(r.data.features) features, \(r.data.classes.count) classes · "
            + "training part \(t.rows) rows (\(t.heldOut) rows held out, stratified), preprocessed on it"
        if let width { out += TerminalWidth.wrap(heading, width: width) } else { out.append(heading) }
        out.append("")
        let full = TextTable([("check", .left), ("result", .left), ("expected", .left), ("observed", .left)])
        var table = full
        for check in r.checks {
            table.add([check.name, check.passed ? (check.advice.isEmpty ? "pass" : "pass*") : "FAIL", check.expected, check.observed])
        }
        let rendered = table.render(indent: "  ")
        // A cell the table would cut (TextTable.maxCell) or a line wider than the terminal: the
        // observed values move to their own lines, whole.
        let cut = r.checks.contains { $0.observed.count > TextTable.maxCell || $0.expected.count > TextTable.maxCell }
        if cut || (width.map { width in rendered.split(separator: "\n").contains { $0.count > width } } ?? false) {
            let width = width ?? Int.max / 2
            // Three columns, and each check's observed value on the lines below it.
            var narrow = TextTable([("check", .left), ("result", .left), ("expected", .left)])
            for check in r.checks { narrow.add([check.name, check.passed ? (check.advice.isEmpty ? "pass" : "pass*") : "FAIL", check.expected]) }
            let lines = narrow.render(indent: "  ").split(separator: "\n").map(String.init)
            // The rule in ASCII: its box-drawing dashes take three bytes each where bytes are counted.
            out += TerminalWidth.wrap(lines[0], width: width)
            out.append(String(lines[1].replacingOccurrences(of: "─", with: "-").prefix(width)))
            for (line, check) in zip(lines.dropFirst(2), r.checks) {
                out += TerminalWidth.wrap(line, width: width, rest: "    ")
                out += TerminalWidth.wrap(check.observed, width: width, first: "      observed: ", rest: "        ")
            }
        } else {
            out.append(rendered)
        }
        let advised = r.checks.filter { !$0.advice.isEmpty }
        if !advised.isEmpty {
            out.append("")
            for check in advised {
                let sentence = "  \(check.passed ? "* warning" : "FAIL"), \(check.name): \(check.advice)"
                if let width { out += TerminalWidth.wrap(sentence, width: width, rest: "    ") } else { out.append(sentence) }
            }
        }
        out.append("")
        let failed = r.checks.filter { !$0.passed }.count
        out.append(failed == 0 ? "  all \(r.checks.count) checks passed" : "  \(failed) of \(r.checks.count) checks failed")
        out.append("")
        out.append("report: \(folder)/sanity.md")
        return out.joined(separator: "\n")
    }
}
