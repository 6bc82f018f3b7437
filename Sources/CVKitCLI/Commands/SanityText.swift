import CVKit

/// The table `cvkit sanity` prints on stdout: one row per check, then what to do about each
/// failure or warning, then where the report is.
enum SanityText {
    static func render(_ r: SanityResults, folder: String) -> String {
        var out: [String] = []
        let t = r.trainingPart
        out.append("sanity on \(r.data.path): \(r.data.rows) rows, \(r.data.features) features, \(r.data.classes.count) classes · "
            + "training part \(t.rows) rows (\(t.heldOut) rows held out, stratified), standardized on it")
        out.append("")
        var table = TextTable([("check", .left), ("result", .left), ("expected", .left), ("observed", .left)])
        for check in r.checks {
            table.add([check.name, check.passed ? (check.advice.isEmpty ? "pass" : "pass*") : "FAIL", check.expected, check.observed])
        }
        out.append(table.render(indent: "  "))
        let advised = r.checks.filter { !$0.advice.isEmpty }
        if !advised.isEmpty {
            out.append("")
            for check in advised { out.append("  \(check.passed ? "* warning" : "FAIL"), \(check.name): \(check.advice)") }
        }
        out.append("")
        let failed = r.checks.filter { !$0.passed }.count
        out.append(failed == 0 ? "  all \(r.checks.count) checks passed" : "  \(failed) of \(r.checks.count) checks failed")
        out.append("")
        out.append("report: \(folder)/sanity.md")
        return out.joined(separator: "\n")
    }
}
