import Testing
@testable import CVKit

@Suite struct FeatureStatisticsTests {
    @Test func sampleStatisticsPerFeature() throws {
        let data = try CSVLoader.load(text: "a,b,label\n1,10,x\n2,10,y\n3,10,x\n6,10,y\n")
        let stats = FeatureStatistics.of(data)
        #expect(stats[0].min == 1 && stats[0].max == 6 && stats[0].mean == 3)
        // Sample variance: ((-2)² + (-1)² + 0² + 3²) / 3 = 14 / 3.
        #expect(abs(stats[0].sd - (14.0 / 3).squareRoot()) < 1e-12)
        #expect(stats[1].sd == 0)
        let subset = FeatureStatistics.of(data, rows: [0, 2])
        #expect(subset[0].mean == 2 && subset[0].max == 3)
    }

    @Test func accurateForLargeOffsets() throws {
        let rows = (0..<1000).map { "\(100_000 + ($0 % 2 == 0 ? 1 : -1)).0,\($0 % 2)" }.joined(separator: "\n")
        let data = try CSVLoader.load(text: "a,label\n" + rows)
        let sd = FeatureStatistics.of(data)[0].sd
        #expect(abs(sd - (1000.0 / 999).squareRoot()) < 1e-9)
    }
}
