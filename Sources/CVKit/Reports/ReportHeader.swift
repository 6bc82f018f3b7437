/// The opening lines every report shares: the title, the command that reproduces it, and the
/// cvkit version with the data's identity (path, SHA-256, shape).
public enum ReportHeader {
    public static func lines(title: String, reproduce: String = "Reproduce with:", commandLine: String, cvkitVersion: String,
                             path: String, sha256: String, rows: Int, features: Int, classes: Int, label: String? = nil) -> [String] {
        let column = label.map { " in column \(Markdown.code($0))" } ?? ""
        return [
            "# \(title)", "", reproduce, "", "```sh\n\(commandLine)\n```", "",
            "cvkit \(cvkitVersion) · data \(Markdown.code(path)) · SHA-256 \(Markdown.code(sha256)) · "
                + "\(rows) rows · \(features) features · \(classes) classes\(column)",
            "",
        ]
    }

    /// The file name of `path`, escaped for a Markdown title.
    public static func dataName(_ path: String) -> String {
        Markdown.escape(path.split(separator: "/").last.map(String.init) ?? path)
    }
}
