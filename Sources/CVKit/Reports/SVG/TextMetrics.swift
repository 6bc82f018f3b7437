/// Estimated text widths, for layout without a font engine.
///
/// An average sans-serif character is about 0.55 em wide; 0.6 em errs on the wide side, so labels
/// placed with these estimates do not collide.
enum TextMetrics {
    static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text`, or its start followed by "…" so that it is at most `characters` characters long
    /// (spaces before the "…" are dropped: "class number 0…", not "class number 0 …").
    static func truncated(_ text: String, characters: Int) -> String {
        guard text.count > characters else { return text }
        var start = text.prefix(Swift.max(characters - 1, 0))
        while start.last?.isWhitespace == true { start.removeLast() }
        return String(start) + "…"
    }

    /// `text` shortened with "…" until its estimated width at `size` is at most `width`.
    static func fitted(_ text: String, width: Double, size: Double) -> String {
        let characters = Int((width / (size * 0.6)).rounded(.down))
        return truncated(text, characters: Swift.max(characters, 1))
    }
}
