/// The one-sentence description of a run's preprocessing that reports print under Protocol.
public enum PreprocessingText {
    /// Standardization alone for an all-numeric data set without gaps (the sentence reports have
    /// always carried); otherwise what `Preprocessing` does to each kind of column, and what it leaves out.
    public static func describe(_ dataset: Dataset, minCategoryCount: Int) -> String {
        let standardization = "standardization (mean and population SD) fitted on each training part only; constant features get SD 1"
        var parts: [String] = []
        if dataset.isPlainNumeric {
            parts.append(standardization)
        } else {
            parts.append("fitted on each training part only: numeric columns imputed with the training part's median, with a 0/1 "
                + "missing indicator where the training part has gaps, then standardized (mean and population SD; constant features get SD 1)")
            let categorical = dataset.featureColumns.filter { $0.role == .categorical }.map(\.name)
            if !categorical.isEmpty {
                parts.append("categorical columns (" + categorical.joined(separator: ", ") + ") one-hot encoded with the training part's categories "
                    + "(a missing value is the category (missing); a category the training part lacks encodes as zeros"
                    + (minCategoryCount > 1 ? "; categories with fewer than \(minCategoryCount) training rows share one (other) column" : "") + ")")
            }
            let gaps = dataset.featureColumns.filter { $0.missing > 0 }.map { "\($0.name) \($0.missing)" }
            if !gaps.isEmpty { parts.append("missing cells: " + gaps.joined(separator: ", ")) }
        }
        let identifiers = dataset.columns.filter { $0.role == .identifier }.map(\.name)
        if !identifiers.isEmpty { parts.append("identifier column" + (identifiers.count == 1 ? " " : "s ") + identifiers.joined(separator: ", ") + " left out of the features") }
        let dropped = dataset.columns.filter { $0.role == .dropped }.map(\.name)
        if !dropped.isEmpty { parts.append("dropped: " + dropped.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
