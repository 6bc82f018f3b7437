extension Preprocessing {
    /// The preprocessed `rows` of `dataset`, gathered into one contiguous row-major array of
    /// `rows.count × width` Floats.
    public func transform(_ dataset: Dataset, rows: [Int]) -> [Float] {
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
        precondition(fits(dataset), "a preprocessing fitted on other columns than the data set's")
        if let standardizer { return standardizer.transform(dataset, rows: rows) }
        let width = self.width
        return [Float](unsafeUninitializedCapacity: rows.count * width) { out, initialized in
            dataset.features.withUnsafeBufferPointer { x in
                rows.withUnsafeBufferPointer { r in
                    if let x = x.baseAddress, let r = r.baseAddress, let out = out.baseAddress {
                        gather(x, inputWidth: dataset.featureCount, rows: r, count: rows.count, into: out)
                    }
                }
            }
            initialized = rows.count * width
        }
    }

    /// Writes the preprocessed rows `rows[0..<count]` of the value matrix `x` (`inputWidth` cells per
    /// row) to `out`, `width` Floats per row. Allocates nothing: the trainer calls it per mini-batch.
    func gather(_ x: UnsafePointer<Float>, inputWidth: Int, rows: UnsafePointer<Int>, count: Int, into out: UnsafeMutablePointer<Float>) {
        let width = self.width
        for i in 0..<count {
            let row = x + rows[i] * inputWidth
            var target = out + i * width
            for step in steps {
                switch step {
                case .numeric(let s):
                    let cell = row[s.column]
                    let missing = cell.isNaN
                    let value = missing ? (s.fill ?? 0) : Double(cell)
                    target[0] = Float((value - s.mean) * s.scale)
                    if let indicator = s.indicator {
                        target[1] = Float(((missing ? 1 : 0) - indicator[0]) * indicator[1])
                        target += 2
                    } else {
                        target += 1
                    }
                case .categorical(let s):
                    let blockWidth = s.names.count
                    for j in 0..<blockWidth { target[j] = 0 }
                    let cell = row[s.column]
                    let output = Preprocessing.code(cell, count: s.outputs.count).map { s.outputs[$0] } ?? s.missingOutput
                    if output >= 0 { target[Int(output)] = 1 }
                    target += blockWidth
                }
            }
        }
    }

    /// Whether the steps read columns that `dataset` has, of the kinds they were fitted on.
    public func fits(_ dataset: Dataset) -> Bool {
        steps.allSatisfy { step in
            switch step {
            case .numeric(let s): s.column < dataset.featureCount && dataset.featureColumns[s.column].role == .numeric
            case .categorical(let s): s.column < dataset.featureCount && s.outputs.count == dataset.featureColumns[s.column].categories.count
            }
        }
    }

    /// Per categorical step: rows of `rows` whose category the training part never saw (encoded as zeros).
    public func unseenCounts(_ dataset: Dataset, rows: [Int]) -> [String: Int] {
        var counts: [String: Int] = [:]
        let width = dataset.featureCount
        for step in steps {
            guard case .categorical(let s) = step, !s.unseen.isEmpty else { continue }
            var count = 0
            for row in rows {
                let cell = dataset.features[row * width + s.column]
                if let code = Preprocessing.code(cell, count: s.outputs.count), s.outputs[code] < 0 { count += 1 }
            }
            counts[s.name] = count
        }
        return counts
    }
}
