import Foundation

/// Reads the PyTorch reference fixtures (`Tests/CVKitTests/Fixtures/*.json`, copied from the
/// project's shared checks so the suite runs anywhere).
struct Reference {
    let object: [String: Any]

    init(_ name: String) throws {
        let path = ProjectFiles.root + "/Tests/CVKitTests/Fixtures/\(name).json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// A number, a vector or a matrix, flattened row-major.
    func values(_ key: String) -> [Double] {
        func flatten(_ value: Any) -> [Double] {
            if let number = value as? NSNumber { return [number.doubleValue] }
            if let list = value as? [Any] { return list.flatMap(flatten) }
            return []
        }
        return object[key].map(flatten) ?? []
    }

    func scalar(_ key: String) -> Double { values(key).first ?? .nan }
}

/// Largest absolute difference, for reporting.
func maxAbsoluteDifference<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(_ a: [A], _ b: [B]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 0
}
