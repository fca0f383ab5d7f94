#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TerminalUI

/// Runs a program in a real pseudo-terminal, as a terminal emulator would: the program's stdin,
/// stdout and stderr are the pty's slave side and it is the session leader with the pty as its
/// controlling terminal, so raw mode, `TIOCGWINSZ` and SIGWINCH behave exactly as on the kiosk.
///
/// The test side writes bytes (keys, SGR mouse reports), reads what the program drew, resizes the
/// window, sends signals and waits for exit. Every wait has a timeout and throws
/// ``PseudoTerminalError/timedOut(_:output:)`` with the output so far, so a hang fails the test
/// with something to read instead of stalling the suite.
public final class PseudoTerminal: @unchecked Sendable {
    public enum ExitStatus: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    public let pid: pid_t
    private let master: Int32
    private let slave: Int32
    private var exitStatus: ExitStatus?
    /// Everything the program wrote so far.
    public private(set) var output: [UInt8] = []

    private init(pid: pid_t, master: Int32, slave: Int32) {
        self.pid = pid
        self.master = master
        self.slave = slave
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(slave)
    }

    /// Starts `executable` with `arguments` in a new pty of `size`. The environment is minimal
    /// (TERM=xterm-256color, LANG=C.UTF-8, PATH, HOME) plus `environment`.
    public static func spawn(_ executable: String, arguments: [String] = [], environment: [String: String] = [:],
                             size: Size = Size(columns: 80, rows: 24)) throws -> PseudoTerminal {
        var master: Int32 = -1
        var slave: Int32 = -1
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &window) == 0 else { throw PseudoTerminalError.system("openpty", errno) }
        // The test keeps its own handle on the slave (to read its termios after the program
        // ends); neither end may leak into the child beyond the slave it opens itself.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var nameBuffer = [CChar](repeating: 0, count: 128)
        guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
            close(master); close(slave)
            throw PseudoTerminalError.system("ttyname_r", errno)
        }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"]
        env.merge(environment) { $1 }
        let pid: pid_t
        do {
            pid = try spawnChild(executable, arguments: arguments, environment: env, slavePath: slavePath)
        } catch {
            close(master); close(slave)
            throw error
        }
        return PseudoTerminal(pid: pid, master: master, slave: slave)
    }

    /// posix_spawn with a new session (so opening the slave makes it the controlling terminal),
    /// an empty signal mask and default signal actions (a parent's blocked or ignored signals
    /// must not leak into the program under test).
    private static func spawnChild(_ executable: String, arguments: [String], environment: [String: String], slavePath: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID (glibc ≥ 2.26), not exported to Swift
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGQUIT] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw PseudoTerminalError.system("posix_spawn \(executable)", result) }
        return pid
    }

    /// Sends bytes as if typed or clicked in the terminal.
    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw PseudoTerminalError.system("write", errno)
            }
            offset += written
        }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Reads output until `predicate` holds for everything read so far, or throws after `timeout`.
    ///
    /// The waits are asynchronous: between polls the task sleeps instead of blocking in poll(2),
    /// so many pty tests run in parallel on the two threads of the cooperative pool.
    public func read(timeout: Duration = .seconds(10), until predicate: ([UInt8]) -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            // Everything that has arrived is read before the deadline is looked at: a waiter that
            // resumes late must judge what the program wrote, not how late it was itself.
            while drain() {}
            if predicate(output) { return }
            guard clock.now < deadline else { throw PseudoTerminalError.timedOut("output condition", output: outputText) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Reads whatever arrives within `duration` (to let the program settle).
    public func read(for duration: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now + duration
        while clock.now < deadline {
            if !drain() { try? await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// Reads what is available now without waiting; true when something was read.
    @discardableResult
    private func drain() -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count > 0 { output.append(contentsOf: buffer[0..<count]) }
        return count > 0
    }

    public var outputText: String { String(decoding: output, as: UTF8.self) }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    public func resize(to size: Size) throws {
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &window) == 0 else { throw PseudoTerminalError.system("TIOCSWINSZ", errno) }
    }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the program to end (reading its output meanwhile, so it never blocks on a full
    /// pty), or throws after `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(10)) async throws -> ExitStatus {
        if let exitStatus { return exitStatus }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                while drain() {}
                let signal = status & 0x7F
                let exit: ExitStatus = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
                exitStatus = exit
                return exit
            }
            guard clock.now < deadline else { throw PseudoTerminalError.timedOut("exit of pid \(pid)", output: outputText) }
            if !drain() { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// The terminal settings as the program left them (checked after exit: raw mode undone?).
    public func attributes() throws -> termios {
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { throw PseudoTerminalError.system("tcgetattr", errno) }
        return settings
    }

    /// Whether the line discipline is in canonical mode with echo, as a shell expects.
    public func isCookedMode() throws -> Bool {
        let settings = try attributes()
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }
}

public enum PseudoTerminalError: Error, CustomStringConvertible {
    case system(String, Int32)
    case timedOut(String, output: String)
    /// A helper command ended with a non-zero status.
    case commandFailed(String, status: Int32)

    public var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        case .commandFailed(let command, let status): return "\(command) failed with status \(status)"
        case .timedOut(let what, let output): return "timed out waiting for \(what); output so far (\(output.utf8.count) bytes): \(output.debugDescription.suffix(2000))"
        }
    }
}
