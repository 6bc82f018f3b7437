import PropertyBased
import Testing
@testable import CVKit

@Suite struct WilsonIntervalTests {
    // Computed in Python from center = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²)
    // with z = 1.959963984540054, and matching scipy 1.17 binomtest(k, n).proportion_ci(method="wilson")
    // to 1e-15.
    static let cases: [(successes: Int, trials: Int, low: Double, high: Double)] = [
        (143, 150, 0.9068135276008725, 0.9772134508387381),
        (0, 10, 0.0, 0.2775327998628892),
        (10, 10, 0.7224672001371107, 1.0),
        (7, 20, 0.18119182410108206, 0.5671457233147638),
    ]

    @Test func matchesReferenceValues() {
        for c in Self.cases {
            let interval = WilsonInterval.interval(successes: c.successes, trials: c.trials)
            #expect(interval.count == 2)
            #expect(abs(interval[0] - c.low) < 1e-12 && abs(interval[1] - c.high) < 1e-12, "\(c.successes)/\(c.trials): \(interval)")
        }
    }

    @Test func noTrialsGiveTheWholeRangeAndZWidens() {
        #expect(WilsonInterval.interval(successes: 0, trials: 0) == [0, 1])
        // The formula leaves 1.4e-17 at 0/24; the bound is exactly 0 (and exactly 1 at 24/24).
        #expect(WilsonInterval.interval(successes: 0, trials: 24)[0] == 0)
        #expect(WilsonInterval.interval(successes: 24, trials: 24)[1] == 1)
        #expect(WilsonInterval.interval(successes: 7, trials: 20, z: 0) == [0.35, 0.35])
        let wide = WilsonInterval.interval(successes: 7, trials: 20, z: 2.5758293035489004)
        #expect(wide[0] < 0.18119182410108206 && wide[1] > 0.5671457233147638)
    }

    @Test func intervalsAreInsideTheUnitRangeAndContainTheProportion() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...5000), Gen.double(in: 0...1)) { trials, fraction in
            let successes = Swift.min(trials, Int(fraction * Double(trials)))
            let interval = WilsonInterval.interval(successes: successes, trials: trials)
            let p = Double(successes) / Double(trials)
            #expect(0 <= interval[0] && interval[0] <= p && p <= interval[1] && interval[1] <= 1, "\(successes)/\(trials): \(interval)")
            // Mirror symmetry: k successes and n − k successes give reflected intervals.
            let mirror = WilsonInterval.interval(successes: trials - successes, trials: trials)
            #expect(abs(mirror[0] - (1 - interval[1])) < 1e-12 && abs(mirror[1] - (1 - interval[0])) < 1e-12)
        }
    }
}
