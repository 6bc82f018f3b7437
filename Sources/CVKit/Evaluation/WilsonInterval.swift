/// Confidence intervals for a binomial proportion, e.g. the accuracy of one held-out test set.
public enum WilsonInterval {
    /// The Wilson score interval for a binomial proportion (z = 1.959963984540054 for 95 %).
    ///
    /// With p̂ = successes / trials and n = trials:
    /// center = (p̂ + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),
    /// interval [center − half, center + half] (Wilson 1927; statsmodels' `proportion_confint(method="wilson")`).
    /// Unlike the normal (Wald) interval it stays inside [0, 1] and is not degenerate at 0 or n
    /// successes, which are common on small test sets. The bound is exactly 0 at 0 successes and 1 at
    /// n successes (the formula's value, without its rounding residue), and clamped to [0, 1]; [0, 1] when trials == 0 (nothing is known). The default z is the 0.975 normal
    /// quantile. Requires 0 ≤ successes ≤ trials.
    public static func interval(successes: Int, trials: Int, z: Double = 1.959963984540054) -> [Double] {
        precondition(trials >= 0 && (0...trials).contains(successes), "need 0 <= successes <= trials")
        guard trials > 0 else { return [0, 1] }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 and n successes the bound is exactly 0 or 1; the formula leaves a rounding residue.
        return [successes == 0 ? 0 : Swift.max(0, center - half), successes == trials ? 1 : Swift.min(1, center + half)]
    }
}
