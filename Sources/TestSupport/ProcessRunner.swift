import Foundation

/// Runs one of this package's built executables (or any program) as a real process, for
/// end-to-end tests of the command-line contracts: arguments in; exit status, stdout and stderr out.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notBuilt(String)
        case timedOut(String, seconds: Double)
        public var description: String {
            switch self {
            case let .notBuilt(path): "\(path) is not built: run `swift build` before `swift test`"
            case let .timedOut(cmd, s): "\(cmd) did not finish within \(s) s"
            }
        }
    }

    /// The folder holding the build products (`.build/<triple>/debug`), next to the test bundle.
    public static var productsDirectory: URL {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // On Linux the test runner is `<products>/OneStopKioskPackageTests.xctest`; on macOS it is inside a bundle.
        while dir.pathComponents.count > 1, dir.lastPathComponent.hasSuffix(".xctest") || dir.lastPathComponent == "MacOS" || dir.lastPathComponent == "Contents" {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    /// The path of a built executable product, e.g. `kioskctl`.
    public static func product(_ name: String) throws -> URL {
        let url = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw Failure.notBuilt(url.path) }
        return url
    }

    /// Runs `executable` with `arguments` and waits (at most `timeout` seconds) on a thread of
    /// its own, so a test awaiting it holds no thread of the cooperative pool.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: Data? = nil, timeout: Double = 60) async throws -> Result {
        try await Spawn.offPool { try runBlocking(executable, arguments, environment: environment, stdin: stdin, timeout: timeout) }
    }

    /// The blocking form, for callers that are not async (it holds the calling thread).
    public static func runBlocking(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: Data? = nil, timeout: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure.timedOut(([executable.lastPathComponent] + arguments).joined(separator: " "), seconds: timeout)
            }
            usleep(2_000)
        }
        group.wait()
        return Result(status: process.terminationStatus, stdout: outBox.data, stderr: errBox.data)
    }

    /// Runs a built product of this package by name.
    public static func runProduct(_ name: String, _ arguments: [String], environment: [String: String]? = nil,
                                  timeout: Double = 60) async throws -> Result {
        try await run(product(name), arguments, environment: environment, timeout: timeout)
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
