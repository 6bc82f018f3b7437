/// Text from the data written into a CSV file that people open in spreadsheets.
///
/// A field is quoted as RFC 4180 says (quotes doubled) when it holds the delimiter, a quote or a line
/// break; a text that a spreadsheet would run as a formula — it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return (OWASP's "CSV injection") — gets a leading `'`, which spreadsheets show as text.
/// Markup characters are escaped as HTML entities (`&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`): a CSV
/// file shown by a web page or a Markdown viewer must not carry a live tag from the data.
public enum SpreadsheetText {
    public static func field(_ text: String) -> String {
        var value = text
        if value.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }) {
            value = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
