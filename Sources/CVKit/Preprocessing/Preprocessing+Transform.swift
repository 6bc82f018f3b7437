extension Preprocessing {
    /// The preprocessed `rows` of `dataset`, gathered into one contiguous row-major array of
    /// `rows.count × width` Floats.
    public func transform(_ dataset: Dataset, rows: [Int]) -> [Float] {
        precondition(rows.allSatisfy { $0 >= 0 && $0 < dataset.rowCount }, "rows outside the dataset")
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
                    let missing = CellCode.isMissing(cell)
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
                    let output = CellCode.isMissing(cell) ? s.missingOutput : s.outputs[Int(cell)]
                    if output >= 0 { target[Int(output)] = 1 }
                    target += blockWidth
                }
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
                if !CellCode.isMissing(cell), s.outputs[Int(cell)] < 0 { count += 1 }
            }
            counts[s.name] = count
        }
        return counts
    }
}
