extension Metrics {
    /// The mean over classes of recall, over the classes that occur in `truth`: scikit-learn's
    /// `balanced_accuracy_score(adjusted=False)`. 1/C for a model that predicts one class; 0 for no rows.
    public static func balancedAccuracy(truth: [Int32], predicted: [Int32], classCount: Int) -> Double {
        precondition(truth.count == predicted.count, "truth and predicted differ in length")
        var support = [Int](repeating: 0, count: classCount), hits = [Int](repeating: 0, count: classCount)
        for (t, p) in zip(truth, predicted) {
            support[Int(t)] += 1
            if t == p { hits[Int(t)] += 1 }
        }
        let recalls = (0..<classCount).filter { support[$0] > 0 }.map { Double(hits[$0]) / Double(support[$0]) }
        return recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
    }
}
