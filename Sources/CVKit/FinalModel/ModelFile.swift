import Foundation

/// A trained model as one file (`docs/model-format.md`): a fixed magic line, the header's length,
/// the JSON header (schema, preprocessing, classes, network and training specification), the
/// parameters and BatchNorm running statistics as little-endian Float32 in the network's flat
/// buffer order, and the SHA-256 of everything before it (64 hex digits).
///
/// Loading refuses, with `CVKitError.badData` (exit 65) and a sentence, a file that is not a model,
/// is truncated or damaged (checksum), or has a newer format version.
public struct ModelFile: Sendable, Equatable {
    public static let magic = Array("CVKIT-MODEL\n".utf8)
    /// The trailer: the SHA-256 of every byte before it, as 64 lowercase hex digits.
    public static let checksumLength = 64
    /// The format this cvkit writes and the newest it reads.
    public static let formatVersion = 1

    public struct Header: Sendable, Equatable, Codable {
        public var format: String
        public var formatVersion: Int
        public var cvkitVersion: String
        /// The training data: path as given, SHA-256, rows.
        public var dataPath: String
        public var dataSHA256: String
        public var rows: Int
        public var seed: UInt64
        public var labelName: String
        /// Class names in code order (the order of the output units and of `p_<class>` columns).
        public var classNames: [String]
        /// The identifier column of the training data, when there was one (predictions carry it).
        public var identifierName: String?
        /// Every column of the training data with its role and why.
        public var columns: [ColumnInfo]
        /// The preprocessing fitted on all training rows, in the columns' own units.
        public var preprocessing: PortablePreprocessing
        public var network: NetworkConfig
        public var training: TrainingOptions
        /// The command that trained it.
        public var commandLine: String
        /// The training curve (loss and accuracy per epoch on the training rows).
        public var curve: [EpochRecord]
        public var parameterCount: Int
        public var statisticCount: Int
    }

    public var header: Header
    public var parameters: [Float]
    public var statistics: [Float]

    public init(header: Header, parameters: [Float], statistics: [Float]) {
        self.header = header
        self.parameters = parameters
        self.statistics = statistics
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json = try encoder.encode(header)
        var bytes = ModelFile.magic
        var length = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &length) { bytes += $0 }
        bytes += json
        for value in parameters + statistics {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes += $0 }
        }
        var hasher = SHA256()
        hasher.update(bytes)
        bytes += Array(hasher.finalizeHex().utf8)
        return Data(bytes)
    }

    /// Reads a model file's bytes; `path` names it in messages.
    public static func decode(_ data: Data, path: String) throws -> ModelFile {
        func bad(_ why: String) -> CVKitError { .badData(location: nil, message: "\(path): \(why)") }
        let bytes = [UInt8](data)
        guard bytes.starts(with: magic) else { throw bad("not a cvkit model file (it does not start with \"CVKIT-MODEL\")") }
        let trailer = ModelFile.checksumLength
        guard bytes.count >= magic.count + 8 + trailer else { throw bad("the model file is truncated") }
        var hasher = SHA256()
        hasher.update(Array(bytes[0..<(bytes.count - trailer)]))
        guard Array(hasher.finalizeHex().utf8) == Array(bytes[(bytes.count - trailer)...]) else {
            throw bad("the model file is damaged: its checksum does not match its contents (a changed or truncated byte); train it again with cvkit fit")
        }
        let lengthBytes = bytes[magic.count..<(magic.count + 8)]
        let length = lengthBytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let start = magic.count + 8
        guard length <= UInt64(bytes.count - start - trailer) else { throw bad("the model file is truncated (its header is longer than the file)") }
        let end = start + Int(length)
        let header: Header
        do {
            let version = try JSONDecoder().decode(VersionOnly.self, from: Data(bytes[start..<end]))
            if version.formatVersion > formatVersion {
                throw bad("the model file has format version \(version.formatVersion), newer than this cvkit reads (\(formatVersion)); use a newer cvkit")
            }
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[start..<end]))
        } catch let error as CVKitError {
            throw error
        } catch {
            throw bad("the model file's header cannot be read: \(error)")
        }
        let floats = (bytes.count - trailer - end) / 4
        guard (bytes.count - trailer - end) % 4 == 0, floats == header.parameterCount + header.statisticCount,
              header.network.parameterCount == header.parameterCount else {
            throw bad("the model file's parameters do not match its header")
        }
        var values = [Float](repeating: 0, count: floats)
        for i in 0..<floats {
            let offset = end + 4 * i
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            values[i] = Float(bitPattern: bits)
        }
        return ModelFile(header: header, parameters: Array(values[0..<header.parameterCount]), statistics: Array(values[header.parameterCount...]))
    }

    private struct VersionOnly: Decodable { var formatVersion: Int }
}
