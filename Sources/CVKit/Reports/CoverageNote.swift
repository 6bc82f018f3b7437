/// What `make coverage` measured (docs/coverage.md: 1000 replications per setting, n ∈ {100, 1000},
/// k ∈ {5, 10}), quoted under each interval in the reports. A test checks that docs/coverage.md
/// still says this.
enum CoverageNote {
    /// Under the plain t-interval (r = 1).
    static let plain = "In simulations (docs/coverage.md) it covered the refit model's accuracy 85–95 % of the time, "
        + "lowest on 100 rows; with repeats it would fall to 61–76 %, which is why repeated K-fold uses the corrected interval."
    /// Under the corrected resampled t-interval (r > 1).
    static let corrected = "In simulations (docs/coverage.md) it covered the refit model's accuracy 91–98 % of the time "
        + "with 3 repeats, where the plain t-interval covered 61–76 %."
}
