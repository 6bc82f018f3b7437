import Testing
@testable import CVKit

@Suite struct ClassEncodingTests {
    @Test(arguments: [
        (["b", "a", "c"], ["a", "b", "c"]),
        (["10", "2", "1"], ["1", "2", "10"]),
        (["10", "9", "1a"], ["10", "1a", "9"]),  // not all integers: code-point order, consistently
        (["é", "z", "Z", "a"], ["Z", "a", "z", "é"]),
        (["-1", "1", "01"], ["-1", "01", "1"]),
    ])
    func sortsNames(input: [String], sorted: [String]) {
        #expect(ClassEncoding.sorted(input) == sorted)
    }

    @Test func remapsProvisionalCodesToSortedOrder() {
        var encoding = ClassEncoding()
        let provisional = ["virginica", "setosa", "virginica", "versicolor"].map { encoding.code(for: $0) }
        #expect(provisional == [0, 1, 0, 2])
        let (names, remap) = encoding.finish()
        #expect(names == ["setosa", "versicolor", "virginica"])
        #expect(provisional.map { remap[Int($0)] } == [2, 0, 2, 1])
    }
}
