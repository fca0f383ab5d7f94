#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Sends messages into a running program from outside: timers, devices, the network. Messages
/// sent this way go through the same loop as input, one at a time.
public struct MessageInbox<Message: Sendable>: Sendable {
    fileprivate let continuation: AsyncStream<RuntimeEvent<Message>>.Continuation

    public func send(_ message: Message) { continuation.yield(.message(message)) }

    /// Asks the program to stop: the loop returns ``RuntimeExit/stopped`` with the last model and
    /// the terminal restored. How a host (a daemon's service group) ends the UI on SIGTERM.
    public func stop() { continuation.yield(.stop) }
}

/// Who handles SIGINT, SIGTERM and SIGHUP while the program runs.
public enum SignalOwnership: Sendable {
    /// The runtime: the loop ends with ``RuntimeExit/signal(_:)`` and, if it does not end within
    /// the grace period, the process exits with 128 + signal. For standalone tools.
    case runtime
    /// The host: the runtime installs no termination handler and never exits the process; the
    /// host stops the UI with ``MessageInbox/stop()`` or by cancelling the task running it.
    case host
}

fileprivate enum RuntimeEvent<Message: Sendable>: Sendable {
    case input([InputEvent])
    case message(Message)
    case resize(Size)
    case terminate(Int32)
    case inputClosed
    case stop
}

/// How a program ended.
public enum RuntimeExit: Equatable, Sendable {
    /// `update` returned ``Effect/quit``.
    case quit
    /// A termination signal arrived; the terminal has been restored. Exit with 128 + signal.
    case signal(Int32)
    /// The terminal's input closed (the window went away).
    case inputClosed
    /// The host asked the program to stop (``MessageInbox/stop()`` or task cancellation).
    case stopped
}

/// Runs a ``TerminalApp`` on the real terminal: raw mode and the toolkit's modes on, one loop
/// merging input, resizes, signals, timer and device messages; the terminal restored on every
/// way out (return, thrown error, SIGINT/SIGTERM/SIGHUP).
///
/// `clock` is the clock ``Effect/after(_:_:)`` sleeps on; tests inject their own.
public struct TerminalRuntime<App: TerminalApp, C: Clock> where C.Duration == Duration {
    public let app: App
    public let clock: C
    /// Grace period after a termination signal before the process exits on its own, when the
    /// loop has not ended by then.
    public static var signalGrace: Duration { .seconds(2) }

    public init(app: App, clock: C) {
        self.app = app
        self.clock = clock
    }

    /// Runs until quit, a termination signal or the end of input; returns how it ended and the
    /// final model. `onStart` receives the inbox for outside messages.
    public func run(model: App.Model, input: Int32 = 0, output: Int32 = 1, signals ownership: SignalOwnership = .runtime,
                    onStart: (MessageInbox<App.Message>) -> Void = { _ in }) async throws -> (RuntimeExit, App.Model) {
        let device = try TerminalDevice.open(input: input, output: output)
        let loopEnded = LoopFlag()
        defer {
            loopEnded.set()
            device.restore()
        }
        let (stream, continuation) = AsyncStream<RuntimeEvent<App.Message>>.makeStream()
        let grace = Self.signalGrace
        let onTerminate: (@Sendable (Int32) -> Void)?
        switch ownership {
        case .host:
            onTerminate = nil
        case .runtime:
            onTerminate = { number in
                device.restore()
                continuation.yield(.terminate(number))
                // Safety net for a loop stuck in `update` or an effect: exit on our own, but only
                // if the loop has not returned (the host may need time to shut down cleanly).
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(grace.components.seconds * 1000))) {
                    if !loopEnded.isSet { exit(128 + number) }
                }
            }
        }
        let signals = SignalWatcher(
            onTerminate: onTerminate,
            onResize: {
                if let size = device.size { continuation.yield(.resize(size)) }
            })
        defer { signals.cancel() }
        let reader = InputReader(descriptor: input)
        reader.start(deliver: { continuation.yield(.input($0)) }, onEnd: { continuation.yield(.inputClosed) })
        defer { reader.stop() }

        var core = ProgramCore(app: app, model: model, size: device.size ?? Size(columns: 80, rows: 24))
        var renderer = DiffRenderer()
        onStart(MessageInbox(continuation: continuation))
        if perform(core.start(), continuation) { return (.quit, core.model) }
        render(&core, &renderer, device)

        return try await withTaskCancellationHandler {
            try await loop(stream, &core, &renderer, device, continuation)
        } onCancel: {
            continuation.yield(.stop)
        }
    }

    private func loop(_ stream: AsyncStream<RuntimeEvent<App.Message>>, _ core: inout ProgramCore<App>,
                      _ renderer: inout DiffRenderer, _ device: TerminalDevice,
                      _ continuation: AsyncStream<RuntimeEvent<App.Message>>.Continuation) async throws -> (RuntimeExit, App.Model) {
        for await event in stream {
            var effects: [Effect<App.Message>] = []
            switch event {
            case .input(let inputs):
                for input in inputs {
                    if case .modeReport(2026, let value) = input {
                        renderer.synchronizedOutput = value == 1 || value == 2
                        continue
                    }
                    effects += core.handle(input)
                }
            case .message(let message):
                effects += core.dispatch(message)
            case .resize(let size):
                renderer.invalidate()
                core.resize(to: size)
            case .terminate(let number):
                return (.signal(number), core.model)
            case .inputClosed:
                return (.inputClosed, core.model)
            case .stop:
                return (.stopped, core.model)
            }
            if perform(effects, continuation) { return (.quit, core.model) }
            render(&core, &renderer, device)
        }
        // The stream also ends when the task running the UI is cancelled.
        return (Task.isCancelled ? .stopped : .inputClosed, core.model)
    }

    private func render(_ core: inout ProgramCore<App>, _ renderer: inout DiffRenderer, _ device: TerminalDevice) {
        guard core.needsRender else { return }
        let bytes = renderer.render(core.frame.buffer)
        if !bytes.isEmpty { device.write(bytes) }
        core.didRender()
    }

    /// Starts the effects; returns true when one of them is ``Effect/quit``.
    private func perform(_ effects: [Effect<App.Message>], _ continuation: AsyncStream<RuntimeEvent<App.Message>>.Continuation) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .quit:
                quit = true
            case .after(let delay, let message):
                let clock = self.clock
                Task {
                    try? await clock.sleep(for: delay)
                    continuation.yield(.message(message))
                }
            case .run(let work):
                Task {
                    if let message = await work() { continuation.yield(.message(message)) }
                }
            }
        }
        return quit
    }
}

extension TerminalRuntime where C == ContinuousClock {
    public init(app: App) { self.init(app: app, clock: ContinuousClock()) } // clock-exempt: standalone tools without a kiosk clock
}

/// Set once the runtime's loop has returned; read by the signal handler's safety net.
private final class LoopFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
