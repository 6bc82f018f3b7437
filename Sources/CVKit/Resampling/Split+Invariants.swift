extension Split {
    /// What is wrong with this split for a data set of `rowCount` rows, or nil when nothing is:
    /// indices in range, sorted, without duplicates; train, validation and test pairwise disjoint;
    /// train and test non-empty. Tests call it on every split they make.
    public func invariantViolation(rowCount: Int) -> String? {
        for (name, part) in [("train", train), ("validation", validation), ("test", test)] {
            if let bad = part.first(where: { $0 < 0 || $0 >= rowCount }) { return "\(name) index \(bad) outside 0..<\(rowCount)" }
            if zip(part, part.dropFirst()).contains(where: { $0 >= $1 }) { return "\(name) indices not strictly increasing" }
        }
        if train.isEmpty { return "empty training part" }
        if test.isEmpty { return "empty test part" }
        let trainSet = Set(train)
        if test.contains(where: trainSet.contains) { return "a row is in both train and test" }
        if validation.contains(where: trainSet.contains) { return "a row is in both train and validation" }
        let testSet = Set(test)
        if validation.contains(where: testSet.contains) { return "a row is in both validation and test" }
        return nil
    }
}
