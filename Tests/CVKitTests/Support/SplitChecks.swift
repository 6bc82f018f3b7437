@testable import CVKit

/// Shared assertions about a list of splits.
enum SplitChecks {
    /// For each repetition: every row is in exactly one test part, and train ∪ test = all rows.
    static func partitionProblem(_ splits: [Split], rowCount: Int) -> String? {
        for split in splits {
            if let problem = split.invariantViolation(rowCount: rowCount) { return "split \(split.repetition)/\(split.fold): \(problem)" }
            if split.train.count + split.test.count + split.validation.count != rowCount {
                return "split \(split.repetition)/\(split.fold): train ∪ test does not cover all rows"
            }
        }
        for repetition in Set(splits.map(\.repetition)) {
            var seen = [Int](repeating: 0, count: rowCount)
            for split in splits where split.repetition == repetition { for row in split.test { seen[row] += 1 } }
            if let row = seen.firstIndex(where: { $0 != 1 }) { return "repetition \(repetition): row \(row) is tested \(seen[row]) times" }
        }
        return nil
    }

    /// Labels drawn with random class sizes: `classes` classes over `rows` rows (each class ≥ 1 row).
    static func labels(rows: Int, classes: Int, seed: UInt64) -> [Int32] {
        var random = RandomSource(seed: seed)
        var labels = (0..<rows).map { Int32($0 < classes ? $0 : random.nextInt(below: classes)) }
        random.shuffle(&labels)
        return labels
    }
}
