import Testing
@testable import CVKit

@Suite struct SHA256Tests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: vectors)
    func fipsVectors(message: String, digest: String) {
        var hasher = SHA256()
        hasher.update(Array(message.utf8))
        #expect(hasher.finalizeHex() == digest)
    }

    @Test func oneMillionAsInUnevenPieces() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var remaining = 1_000_000
        while remaining > 0 {
            let take = min(remaining, piece.count)
            hasher.update(piece[0..<take])
            remaining -= take
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries, fed whole and byte by byte.
    @Test(arguments: [55, 56, 63, 64, 65, 119, 120, 128])
    func paddingBoundariesDoNotDependOnFeeding(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = SHA256()
        whole.update(bytes)
        var pieces = SHA256()
        for byte in bytes { pieces.update([byte]) }
        #expect(whole.finalizeHex() == pieces.finalizeHex())
    }
}

@Suite struct NativeSHA256Tests {
    /// libcrypto's digest and the portable one agree, for every length around the block size and fed in pieces.
    @Test func nativeAndPortableAgree() {
        #if os(Linux)
        #expect(NativeSHA256.isAvailable, "libcrypto not found: hashing falls back to the slower portable code")
        #endif
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 70_001] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length) }
            var native = SHA256()
            var portable = SHA256(portable: true)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + (start * 7) % 333)
                native.update(bytes[start..<end])
                portable.update(bytes[start..<end])
                start = end
            }
            #expect(native.finalizeHex() == portable.finalizeHex(), "\(length) bytes")
        }
    }

    @Test(arguments: SHA256Tests.vectors)
    func portableCodeStillPassesTheVectors(message: String, digest: String) {
        var hasher = SHA256(portable: true)
        hasher.update(Array(message.utf8))
        #expect(hasher.finalizeHex() == digest)
    }
}
