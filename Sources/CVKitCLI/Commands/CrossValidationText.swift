import CVKit

/// The short table a run prints on stdout.
enum CrossValidationText {
    static func render(_ r: CrossValidationResults, folder: String, seconds: Double) -> String {
        var out: [String] = []
        out.append("\(r.command) on \(r.data.path): \(r.data.rows) rows, \(r.data.features) features, \(r.data.classes.count) classes · \(r.protocol.scheme)")
        out.append("")
        let showFolds = r.command != "loocv"
        if showFolds {
            let repeated = r.protocol.repeats > 1
            var table = TextTable([(repeated ? "repeat/fold" : "fold", .left), ("train", .right), ("test", .right), ("accuracy", .right),
                                   ("macro-F1", .right), ("log loss", .right), ("epochs", .right)])
            for fold in r.folds {
                table.add([repeated ? "\(fold.repetition + 1)/\(fold.fold + 1)" : String(fold.fold + 1), String(fold.nTrain), String(fold.nTest),
                           fold.accuracy.map { NumberFormat.fixed($0, 4) } ?? "diverged (epoch \(fold.divergedAtEpoch ?? fold.epochs))",
                           fold.macroF1.map { NumberFormat.fixed($0, 4) } ?? "—", fold.logLoss.map { NumberFormat.fixed($0, 4) } ?? "—", String(fold.epochs)])
            }
            out.append(table.render(indent: "  "))
            out.append("")
        }
        let a = r.summary.accuracy
        let interval = a.ci95.count == 2 ? "[\(NumberFormat.fixed(a.ci95[0], 4)), \(NumberFormat.fixed(a.ci95[1], 4))]" : "—"
        let kind = r.summary.interval == "wilson" ? "Wilson" : "t"
        if a.n >= 2 {
            out.append("  accuracy  \(NumberFormat.fixed(a.mean, 4)) ± \(NumberFormat.fixed(a.sd, 4)) (sd over \(a.n) \(r.command == "loocv" ? "rows" : "folds")), 95 % \(kind) interval \(interval)")
        } else {
            out.append("  accuracy  \(NumberFormat.fixed(a.mean, 4)) on \(r.folds.first?.nTest ?? 0) test rows (one split: no spread to report; cvkit kfold gives an interval)")
        }
        out.append("  macro-F1  \(NumberFormat.fixed(r.summary.macroF1.mean, 4))    log loss \(NumberFormat.fixed(r.summary.logLoss.mean, 4))    majority baseline \(NumberFormat.fixed(r.summary.baselineAccuracy, 4))")
        for warning in r.warnings { out.append("  warning: \(warning)") }
        out.append("")
        out.append("report: \(folder)/report.md (\(NumberFormat.fixed(seconds, 1)) s)")
        return out.joined(separator: "\n")
    }
}
