import ArgumentParser
import Foundation

/// Failures of a command, mapped to DESIGN's exit codes: 1 a clear "no", 2 could not run.
enum CLIFailure: Error, CustomStringConvertible {
    /// Bad arguments or options (exit 2).
    case usage(String)
    /// Input, data or device could not be used (exit 2).
    case cannotRun(String)
    /// The answer is "no" (exit 1), with a one-line reason.
    case refused(String)

    var description: String {
        switch self {
        case let .usage(m), let .cannotRun(m), let .refused(m): m
        }
    }
}

extension CLIFailure: CustomNSError {
    var errorCode: Int { if case .refused = self { 1 } else { 2 } }
}

let defaultJSONEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
}()

/// Prints one JSON document on stdout (sorted keys, readable, Chinese unescaped).
/// `encoder` for documents with their own date format (the status API's ISO 8601).
func printJSON(_ value: some Encodable, encoder: JSONEncoder = defaultJSONEncoder) throws {
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}
