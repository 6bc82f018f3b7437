/// Nested resampling: every outer training part is split again by an inner resampler.
///
/// Inner splits are expressed in the data set's row indices (each a subset of its outer training
/// part), so they can be used directly. The inner resampler of outer split `i` is seeded with
/// `RandomSource.derive(inner.seed, [i])`: inner folds differ between outer folds, reproducibly.
public struct NestedSplit: Sendable, Equatable {
    public var outer: Split
    public var inner: [Split]
}

public enum NestedSplits {
    public static func make(outer: any Resampler, inner: any Resampler, labels: [Int32], groups: [Int32] = []) throws -> [NestedSplit] {
        try outer.splits(labels: labels, groups: groups).enumerated().map { index, split in
            var innerResampler = inner
            innerResampler.seed = RandomSource.derive(inner.seed, [UInt64(index)])
            let rows = split.train
            let innerLabels = rows.map { labels[$0] }
            let innerGroups = groups.isEmpty ? [] : rows.map { groups[$0] }
            let innerSplits = try innerResampler.splits(labels: innerLabels, groups: innerGroups).map { local in
                Split(
                    repetition: local.repetition, fold: local.fold, train: local.train.map { rows[$0] },
                    validation: local.validation.map { rows[$0] }, test: local.test.map { rows[$0] })
            }
            return NestedSplit(outer: split, inner: innerSplits)
        }
    }
}
