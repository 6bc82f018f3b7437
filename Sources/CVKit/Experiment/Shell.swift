/// Quoting for command lines shown to users (POSIX shell).
public enum Shell {
    /// A word of letters, digits and `-_./,:=+` stays bare; anything else (or the empty word) is
    /// single-quoted, with `'` written as `'\''`.
    public static func quote(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./,:=+".unicodeScalars.contains($0)) }
        if plain && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Shortest form that parses back to the same Double: `0.001`, `1e-05`, `0`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
