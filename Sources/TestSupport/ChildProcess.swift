import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started for an end-to-end test with `Spawn` (empty signal mask, default
/// dispositions, so SIGTERM works), its stdout and stderr captured in separate files.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let stdoutPath: String
    public let stderrPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`; output goes to `logPrefix.out` / `logPrefix.err`.
    public init(executable: String, arguments: [String], logPrefix: String, environment: [String: String]? = nil) throws {
        stdoutPath = logPrefix + ".out"
        stderrPath = logPrefix + ".err"
        do {
            pid = try Spawn.start(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                                  output: stdoutPath, errorOutput: stderrPath)
        } catch {
            throw ChildProcessError.spawnFailed(executable: executable, reason: String(describing: error))
        }
    }

    /// Sends a signal (SIGKILL for crash tests, SIGTERM for a clean stop).
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end and returns its exit code (128 + signal when killed).
    @discardableResult
    public func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        let code = Spawn.wait(pid)
        exitStatus = code
        return code
    }

    /// Waits without blocking the cooperative pool.
    public func exitCode() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.wait()) }
        }
    }

    /// Polls stdout until a line containing `marker` appears; returns that line.
    public func waitForOutput(containing marker: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: stdoutPath, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.contains(marker) }) {
                return String(line)
            }
            if kill(pid, 0) != 0 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let errors = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        throw ChildProcessError.noOutput(marker: marker, stderr: String(errors.suffix(2000)))
    }

    public var standardError: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
    public var standardOutput: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case spawnFailed(executable: String, reason: String)
    case noOutput(marker: String, stderr: String)

    public var description: String {
        switch self {
        case let .spawnFailed(executable, reason): "could not start \(executable): \(reason)"
        case let .noOutput(marker, stderr): "the process never printed \"\(marker)\"; stderr: \(stderr)"
        }
    }
}
