/// Unaligned 8-lane loads and stores over flat buffers, for the elementwise kernels.
///
/// Swift cannot prove that two pointers do not alias, so it rarely vectorizes loops over several
/// buffers by itself; the kernels say it explicitly with `SIMD8`, then finish the tail in scalars.
/// Eight lanes is one AVX register of Float (two of Double).
@inline(__always)
func load8<S: BLASScalar>(_ pointer: UnsafePointer<S>, _ offset: Int) -> SIMD8<S> {
    UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD8<S>.self)
}

@inline(__always)
func load8<S: BLASScalar>(_ pointer: UnsafeMutablePointer<S>, _ offset: Int) -> SIMD8<S> {
    UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD8<S>.self)
}

@inline(__always)
func store8<S: BLASScalar>(_ value: SIMD8<S>, _ pointer: UnsafeMutablePointer<S>, _ offset: Int) {
    UnsafeMutableRawPointer(pointer + offset).storeBytes(of: value, as: SIMD8<S>.self)
}

/// The largest multiple of 8 not above `count`: the SIMD part of a loop.
@inline(__always)
func simdPrefix(_ count: Int) -> Int { count & ~7 }
