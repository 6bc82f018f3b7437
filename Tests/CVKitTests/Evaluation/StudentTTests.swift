import Foundation
import PropertyBased
import Testing
@testable import CVKit

@Suite struct StudentTTests {
    // Reference values from scipy 1.17 (`stats.t.ppf`, `stats.t.cdf`, `2 * stats.t.sf`), each confirmed
    // to the digits shown by mpmath 1.3 at 50 digits (regularized `betainc`).
    static let quantile975: [(df: Double, t: Double)] = [
        (1, 12.706204736174705), (4, 2.7764451051977944), (9, 2.2621571627982055),
        (29, 2.0452296421327043), (1e6, 1.959966356814107),
    ]

    @Test func quantilesMatchTables() {
        for (df, expected) in Self.quantile975 {
            let t = StudentT.quantile(0.975, degreesOfFreedom: df)
            #expect(abs(t - expected) < 1e-9 * expected, "df \(df): \(t) vs \(expected)")
            #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: df) + expected) < 1e-9 * expected)
        }
        // scipy: stats.t.ppf(0.995, 3), stats.t.ppf(0.05, 12), stats.t.ppf(1e-10, 5).
        #expect(abs(StudentT.quantile(0.995, degreesOfFreedom: 3) - 5.840909309733355) < 1e-9)
        #expect(abs(StudentT.quantile(0.05, degreesOfFreedom: 12) + 1.7822875556493194) < 1e-9)
        #expect(abs(StudentT.quantile(1e-10, degreesOfFreedom: 5) + 156.82559270889433) < 1e-6)
    }

    @Test func cdfAndPValuesMatchScipy() {
        // scipy: stats.t.cdf(-3.0, 2.5), stats.t.cdf(1.0, 7).
        #expect(abs(StudentT.cdf(-3, degreesOfFreedom: 2.5) - 0.036288047774515922) < 1e-14)
        #expect(abs(StudentT.cdf(1, degreesOfFreedom: 7) - 0.82469166858989624) < 1e-14)
        // scipy: 2 * stats.t.sf(t, df).
        #expect(abs(StudentT.twoSidedPValue(2.262157163, degreesOfFreedom: 9) - 0.049999999983508662) < 1e-13)
        #expect(abs(StudentT.twoSidedPValue(10, degreesOfFreedom: 3) - 0.0021283990584141501) < 1e-15)
        #expect(abs(StudentT.twoSidedPValue(-1000, degreesOfFreedom: 1) / 0.00063661956016111788 - 1) < 1e-12)
        // Far tail: relative accuracy, not just "close to 0".
        #expect(abs(StudentT.twoSidedPValue(1000, degreesOfFreedom: 30) / 2.0720034831117331e-69 - 1) < 1e-10)
        // Cauchy (df = 1): P(T > t) = ½ − atan(t)/π exactly. Here scipy's t.sf gives 0.4999999952568131,
        // 1.6e-9 off; mpmath and scipy's cauchy.sf agree with 0.49999999681690114.
        #expect(abs(StudentT.cdf(-1e-8, degreesOfFreedom: 1) - 0.49999999681690114) < 1e-16)
    }

    @Test func centreSymmetryAndLimits() {
        for df in [1, 2.5, 9, 1e3, 1e6] {
            #expect(StudentT.cdf(0, degreesOfFreedom: df) == 0.5)
            #expect(StudentT.twoSidedPValue(0, degreesOfFreedom: df) == 1)
            #expect(StudentT.quantile(0.5, degreesOfFreedom: df) == 0)
            #expect(StudentT.cdf(.infinity, degreesOfFreedom: df) == 1)
            #expect(StudentT.cdf(-.infinity, degreesOfFreedom: df) == 0)
            for t in [0.3, 1.7, 4, 25] {
                let sum = StudentT.cdf(t, degreesOfFreedom: df) + StudentT.cdf(-t, degreesOfFreedom: df)
                #expect(abs(sum - 1) < 1e-14, "df \(df) t \(t)")
                let p = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
                #expect(abs(p - 2 * StudentT.cdf(-t, degreesOfFreedom: df)) < 1e-15)
            }
        }
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: 0).isNaN)
    }

    @Test func logBetaIsAccurateForLargeArguments() {
        // mpmath 1.3, 40 digits: log(beta(a, b)).
        let cases: [(a: Double, b: Double, value: Double)] = [
            (5e5, 0.5, -5.9888164957774643103), (0.5, 0.5, 1.1447298858494001741),
            (3, 4.5, -4.3874804853563454252), (12, 30, -25.274864968419808384), (2.5, 1e4, -22.741355546968709427),
        ]
        for c in cases {
            #expect(abs(IncompleteBeta.logBeta(c.a, c.b) - c.value) < 1e-13, "B(\(c.a), \(c.b))")
            #expect(IncompleteBeta.logBeta(c.a, c.b) == IncompleteBeta.logBeta(c.b, c.a))
        }
    }

    @Test func finiteAndMonotoneOverTheWholeRange() {
        for df in [1, 1.5, 2, 5, 30, 1e2, 1e4, 1e5, 1e6] {
            var previous = -1.0
            for t in stride(from: -1000.0, through: 1000, by: 0.5) {
                let c = StudentT.cdf(t, degreesOfFreedom: df)
                let p = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
                #expect(c.isFinite && c >= 0 && c <= 1 && c >= previous, "df \(df) t \(t): cdf \(c)")
                #expect(p.isFinite && p >= 0 && p <= 1, "df \(df) t \(t): p \(p)")
                previous = c
            }
        }
    }

    @Test func largeDegreesOfFreedomApproachTheNormal() {
        // Φ(1.959963984540054) = 0.975; at df = 1e6 the t cdf is 1.4e-7 lower (scipy stats.t.cdf,
        // confirmed by mpmath: 0.97499986135238917).
        #expect(abs(StudentT.cdf(1.959963984540054, degreesOfFreedom: 1e6) - 0.97499986135238917) < 1e-12)
    }

    @Test func quantileInvertsCdf() async {
        await propertyCheck(count: 200, input: Gen.double(in: 0...40), Gen.double(in: 0...6)) { t, logDf in
            let df = pow(10, logDf)
            // The lower tail is computed without cancellation, so it inverts to near full precision.
            let lower = StudentT.cdf(-t, degreesOfFreedom: df)
            if lower > 1e-300 {
                let back = StudentT.quantile(lower, degreesOfFreedom: df)
                #expect(abs(back + t) <= 1e-9 * Swift.max(1, t), "df \(df) t \(-t) → p \(lower) → \(back)")
            }
            // The upper side loses digits in 1 − tail: |dt| ≈ ulp(p) / density, so stay below 1 − 1e-6.
            let upper = StudentT.cdf(t, degreesOfFreedom: df)
            if upper < 1 - 1e-6 {
                let back = StudentT.quantile(upper, degreesOfFreedom: df)
                #expect(abs(back - t) <= 1e-7 * Swift.max(1, t), "df \(df) t \(t) → p \(upper) → \(back)")
            }
        }
    }
}
