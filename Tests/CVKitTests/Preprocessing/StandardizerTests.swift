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

    /// The vectorized fit and transform (CKernels) equal the two-pass Double formulas written out
    /// here, bit for bit, for widths around the vector length and rows in shuffled order.
    @Test(arguments: [1, 7, 8, 13, 100])
    func vectorizedKernelsMatchTheFormulas(width: Int) {
        var random = RandomSource(seed: UInt64(width))
        let rowCount = 57
        let features = (0..<rowCount * width).map { _ in Float(random.nextGaussian() * 1e3 + 5) }
        let data = Dataset(source: .init(path: "x.csv", sha256: "", byteCount: 0), featureNames: (0..<width).map { "f\($0)" },
                           labelName: "y", classNames: ["a"], features: features, labels: [Int32](repeating: 0, count: rowCount))
        var rows = Array(0..<rowCount).filter { $0 % 5 != 0 }
        random.shuffle(&rows)
        var mean = [Double](repeating: 0, count: width), squares = mean
        for row in rows { for j in 0..<width { mean[j] += Double(features[row * width + j]) } }
        for j in 0..<width { mean[j] /= Double(rows.count) }
        for row in rows {
            for j in 0..<width {
                let d = Double(features[row * width + j]) - mean[j]
                squares[j] += d * d
            }
        }
        let sd = squares.map { ($0 / Double(rows.count)).squareRoot() }
        let scaler = Standardizer.fit(data, rows: rows)
        #expect(scaler.mean == mean && scaler.sd == sd)
        let test = [3, 0, 56, 3]
        var expected: [Float] = []
        for row in test {
            for j in 0..<width {
                let centered = Double(features[row * width + j]) - mean[j]
                expected.append(Float(centered * (1 / sd[j])))
            }
        }
        #expect(scaler.transform(data, rows: test) == expected)
        #expect(scaler.transform(data, rows: []) == [])
    }
}
