/// The median, for the loader's column storage and the preprocessing's imputation alike.
enum Median {
    /// The median of `values` (the mean of the two middle ones for an even count, as numpy's
    /// `median`), nil when empty.
    static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
