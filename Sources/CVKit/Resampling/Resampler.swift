/// A way to split rows into train and test parts: a pure function of (labels, groups, seed).
///
/// As scikit-learn's `split(X, y, groups)`, but without state: calling `splits` twice gives the
/// same splits, and a resampler knows nothing of models. `labels` are class codes, one per row;
/// `groups` are group codes, one per row, or empty.
public protocol Resampler: Sendable {
    /// The seed of every random choice; nested resampling derives inner seeds from it.
    var seed: UInt64 { get set }
    /// The splits, in order (repetition, then fold). Throws `invalidArgument` for impossible settings.
    func splits(labels: [Int32], groups: [Int32]) throws -> [Split]
    /// Things the user should know that do not stop the run (e.g. a class smaller than k); a
    /// class is named by `classNames[code]` when given, else by its code.
    func warnings(labels: [Int32], groups: [Int32], classNames: [String]) -> [String]
}

extension Resampler {
    public func warnings(labels: [Int32], groups: [Int32], classNames: [String]) -> [String] { [] }
    public func warnings(labels: [Int32], groups: [Int32]) -> [String] { warnings(labels: labels, groups: groups, classNames: []) }
}
