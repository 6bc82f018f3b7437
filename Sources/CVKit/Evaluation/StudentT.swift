import Foundation

/// Student's t distribution with `df` degrees of freedom (any real df > 0), computed in Double.
///
/// The tails come from the regularized incomplete beta function: for t ≥ 0,
/// P(T > t) = ½ · I_x(df/2, ½) with x = df / (df + t²). I_x is evaluated by its continued fraction
/// (modified Lentz, Numerical Recipes §6.4); x and 1 − x = t² / (df + t²) are both formed directly,
/// and ln x as −log1p(t²/df), so neither is computed as 1 minus the other. ln B(a, b) is
/// lgamma(a) + lgamma(b) − lgamma(a + b) for small arguments, and Stirling's series for large ones
/// (as R's `lbeta`): the plain difference of lgammas of order 1e6 would lose 9 digits at df = 1e6.
///
/// Accuracy against mpmath (relative, on the smaller tail): about 1e-14 for df ≤ 100, 1e-13 up to
/// df = 1e4, 1e-11 at df = 1e6, where the rounding of x is amplified by the continued fraction.
/// Finite for df from 1 to 1e6 and |t| up to 1e3 and beyond.
///
/// Out-of-domain input (df ≤ 0, NaN) gives NaN rather than trapping, as the C math library does.
public enum StudentT {
    /// P(T ≤ t). Exactly 0.5 at t = 0; 0 and 1 at −∞ and +∞.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isNaN == false, df > 0 else { return .nan }
        let tail = upperTail(abs(t), df: df)
        return t < 0 ? tail : 1 - tail
    }

    /// The t with cdf(t) = p, for p in (0, 1); −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1].
    ///
    /// Solved by bisection on the tail probability min(p, 1 − p), which is decreasing in |t|: the
    /// upper bracket doubles from 1 until it holds the root, then the bracket is halved until its width
    /// is at most 1e-14 relative (at least 1e-300 absolute). Bisection cannot diverge, and working on the
    /// tail keeps far quantiles (p = 1e-12) as accurate as central ones.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard p >= 0, p <= 1, df > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let target = min(p, 1 - p)
        var low = 0.0
        var high = 1.0
        while upperTail(high, df: df) > target {
            low = high
            high *= 2
            // Only for df ≪ 1 with p near 0 or 1: the quantile is beyond Double's range.
            if high.isInfinite { return p < 0.5 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude }
        }
        for _ in 0..<2_000 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high || high - low <= Swift.max(1e-14 * high, 1e-300) { break }
            if upperTail(middle, df: df) > target { low = middle } else { high = middle }
        }
        let t = low + (high - low) / 2
        return p < 0.5 ? -t : t
    }

    /// P(|T| ≥ |t|) = I_x(df/2, ½), in [0, 1]; 1 at t = 0, 0 at ±∞.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isNaN == false, df > 0 else { return .nan }
        return Swift.min(1, 2 * upperTail(abs(t), df: df))
    }

    /// P(T > t) for t ≥ 0.
    static func upperTail(_ t: Double, df: Double) -> Double {
        if t == 0 { return 0.5 }
        if t.isInfinite { return 0 }
        let t2 = t * t
        if t2.isInfinite {
            // t > 1e154: x = df / t² to within rounding, y = 1 − x, logarithms taken before squaring.
            let x = df / t / t
            return 0.5 * IncompleteBeta.regularized(
                a: df / 2, b: 0.5, x: x, y: 1, logX: log(df) - 2 * log(t), logY: -x)
        }
        // x = df / (df + t²) and y = 1 − x, each without subtraction.
        let x = df / (df + t2), y = t2 / (df + t2)
        return 0.5 * IncompleteBeta.regularized(a: df / 2, b: 0.5, x: x, y: y, logX: -log1p(t2 / df), logY: log(y))
    }
}

/// The regularized incomplete beta function I_x(a, b), for the Student t tails.
enum IncompleteBeta {
    /// I_x(a, b) given x, y = 1 − x and their logarithms (the caller forms them accurately).
    ///
    /// I_x(a, b) = x^a y^b / (a B(a, b)) · CF(a, b, x), and the continued fraction converges fast for
    /// x < (a + 1) / (a + b + 2); above that the symmetry I_x(a, b) = 1 − I_y(b, a) is used.
    static func regularized(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let front = exp(a * logX + b * logY - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            return Swift.min(1, front * continuedFraction(a: a, b: b, x: x) / a)
        }
        return Swift.max(0, 1 - front * continuedFraction(a: b, b: a, x: y) / b)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), a, b > 0, without cancellation for large arguments.
    ///
    /// With p = min(a, b), q = max(a, b) and the Stirling remainder δ(x) = ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π)
    /// (R's `lbeta` and `lgammacor`): both ≥ 10 uses δ for all three terms; q ≥ 10 only keeps
    /// lgamma(p); otherwise the plain lgamma difference, which is exact enough for small arguments.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = Swift.min(a, b), q = Swift.max(a, b)
        if p >= 10 {
            let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
            return -0.5 * log(q) + 0.5 * log(2 * Double.pi) + correction
                + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        }
        if q >= 10 {
            let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// δ(x) = ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 10, by Stirling's series to the x⁻¹³ term
    /// (the first omitted term is below 3e-17 at x = 10).
    static func stirlingRemainder(_ x: Double) -> Double {
        let x2 = 1 / (x * x)
        let series = 1.0 / 12 + x2 * (-1.0 / 360 + x2 * (1.0 / 1260 + x2 * (-1.0 / 1680
            + x2 * (1.0 / 1188 + x2 * (-691.0 / 360_360 + x2 / 156)))))
        return series / x
    }

    /// The continued fraction for I_x(a, b), modified Lentz's method (Numerical Recipes `betacf`).
    /// Converges in O(√max(a, b)) terms; the cap of 100 000 terms is far above what df ≤ 1e6 needs.
    static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 / guarded(1 - qab * x / qap)
        var h = d
        for step in 1...100_000 {
            let m = Double(step), m2 = 2 * m
            var term = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 / guarded(1 + term * d)
            c = guarded(1 + term / c)
            h *= d * c
            term = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 / guarded(1 + term * d)
            c = guarded(1 + term / c)
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= .ulpOfOne { break }
        }
        return h
    }
}
