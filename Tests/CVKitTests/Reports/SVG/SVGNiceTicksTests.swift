import Foundation
import Testing
@testable import CVKit

@Suite struct SVGNiceTicksTests {
    @Test func roundStepsCoverTheData() {
        let ticks = NiceTicks(lower: 0.13, upper: 0.87)
        #expect(ticks.step == 0.1)
        #expect(abs(ticks.lower - 0.1) < 1e-12 && abs(ticks.upper - 0.9) < 1e-12)
        #expect(ticks.labels == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
    }

    @Test func labelsUseTheDecimalsOfTheStep() {
        #expect(NiceTicks(lower: 0.8, upper: 1).labels == ["0.80", "0.85", "0.90", "0.95", "1.00"])
        #expect(NiceTicks(lower: 0, upper: 230).labels == ["0", "50", "100", "150", "200", "250"])
    }

    @Test(arguments: [[0.5, 0.5, 0.5], [0.0], [-3.0], [], [Double.nan, .infinity], [Double.leastNonzeroMagnitude, .leastNonzeroMagnitude]])
    func degenerateDataStillGivesAnAxisWithSpan(_ data: [Double]) {
        let ticks = NiceTicks(covering: data)
        #expect(ticks.lower < ticks.upper)
        #expect(ticks.lower.isFinite && ticks.upper.isFinite)
        #expect(ticks.values.count >= 2)
        for value in data where value.isFinite { #expect(ticks.lower <= value && value <= ticks.upper) }
        #expect(!ticks.labels.contains { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") })
    }

    @Test func integerTicksForEpochs() {
        let one = NiceTicks(covering: [1], integer: true, expand: false)
        #expect(one.values == [1])
        #expect(one.lower < 1 && one.upper > 1)
        let many = NiceTicks(covering: [1, 100], integer: true, expand: false)
        #expect(many.lower == 1 && many.upper == 100)
        #expect(many.values == [20, 40, 60, 80, 100])
        #expect(NiceTicks(covering: [1, 2, 3], integer: true, expand: false).values == [1, 2, 3])
    }

    @Test func logTicksAtEveryPowerOfTenOverTheData() {
        let ticks = LogTicks(covering: [1e-5, 3e-4, 0.02, 1])
        #expect(ticks.lowerExponent == -5 && ticks.upperExponent == 0)
        #expect(ticks.exponents == [-5, -4, -3, -2, -1, 0])
        #expect(ticks.exponents.map(LogTicks.label) == ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
    }

    @Test func logTicksRoundOutwardsAndSkipNonPositive() {
        let ticks = LogTicks(covering: [0.003, 0.04, 0, -1, .nan])
        #expect(ticks.lowerExponent == -3 && ticks.upperExponent == -1)
        let single = LogTicks(covering: [1e-3])
        #expect(single.exponents == [-4, -3, -2])
        #expect(LogTicks(covering: []).exponents == [0, 1])
        #expect(LogTicks.label(12) == "10¹²")
    }

    @Test func logTicksThinOutOverManyDecades() {
        let ticks = LogTicks(covering: [1e-20, 1e20])
        #expect(ticks.exponents.count <= 9)
        #expect(ticks.exponents.first == -20)
        #expect(Set(zip(ticks.exponents, ticks.exponents.dropFirst()).map { $1 - $0 }).count == 1)
    }
}
