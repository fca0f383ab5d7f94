#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Turns SIGINT, SIGTERM, SIGHUP and SIGWINCH into callbacks, via `DispatchSource` (the signals'
/// default actions are ignored while the watcher lives, so the process is not killed before the
/// terminal is restored).
///
/// Termination signals call `onTerminate` on the watcher's queue; the runtime restores the
/// terminal there and exits with 128 + signal, so even a stuck `update` cannot leave the screen in
/// raw mode. SIGWINCH calls `onResize`.
public final class SignalWatcher {
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]
    private let watched: [Int32]

    /// `onTerminate` nil: termination signals are left to the host (a daemon's service group
    /// owns SIGTERM and SIGINT); only SIGWINCH is watched.
    public init(queue: DispatchQueue = DispatchQueue(label: "TerminalUI.signals"),
                onTerminate: (@Sendable (Int32) -> Void)?,
                onResize: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        watched = (onTerminate == nil ? [] : Self.terminationSignals) + [SIGWINCH]
        for number in watched {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            if number == SIGWINCH {
                source.setEventHandler(handler: onResize)
            } else {
                source.setEventHandler { onTerminate?(number) }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops watching and gives the signals their default actions back.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in watched { signal(number, SIG_DFL) }
    }
}
