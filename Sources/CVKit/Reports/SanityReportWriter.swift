import Foundation

/// Writes a sanity run's folder: `sanity.md`, `sanity.json` and `lr-sweep.svg`, as one set written whole or
/// not at all (`ReportFiles`). Creates the folder when it is missing.
public enum SanityReportWriter {
    public static func write(_ results: SanityResults, folder: String, sink: FileSink = DiskSink()) throws {
        try ReportFolder.create(folder)
        var stored = results
        stored.reportDir = nil
        try ReportFiles([(folder + "/sanity.md", Data(SanityMarkdown.render(stored).utf8)),
                         (folder + "/sanity.json", try ReportJSON.encode(stored)),
                         (folder + "/lr-sweep.svg", Data(sweepChart(stored).utf8))]).write(sink: sink)
    }

    /// Groups of the sweep chart, in legend order (fixed, so colours mean the same in every report).
    static let sweepGroups = ["loss falls", "diverges (drawn at the cap when above it)", "barely moves", "fastest"]

    /// Loss after the sweep's epochs against the learning rate (log axis), one colour per verdict,
    /// with the initial loss as a reference line. Losses above twice the initial loss, and
    /// non-finite ones, are drawn at that cap (a second line), so one explosion does not flatten the rest.
    static func sweepChart(_ r: SanityResults) -> String {
        let s = r.lrSweep
        let initial = s.initialLoss ?? s.points.compactMap(\.loss).max() ?? 1
        let cap = 2 * initial
        var capped = false
        let points = s.points.map { p -> (x: Double, y: Double, group: Int) in
            let group = p.fastest ? 3 : (p.verdict == "falls" ? 0 : (p.verdict == "diverges" ? 1 : 2))
            let loss = p.loss ?? .infinity
            if loss > cap { capped = true }
            return (p.lr, min(loss, cap), group)
        }
        var lines = [(y: initial, label: "initial loss \(SanityMarkdown.f4(initial))")]
        if capped { lines.append((y: cap, label: "cap (2 × initial): higher or non-finite losses")) }
        let file = r.data.path.split(separator: "/").last.map(String.init) ?? r.data.path
        return SVGCharts.scatter(
            points: points, groupNames: sweepGroups, logX: true, xLabel: "learning rate (log scale)",
            yLabel: "training loss after \(s.epochs) epoch\(s.epochs == 1 ? "" : "s")",
            title: "Learning-rate sweep on \(file) (configured --lr \(SanityMarkdown.rate(s.configuredLr)))", referenceLines: lines)
    }
}
