import Testing
@testable import CVKit

@Suite struct NumberTextTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (10435, "10,435"), (1_234_567, "1,234,567"), (-17418, "-17,418")])
    func groupsThousands(value: Int, text: String) {
        #expect(NumberText.grouped(value) == text)
    }
}
