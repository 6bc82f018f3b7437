import Foundation

/// The system's SHA-256 (OpenSSL's libcrypto, loaded at run time on Linux), used by `SHA256` when present.
///
/// Why: the data file's hash is one sequential stream, so its speed bounds loading speed. The portable
/// code in `SHA256` runs at ~165 MB/s here (as coreutils' `sha256sum` does); libcrypto uses the CPU's SHA
/// instructions (~1 GB/s). Loaded with `dlopen` rather than linked so that cvkit needs no OpenSSL headers
/// or link flags and still runs, with the portable code, where libcrypto is absent. Same digest either way
/// (checked against each other and the FIPS vectors in the tests).
///
/// The context is OpenSSL's `SHA256_CTX` (28 `UInt32`s in OpenSSL 1.1 and 3), held in an array with room
/// to spare, so the hasher keeps value semantics: copying it copies the context.
struct NativeSHA256: Sendable {
    private var context: [UInt32]

    /// A fresh hasher, or nil when the system has no usable libcrypto.
    init?() {
        guard let functions = NativeSHA256.functions else { return nil }
        var context = [UInt32](repeating: 0, count: 64)
        let status = context.withUnsafeMutableBytes { functions.initialize($0.baseAddress) }
        guard status == 1 else { return nil }
        self.context = context
    }

    /// Whether libcrypto was found (for tests and diagnostics).
    static var isAvailable: Bool { functions != nil }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let functions = NativeSHA256.functions, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = context.withUnsafeMutableBytes { functions.update($0.baseAddress, base, bytes.count) }
    }

    /// The 32-byte digest; the hasher is spent afterwards.
    mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        guard let functions = NativeSHA256.functions else { return digest }
        context.withUnsafeMutableBytes { state in
            digest.withUnsafeMutableBytes { _ = functions.finish($0.baseAddress, state.baseAddress) }
        }
        return digest
    }

    private struct Functions: @unchecked Sendable {
        let initialize: @convention(c) (UnsafeMutableRawPointer?) -> Int32
        let update: @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32
        let finish: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int32
    }

    /// `SHA256_Init`, `SHA256_Update` and `SHA256_Final`, looked up once; nil when not found.
    private static let functions: Functions? = {
        #if os(Linux)
        let names = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"]
        for name in names {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let initialize = dlsym(library, "SHA256_Init"), let update = dlsym(library, "SHA256_Update"),
                  let finish = dlsym(library, "SHA256_Final")
            else {
                dlclose(library)
                continue
            }
            // The library stays loaded for the life of the process.
            return Functions(
                initialize: unsafeBitCast(initialize, to: (@convention(c) (UnsafeMutableRawPointer?) -> Int32).self),
                update: unsafeBitCast(update, to: (@convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32).self),
                finish: unsafeBitCast(finish, to: (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int32).self))
        }
        #endif
        return nil
    }()
}
