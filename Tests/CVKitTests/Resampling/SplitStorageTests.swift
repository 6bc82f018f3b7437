import Foundation
import Testing
@testable import CVKit

/// K-fold and leave-one-out splits store their test rows only (O(n) for all k splits); their
/// training rows, made on demand, are exactly every other row, and they encode as before.
@Suite struct SplitStorageTests {
    @Test func complementSplitsAreTheExplicitOnes() throws {
        let labels = (0..<103).map { Int32($0 % 3) }
        for split in try KFold(k: 7, seed: 2).splits(labels: labels) + LeaveOneOut().splits(labels: labels) {
            #expect(split.complementRowCount == 103)
            let explicit = Split(repetition: split.repetition, fold: split.fold, train: (0..<103).filter { !split.test.contains($0) }, test: split.test)
            #expect(split == explicit && split.train == explicit.train && split.trainCount == explicit.train.count)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(try encoder.encode(split) == encoder.encode(explicit))
            #expect(try JSONDecoder().decode(Split.self, from: encoder.encode(split)) == split)
        }
        // A validation part carved out of a complement split leaves it out of the training rows.
        var split = Split(repetition: 0, fold: 0, complementOf: [0, 1], rowCount: 6)
        split.validation = [5]
        #expect(split.train == [2, 3, 4])
        split.train = [3]
        #expect(split.train == [3] && split.complementRowCount == nil)
    }
}
