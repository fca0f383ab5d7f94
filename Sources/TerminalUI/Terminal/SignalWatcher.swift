#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Turns SIGINT, SIGTERM, SIGHUP and SIGWINCH into callbacks. The process is not killed by a
/// termination signal while a watcher lives, so the terminal is restored first.
///
/// Termination signals call `onTerminate` on the watcher's queue; the runtime restores the
/// terminal there and exits with 128 + signal, so even a stuck `update` cannot leave the screen in
/// raw mode. SIGWINCH calls `onResize`.
///
/// The handlers are installed with `sigaction` before `init` returns and only write the signal's
/// number into a pipe (async-signal safe); the pipe is read on a dispatch queue. A
/// `DispatchSource` for the signal itself would be registered later, on the dispatch manager,
/// and a signal arriving meanwhile — a SIGHUP just after the first frame on a loaded machine —
/// was ignored and lost: the program went on as if nothing had been asked.
public final class SignalWatcher: Sendable {
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let id: Int

    /// `onTerminate` nil: termination signals are left to the host (a daemon's service group
    /// owns SIGTERM and SIGINT); only SIGWINCH is watched.
    public init(queue: DispatchQueue = DispatchQueue(label: "TerminalUI.signals"),
                onTerminate: (@Sendable (Int32) -> Void)?,
                onResize: @escaping @Sendable () -> Void) {
        let watched = (onTerminate == nil ? [] : Self.terminationSignals) + [SIGWINCH]
        id = SignalPipe.shared.add(SignalPipe.Watcher(signals: Set(watched), queue: queue) { number in
            if number == SIGWINCH { onResize() } else { onTerminate?(number) }
        })
    }

    /// Stops watching and gives the signals no other watcher holds their default actions back.
    public func cancel() {
        SignalPipe.shared.remove(id)
    }
}

/// The process's one self-pipe for signals, shared by every watcher. (Unchecked: the dispatch
/// source is set once, in `init`, and only kept alive here.)
final class SignalPipe: @unchecked Sendable {
    struct Watcher: Sendable {
        let signals: Set<Int32>
        let queue: DispatchQueue
        let handle: @Sendable (Int32) -> Void
    }

    static let shared = SignalPipe()
    /// Written by the handlers. Set once, by `shared`'s creation, before any handler is installed.
    nonisolated(unsafe) static var writeFD: Int32 = -1

    private let readFD: Int32
    private let source: any DispatchSourceRead
    private let watchers = Mutex<(next: Int, all: [Int: Watcher])>((0, [:]))

    private init() {
        var fds: [Int32] = [-1, -1]
        // Non-blocking: a handler never waits on a full pipe (a burst of signals beyond the
        // pipe's size is dropped, and the ones already in it are enough to act on).
        precondition(pipe(&fds) == 0, "TerminalUI: no pipe for signals")
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        readFD = fds[0]
        Self.writeFD = fds[1]
        source = DispatchSource.makeReadSource(fileDescriptor: fds[0], queue: DispatchQueue(label: "TerminalUI.signal-pipe"))
        source.setEventHandler { SignalPipe.shared.drain() }
        source.resume()
    }

    /// Installs the writing handler for `number` (under the watchers' lock: see `add`).
    private static func install(_ number: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            let saved = errno
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(SignalPipe.writeFD, &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(number, &action, nil)
    }

    /// Adds a watcher and installs the handlers for its signals before returning. Handlers are
    /// installed and given back (`remove`) under the same lock as the watcher list changes: a
    /// watcher removed while another is added must not reset the newcomer's fresh handler.
    func add(_ watcher: Watcher) -> Int {
        watchers.withLock { state in
            state.next += 1
            state.all[state.next] = watcher
            for number in watcher.signals { Self.install(number) }
            return state.next
        }
    }

    /// Removes a watcher; the signals no remaining watcher holds get their default actions back.
    func remove(_ id: Int) {
        watchers.withLock { state in
            guard let gone = state.all.removeValue(forKey: id) else { return }
            let stillWatched = state.all.values.reduce(into: Set<Int32>()) { $0.formUnion($1.signals) }
            for number in gone.signals where !stillWatched.contains(number) { signal(number, SIG_DFL) }
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            for byte in buffer[0..<count] { deliver(Int32(byte)) }
        }
    }

    private func deliver(_ number: Int32) {
        let targets = watchers.withLock { state in state.all.values.filter { $0.signals.contains(number) } }
        for watcher in targets { watcher.queue.async { watcher.handle(number) } }
    }
}
