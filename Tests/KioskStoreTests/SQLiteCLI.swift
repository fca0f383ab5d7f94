import Foundation

/// Runs the `sqlite3` command-line shell (a second process on the same database file) and
/// returns its standard output. Throws when it exits non-zero.
@discardableResult
func sqlite(_ database: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = ["-bail", "-cmd", ".timeout 5000", database, sql]
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw SQLiteCLIError(status: process.terminationStatus, message: String(decoding: err, as: UTF8.self))
    }
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

struct SQLiteCLIError: Error, CustomStringConvertible {
    var status: Int32
    var message: String
    var description: String { "sqlite3 exited \(status): \(message)" }
}

/// Bytes from the shell's `hex()` output.
func hexBytes(_ hex: String) -> Data {
    var data = Data()
    var index = hex.startIndex
    while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), next > index {
        if let byte = UInt8(hex[index..<next], radix: 16) { data.append(byte) }
        index = next
    }
    return data
}
