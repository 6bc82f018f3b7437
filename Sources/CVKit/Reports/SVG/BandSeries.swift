/// A value per x with an optional min–max band (e.g. mean over folds with the range of folds).
///
/// `mean[i]`, `lower[i]` and `upper[i]` belong to the i-th x. A non-finite entry (NaN, ±∞) is a gap:
/// the line breaks there, and the band breaks where `lower` or `upper` is not finite. Entries past
/// the x values a chart is given are not drawn.
public struct BandSeries: Sendable, Equatable {
    public var name: String
    public var mean: [Double]
    public var lower: [Double]?
    public var upper: [Double]?

    public init(name: String, mean: [Double], lower: [Double]? = nil, upper: [Double]? = nil) {
        self.name = name
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }

    /// Whether the series has a band at all (both bounds given).
    var hasBand: Bool { lower != nil && upper != nil }

    /// The band's bounds at `index`, or nil when either is missing or not finite.
    func band(at index: Int) -> (lower: Double, upper: Double)? {
        guard let lower, let upper, index < lower.count, index < upper.count,
              lower[index].isFinite, upper[index].isFinite else { return nil }
        return (Swift.min(lower[index], upper[index]), Swift.max(lower[index], upper[index]))
    }
}
