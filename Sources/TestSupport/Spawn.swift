import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting child processes the way daemons must be started from tests.
///
/// Foundation's `Process` lets a child inherit the test runner's blocked signals: cupsd started
/// that way ignored SIGTERM and could not be stopped. `posix_spawn` with an empty signal mask and
/// default dispositions gives the child a clean slate.
public enum Spawn {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Spawns `path` with `arguments`, stdin from /dev/null, stdout to `output` (appended) or
    /// /dev/null, stderr to `errorOutput` (appended) or wherever stdout goes. Returns the pid.
    public static func start(_ path: String, _ arguments: [String], environment: [String: String],
                             output: String? = nil, errorOutput: String? = nil) throws -> pid_t {
        var attr = cleanSignalAttributes()
        defer { posix_spawnattr_destroy(&attr) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let sink = output ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, sink, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if let errorOutput {
            posix_spawn_file_actions_addopen(&actions, 2, errorOutput, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { throw Failure(description: "posix_spawn \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Spawn attributes for an empty signal mask and default dispositions (the caller destroys
    /// them): what any child of the test runner needs to be stoppable by signals.
    public static func cleanSignalAttributes() -> posix_spawnattr_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attr
    }

    /// Runs a command to completion and returns its exit status and combined output.
    @discardableResult
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).out").path
        defer { unlink(log) }
        let pid = try start(path, arguments, environment: environment, output: log)
        let status = wait(pid)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (status, output)
    }

    /// Runs blocking work (waiting for a daemon, waitpid) on a new thread and resumes the caller
    /// when it is done: the cooperative pool has only as many threads as cores.
    public static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Waits for a child; returns its exit status (128+signal when killed).
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }
}
