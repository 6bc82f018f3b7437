/// One train/test partition of a data set's rows, as sorted row indices.
///
/// Like the `(train_index, test_index)` pairs of scikit-learn's splitters; `validation` is empty
/// except for holdout splits. `repetition` and `fold` are 0-based and name the split in reports.
public struct Split: Sendable, Equatable, Codable {
    public var repetition: Int
    public var fold: Int
    public var train: [Int]
    public var validation: [Int]
    public var test: [Int]

    public init(repetition: Int, fold: Int, train: [Int], validation: [Int] = [], test: [Int]) {
        self.repetition = repetition
        self.fold = fold
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// The splits of one repetition from a fold id per row: fold `f`'s rows are its test part, the rest train.
    static func fromAssignment(_ folds: [Int], foldCount: Int, repetition: Int) -> [Split] {
        var tests = [[Int]](repeating: [], count: foldCount)
        for (row, fold) in folds.enumerated() { tests[fold].append(row) }
        return tests.enumerated().map { fold, test in
            var train: [Int] = []
            train.reserveCapacity(folds.count - test.count)
            for (row, assigned) in folds.enumerated() where assigned != fold { train.append(row) }
            return Split(repetition: repetition, fold: fold, train: train, test: test)
        }
    }
}
