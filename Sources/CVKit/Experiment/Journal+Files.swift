import Foundation

/// Journals as whole files, for scale-out: a plan captures a run's header, and `merge` writes a
/// finished journal (header plus every result from the task files) that the local `--resume`
/// path then turns into the report — the same code, so the same bytes.
extension Journal {
    /// The encoder of journal lines: sorted keys, compact, non-finite numbers as strings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        return encoder
    }

    /// The matching decoder.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// The header (first line) of `folder/journal.jsonl`.
    public static func readHeader(folder: String) throws -> Header {
        let path = folder + "/journal.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CVKitError.unreadableInput(path: path, reason: "no journal here")
        }
        guard let line = data.split(separator: 0x0A).first, let header = try? decoder().decode(Header.self, from: Data(line)) else {
            throw CVKitError.badData(location: nil, message: "\(path): not a cvkit journal")
        }
        return header
    }

    /// Writes `folder/journal.jsonl` whole (temporary name, fsync, rename): the header, then one
    /// line per result in the order given.
    public static func save(folder: String, header: Header, results: [TaskResult]) throws {
        let encoder = encoder()
        var data = try encoder.encode(header)
        data.append(0x0A)
        for result in results {
            data.append(try sealedLine(result, header: header))
            data.append(0x0A)
        }
        try AtomicFile.write(data, to: folder + "/journal.jsonl")
    }
}
