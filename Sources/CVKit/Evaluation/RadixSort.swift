/// Sorting floating-point numbers by their bits: a least-significant-digit radix sort on
/// order-preserving keys (64-bit for Double, 32-bit for Float), 8 bits a pass, a pass skipped when
/// every key has the same digit there (probabilities in [0, 1] share their top bytes). O(n),
/// branch-free per element, in place with one scratch buffer of the same size: the ranking metrics
/// and curves sort a score column per class, per fold and pooled — comparison sorts of those
/// columns took a fifth of a short synthetic run, and a million-row column's copies were the peak of
/// a run's memory.
enum RadixSort {
    /// `values` sorted from the highest down, as `values.sorted(by: >)` would order them, except
    /// that −0.0 sorts just below +0.0 and NaNs go to the ends (by their sign bit) instead of
    /// anywhere. Sorts the array it is given (no copy when the caller passes its last reference).
    static func descending(_ values: consuming [Double]) -> [Double] {
        var values = values
        values.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt64.self) { sortBitsDescending($0) }
        }
        return values
    }

    /// `descending` for Float: the same order and the same ties as the Doubles converted from
    /// them (the conversion is exact and monotonic), on keys half the size.
    static func descending(_ values: consuming [Float]) -> [Float] {
        var values = values
        values.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { sortBitsDescending($0) }
        }
        return values
    }

    /// IEEE 754 bit patterns sorted as the numbers they encode, from the highest down.
    private static func sortBitsDescending<Key: FixedWidthInteger & UnsignedInteger>(_ bits: UnsafeMutableBufferPointer<Key>) {
        let n = bits.count
        guard n > 1 else { return }
        let sign: Key = 1 << (Key.bitWidth - 1)
        // Order-preserving keys: a negative number's bits flipped, a positive number's sign bit set.
        for i in 0..<n { bits[i] = bits[i] & sign != 0 ? ~bits[i] : bits[i] | sign }
        let scratch = UnsafeMutableBufferPointer<Key>.allocate(capacity: n)
        defer { scratch.deallocate() }
        var source = bits, target = scratch
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: Key.bitWidth, by: 8) {
            for i in 0..<256 { counts[i] = 0 }
            for key in source { counts[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
            if counts.contains(n) { continue }   // one digit for all: this pass would not move anything
            // Descending: the highest digit's bucket first.
            var start = 0
            for digit in stride(from: 255, through: 0, by: -1) {
                let size = counts[digit]
                counts[digit] = start
                start += size
            }
            for key in source {
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
                target[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != bits.baseAddress { _ = bits.update(fromContentsOf: source) }
        for i in 0..<n { bits[i] = bits[i] & sign != 0 ? bits[i] & ~sign : ~bits[i] }
    }
}
