import Testing
@testable import CVKit

@Suite struct CorrectedTTestTests {
    // Ten-fold differences, n_test / n_train = 1/9. Worked in Python (numpy, scipy 1.17):
    //   mean = 0.017, s² = d.var(ddof=1) = 0.000223333…,
    //   corrected t = 0.017 / √((1/10 + 1/9) · s²) = 2.4758059460471302, p = 2·t.sf(t, 9) = 0.035233052530102026,
    //   naive t = 0.017 / √(s²/10) = 3.5972626408788506, p = 0.005772929338081447
    //   (scipy.stats.ttest_1samp(d, 0): t = 3.5972626408788515, p = 0.005772929338081439).
    static let differences = [0.02, 0.01, 0.03, -0.01, 0.02, 0.04, 0.00, 0.01, 0.03, 0.02]

    @Test func matchesWorkedExample() {
        let test = CorrectedTTest(differences: Self.differences, testToTrainRatio: 1.0 / 9)
        #expect(abs(test.meanDifference - 0.017) < 1e-15)
        #expect(abs(test.correctedT - 2.4758059460471302) < 1e-12)
        #expect(abs(test.pValue - 0.035233052530102026) < 1e-12)
        #expect(abs(test.naiveT - 3.5972626408788506) < 1e-12)
        #expect(abs(test.naivePValue - 0.005772929338081447) < 1e-12)
    }

    @Test func correctionOnlyWidensAndSignFollowsTheMean() {
        let a = CorrectedTTest(differences: Self.differences, testToTrainRatio: 1.0 / 9)
        let b = CorrectedTTest(differences: Self.differences.map { -$0 }, testToTrainRatio: 1.0 / 9)
        #expect(b.correctedT == -a.correctedT && b.pValue == a.pValue && b.naiveT == -a.naiveT)
        // Ratio 0 removes the correction: the corrected test is the naive one.
        let plain = CorrectedTTest(differences: Self.differences, testToTrainRatio: 0)
        #expect(abs(plain.correctedT - plain.naiveT) < 1e-12 && abs(plain.pValue - plain.naivePValue) < 1e-12)
        #expect(a.pValue > a.naivePValue)
        // corrected t = naive t · √((1/J) / (1/J + ratio)).
        #expect(abs(a.correctedT - a.naiveT * (0.1 / (0.1 + 1.0 / 9)).squareRoot()) < 1e-12)
    }

    @Test func zeroVarianceConventions() {
        let none = CorrectedTTest(differences: [0, 0, 0, 0], testToTrainRatio: 0.25)
        #expect(none == CorrectedTTest(differences: [0, 0, 0, 0], testToTrainRatio: 0.1))
        #expect(none.meanDifference == 0 && none.correctedT == 0 && none.pValue == 1 && none.naiveT == 0 && none.naivePValue == 1)
        // 0.1 three times: its rounded mean is not exactly 0.1, but the spread must still be 0.
        let better = CorrectedTTest(differences: [0.1, 0.1, 0.1], testToTrainRatio: 0.5)
        #expect(better.meanDifference == 0.1)
        #expect(better.correctedT == .infinity && better.pValue == 0 && better.naiveT == .infinity && better.naivePValue == 0)
        let worse = CorrectedTTest(differences: [-0.2, -0.2], testToTrainRatio: 1)
        #expect(worse.correctedT == -.infinity && worse.pValue == 0)
    }

    @Test func zeroMeanWithSpreadIsNotSignificant() {
        let test = CorrectedTTest(differences: [0.01, -0.01, 0.02, -0.02], testToTrainRatio: 1.0 / 3)
        #expect(test.correctedT == 0 && test.pValue == 1 && test.naivePValue == 1)
    }
}
