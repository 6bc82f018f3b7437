/// Every error the library throws. Each case carries a sentence a user can act on; the command line
/// maps the case to an exit status (see `CVKitError.Kind`), the library never exits or prints.
public enum CVKitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data is not what cvkit can use: a malformed CSV, a non-numeric feature, one class.
    /// `location` names the file, line and column where one applies.
    case badData(location: SourceLocation?, message: String)
    /// The input file is missing, unreadable or a directory.
    case unreadableInput(path: String, reason: String)
    /// A setting is impossible for this data or on its own: `k` larger than the rows, fractions ≥ 1.
    case invalidArgument(String)
    /// Reading or writing failed part-way (disk full, device error).
    case io(path: String, reason: String)
    /// An output file or folder cannot be created.
    case cannotCreate(path: String, reason: String)

    /// The class of failure, which decides the exit status (sysexits.h).
    public enum Kind: Sendable {
        case badData, unreadableInput, invalidArgument, io, cannotCreate
    }

    public var kind: Kind {
        switch self {
        case .badData: .badData
        case .unreadableInput: .unreadableInput
        case .invalidArgument: .invalidArgument
        case .io: .io
        case .cannotCreate: .cannotCreate
        }
    }

    public var description: String {
        switch self {
        case .badData(let location?, let message): "\(location): \(message)"
        case .badData(nil, let message): message
        case .unreadableInput(let path, let reason): "\(path): cannot read the input: \(reason)"
        case .invalidArgument(let message): message
        case .io(let path, let reason): "\(path): I/O error: \(reason)"
        case .cannotCreate(let path, let reason): "\(path): cannot create: \(reason)"
        }
    }
}
