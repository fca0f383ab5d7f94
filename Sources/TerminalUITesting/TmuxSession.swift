#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import TerminalUI

/// A program running inside tmux on a private server socket: a real, independent terminal
/// emulator to cross-check what TerminalUI draws (`capture-pane`) and to inject input
/// (`send-keys -l`, which delivers bytes such as SGR mouse reports verbatim).
public final class TmuxSession: @unchecked Sendable {
    /// Debian's tmux (scripts/setup installs it).
    static let executable = "/usr/bin/tmux"
    public let socket: String
    private let target = "kiosk"

    /// Starts `command` (argv) in a detached session of `size`.
    public init(_ command: [String], size: Size) throws {
        socket = "kiosk-test-\(UUID().uuidString.prefix(8))"
        // The server forks from this client and would inherit an output pipe, keeping it open
        // forever: this one command writes to /dev/null.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", String(size.columns), "-y", String(size.rows)] + command,
                 captureOutput: false)
    }

    /// Ends the tmux server and the program in it (also on deinit; tests call it in a `defer`).
    public func stop() { _ = try? tmux(["kill-server"]) }

    deinit { stop() }

    /// The visible screen, one line per row, trailing blanks trimmed by tmux.
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    /// Sends text to the program as bytes (escape sequences included).
    public func send(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Polls `capture()` until `condition` holds, or throws after `timeout`.
    @discardableResult
    public func waitFor(timeout: Duration = .seconds(10), _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            // The screen is judged once more after the deadline: a waiter that resumes late
            // judges the program, not its own lateness.
            let screen = try capture()
            if condition(screen) { return screen }
            guard clock.now < deadline else { throw PseudoTerminalError.timedOut("tmux screen condition", output: screen) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// tmux's own view of the pane's modes: "alternate_on mouse_sgr_flag".
    public func modes() throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{alternate_on} #{mouse_sgr_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs one tmux client command with posix_spawn and waitpid (no Foundation `Process`,
    /// whose exit monitoring was seen to hang inside the test runner).
    @discardableResult
    private func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw PseudoTerminalError.system("pipe", errno) }
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        defer { close(pipe[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = (["tmux", "-u", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // A clean signal mask: the server forks from this client, and the program in the pane
        // from the server; with the test runner's blocked signals they ignored kill-server's
        // SIGHUP and every test run left a server and its program behind.
        var attributes = Spawn.cleanSignalAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, TmuxSession.executable, &actions, &attributes, argv, envp)
        close(pipe[1])
        guard result == 0 else { throw PseudoTerminalError.system("posix_spawn tmux", result) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = String(decoding: data, as: UTF8.self)
        guard status == 0 else {
            throw PseudoTerminalError.commandFailed("tmux \(arguments.first ?? ""): \(text)", status: status)
        }
        return text
    }
}
