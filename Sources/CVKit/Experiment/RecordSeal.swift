import Foundation

/// The digest that makes a stored task result tamper-evident: SHA-256 over a fixed prefix, the
/// run's settings hash and data SHA-256 (from the journal header), and the result's canonical JSON
/// (`Journal.encoder()`: sorted keys, compact). Every journal line and every scale-out task result
/// carries it; `--resume` re-runs a task whose record fails it, `merge` refuses the file.
///
/// What it protects against: accidents and casual edits — a number changed by hand, a line pasted
/// from another run or another data file, a duplicated or truncated record, a disk that flipped a
/// bit. What it does not: someone who edits a record and recomputes the digest (the recipe is here,
/// and there is no secret key); a journal is not a signature.
public enum RecordSeal {
    /// 64 lowercase hex digits.
    public static func digest(_ json: Data, header: Journal.Header) -> String {
        var hasher = SHA256()
        hasher.update(Array("cvkit-record-v1\n\(header.settingsHash)\n\(header.dataSHA256)\n".utf8))
        hasher.update(json)
        return hasher.finalizeHex()
    }

    /// `result` as its canonical JSON and digest.
    public static func seal(_ result: TaskResult, header: Journal.Header) throws -> (json: Data, digest: String) {
        let json = try Journal.encoder().encode(result)
        return (json, digest(json, header: header))
    }
}
