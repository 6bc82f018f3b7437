/// How a cell of the value matrix holds something that is not a number: quiet NaNs with a payload.
///
/// While loading, a number column's cell is a number, `missing` (the canonical quiet NaN, payload 0)
/// or `text(code)` — a NaN whose payload is the code + 1 of a text that is not a number, kept until
/// the column's role is decided. After loading, a categorical column's cell is its category code as
/// a Float (exact below 2²⁴) or `missing`; a numeric column's cell is a number or `missing`.
/// No arithmetic ever runs on these NaNs, so their payloads survive every copy.
enum CellCode {
    static let missingBits: UInt32 = 0x7FC0_0000
    /// The value of a missing cell.
    static let missing = Float(bitPattern: missingBits)
    /// The largest text code a payload holds (22 bits, less the missing value's 0).
    static let maximumTextCode: Int32 = (1 << 22) - 2

    @inline(__always) static func text(_ code: Int32) -> Float { Float(bitPattern: missingBits | UInt32(code + 1)) }

    /// The text code a cell holds, or nil for a number or a missing cell.
    @inline(__always) static func textCode(_ value: Float) -> Int32? {
        let bits = value.bitPattern
        guard bits & 0xFFC0_0000 == missingBits, bits != missingBits else { return nil }
        return Int32(bits & 0x3F_FFFF) - 1
    }

    @inline(__always) static func isMissing(_ value: Float) -> Bool { value.bitPattern == missingBits }
}

/// How a number column's values are stored in Float32 without losing what distinguishes them:
/// `stored = Float((x − shift) · scale)`, computed in Double.
///
/// Chosen from the column's numbers in the file's first 64 data rows (`RowDecoder.encodingRows`, so
/// every way of cutting the file agrees), by their median m, which one outlier cannot move: when
/// |m| ≥ 2²⁰ the values are shifted by m, so timestamps near 1.7e9 keep sub-second steps (Float32
/// alone has a step of 128 there); when the median magnitude of the values is below 2⁻³⁰
/// they are scaled by a power of two that brings it near 1, so 1e-50 is not read as zero. (Median of
/// all magnitudes, zeros included; a subnormal median keeps the identity.) Anything else is stored as it is, which keeps
/// the numbers of ordinary files exactly as before. Statistics and standardization are invariant to
/// this affine map; whatever shows values to a person (`info`, reports) maps them back.
public struct ColumnEncoding: Sendable, Equatable, Codable {
    public var shift: Double
    public var scale: Double

    public static let identity = ColumnEncoding(shift: 0, scale: 1)

    public init(shift: Double, scale: Double) {
        self.shift = shift
        self.scale = scale
    }

    public var isIdentity: Bool { shift == 0 && scale == 1 }

    /// The encoding that the first rows' numbers `values` call for.
    static func choosing(from values: [Double]) -> ColumnEncoding {
        guard let median = Median.of(values) else { return .identity }
        if median.magnitude >= 0x1p20, median.isFinite { return ColumnEncoding(shift: median, scale: 1) }
        // The median magnitude of all values (zeros included: a column of mostly zeros keeps its storage),
        // and only a normal one (a subnormal's power of two would overflow).
        if let magnitude = Median.of(values.map(\.magnitude)), magnitude > 0, magnitude < 0x1p-30, magnitude.isNormal {
            return ColumnEncoding(shift: 0, scale: Double(sign: .plus, exponent: -magnitude.exponent, significand: 1))
        }
        return .identity
    }

    /// The stored value of `x` (not finite when `x` lies too far from the first row's value).
    @inline(__always) func store(_ x: Double) -> Float { Float((x - shift) * scale) }

    /// The value a stored number stands for.
    @inline(__always) public func value(_ stored: Float) -> Double { Double(stored) / scale + shift }
}
