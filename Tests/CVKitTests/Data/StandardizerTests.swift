import Testing
@testable import CVKit

@Suite struct StandardizerTests {
    @Test func populationStatisticsAndConstantColumns() throws {
        let data = try CSVLoader.load(text: "a,b,label\n1,5,x\n3,5,y\n")
        let scaler = Standardizer.fit(data, rows: [0, 1])
        #expect(scaler.mean == [2, 5] && scaler.sd == [1, 1])
        #expect(scaler.transform(data, rows: [1, 0]) == [1, 0, -1, 0])
    }

    /// The leakage rule: test rows that are extreme outliers change nothing on the training side.
    @Test func testRowsNeverReachTheTrainingStatistics() throws {
        let clean = "a,b,label\n" + (0..<20).map { "\($0),\($0 % 3),c\($0 % 2)" }.joined(separator: "\n") + "\n"
        let withOutliers = clean + "1e30,-1e30,c0\n9e29,7e29,c1\n"
        let a = try CSVLoader.load(text: clean), b = try CSVLoader.load(text: withOutliers)
        let train = Array(0..<20)
        let fitA = Standardizer.fit(a, rows: train), fitB = Standardizer.fit(b, rows: train)
        #expect(fitA == fitB)
        #expect(fitA.transform(a, rows: train) == fitB.transform(b, rows: train))
        #expect(Standardizer.fit(b, rows: Array(0..<22)) != fitA)
    }
}
