/// Label strings to class codes, in a stable sorted order.
///
/// Codes follow the sorted class names, as scikit-learn's `LabelEncoder` does, so that `classes`,
/// the confusion matrix and every per-class table list classes in one order. Sorting: when every
/// name is a decimal integer (`0`…`9`, `-1`, `10`), by numeric value, so `2` comes before `10`;
/// otherwise by Unicode code point (byte order of UTF-8), which is locale-free and matches numpy.
struct ClassEncoding {
    private var codes: [String: Int32] = [:]
    private(set) var namesInFirstSeenOrder: [String] = []

    /// The provisional code of `name` (first-seen order); `finish()` maps it to the sorted code.
    mutating func code(for name: String) -> Int32 {
        if let code = codes[name] { return code }
        let code = Int32(namesInFirstSeenOrder.count)
        codes[name] = code
        namesInFirstSeenOrder.append(name)
        return code
    }

    /// Sorted names and the map from provisional to final codes.
    func finish() -> (names: [String], remap: [Int32]) {
        let names = namesInFirstSeenOrder
        let sorted = ClassEncoding.sorted(names)
        let position = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
        var remap = [Int32](repeating: 0, count: names.count)
        for (provisional, name) in names.enumerated() { remap[provisional] = position[name] ?? 0 }
        return (sorted, remap)
    }

    /// Names in cvkit's class order (see the type's documentation).
    static func sorted(_ names: [String]) -> [String] {
        let integers = names.compactMap { name in Int(name).map { (value: $0, name: name) } }
        if integers.count == names.count {
            // Equal values written differently ("1", "01") fall back to byte order.
            return integers.sorted {
                $0.value != $1.value ? $0.value < $1.value : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
            }.map(\.name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
