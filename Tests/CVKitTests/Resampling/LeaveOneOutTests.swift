import Testing
@testable import CVKit

@Suite struct LeaveOneOutTests {
    @Test func eachRowIsTestedAloneOnce() throws {
        let labels: [Int32] = [0, 1, 0, 1, 1]
        let splits = try LeaveOneOut().splits(labels: labels)
        #expect(splits.map(\.test) == [[0], [1], [2], [3], [4]])
        #expect(splits[2].train == [0, 1, 3, 4])
        #expect(SplitChecks.partitionProblem(splits, rowCount: 5) == nil)
    }

    @Test func needsTwoRows() {
        #expect { try LeaveOneOut().splits(labels: [0]) } throws: { ($0 as? CVKitError)?.kind == .invalidArgument }
    }
}
