import Testing
@testable import CVKit

@Suite struct MemoryEstimateTests {
    /// A task's rows: 24 bytes a training row, 16 + 4 × classes a test row, one 1,024-row chunk.
    @Test func taskRowBytesCountsTheRowsATaskHolds() {
        let expected: Double = 21_600_000 + 2_800_000 + 204_800   // 900,000 × 24 + 100,000 × (16 + 4 × 3) + 1,024 × 50 × 4
        #expect(MemoryEstimate.taskRowBytes(trainRows: 900_000, testRows: 100_000, classes: 3, inputs: 50) == expected)
        #expect(MemoryEstimate.taskRowBytes(trainRows: 0, testRows: 0, classes: 2, inputs: 1) == 4096)
    }

    /// The rows count towards the tasks that fit side by side: with each task's rows at 60 % of the
    /// available memory, two cannot run at once, one can.
    @Test func rowBytesLowerTheTasksThatFit() throws {
        let available = 8e9
        let config = NetworkConfig(inputs: 50, classes: 3, hidden: [8])
        #expect(try MemoryEstimate.tasksThatFit(config, batch: 64, tasks: 2, available: available) == 2)
        #expect(try MemoryEstimate.tasksThatFit(config, batch: 64, tasks: 2, rowBytes: available * 0.6, available: available) == 1)
        #expect(try MemoryEstimate.tasksThatFit(config, batch: 64, tasks: 4, rowBytes: available * 0.3, available: available) == 3)
        // Unknown available memory: nothing is lowered.
        #expect(try MemoryEstimate.tasksThatFit(config, batch: 64, tasks: 4, rowBytes: 1e12, available: nil) == 4)
    }

    /// A network that cannot fit is refused before anything is allocated, with the estimate.
    @Test func anImpossibleNetworkIsRefusedWithItsEstimate() {
        let config = NetworkConfig(inputs: 10, classes: 2, hidden: [100_000, 100_000])
        #expect { try MemoryEstimate.check(config, batch: 64) } throws: { error in
            guard case let .invalidArgument(message)? = error as? CVKitError else { return false }
            return message.contains("GB") && message.contains("--hidden")
        }
    }
}
