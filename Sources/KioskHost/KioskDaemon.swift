import CentralService
import Foundation
import IDCardReader
import KioskApp
import KioskDomain
import KioskStore
import KioskTime
import KioskOperations
import Logging
import PhotoCheck
import ReceiptPrinter
import TerminalUI

/// Runs the kiosk on the current terminal: the flow, the host, the clock's ticks and device
/// health, until the host is asked to stop (SIGTERM/SIGINT through `stop()`), the terminal goes
/// away, or the task is cancelled. The terminal is restored on every way out.
public final class KioskDaemon: Sendable {
    public let context: KioskContext
    public let host: KioskHost
    public let clock: any KioskClock
    private let inbox = InboxBox()
    private let performer: any KioskEffectPerformer

    private let observe: @Sendable (JourneyState) -> Void
    /// Also what technician mode's pre-flight page runs.
    public let preflight: Preflight?
    /// The on-screen keyboard's engine, opened when a free-text field first shows the keyboard
    /// and closed when the UI ends (librime must not see open sessions at process exit).
    public let pinyin: PinyinEngineHost?
    private let onPreflight: @Sendable ([StatusSnapshot.Preflight.Failure]) async -> Void

    /// - Parameters:
    ///   - preflight: run before the first case and every `KioskDaemon.preflightInterval`; a
    ///     failure pauses the terminal (home shows 暂停服务 and why) until a later run passes.
    ///   - onPreflight: each run's failures, for the status board.
    public init(context: KioskContext, host: KioskHost, clock: any KioskClock, performer: (any KioskEffectPerformer)? = nil,
                pinyin: PinyinEngineHost? = nil, preflight: Preflight? = nil,
                onPreflight: @escaping @Sendable ([StatusSnapshot.Preflight.Failure]) async -> Void = { _ in },
                observe: @escaping @Sendable (JourneyState) -> Void = { _ in }) {
        self.pinyin = pinyin
        self.context = context
        self.host = host
        self.clock = clock
        self.performer = performer ?? host
        self.preflight = preflight
        self.onPreflight = onPreflight
        self.observe = observe
    }

    /// How often pre-flight runs again: a technician who freed the disk or set the clock sees
    /// the terminal serve again within a minute, without a restart.
    public static let preflightInterval = Duration.seconds(60)

    /// Sends an event into the running flow (device callbacks, signals).
    public func send(_ event: KioskEvent) { inbox.send(event) }

    /// Runs the UI until it ends; returns how it ended.
    public func run(input: Int32 = 0, output: Int32 = 1) async throws -> RuntimeExit {
        try await runUI(AnyKioskClock(clock), input: input, output: output)
    }

    /// The run with the clock's concrete type (TerminalRuntime is generic over it).
    private func runUI<C: KioskClock>(_ clock: C, input: Int32, output: Int32) async throws -> RuntimeExit {
        let program = KioskProgram(context: context, performer: performer, inbox: inbox, pinyin: pinyin, observe: observe)
        let runtime = TerminalRuntime(app: program, clock: clock)
        let inbox = self.inbox
        await host.devices.reader?.start(send: { inbox.send($0) })
        let ticker = Task {
            while !Task.isCancelled {
                inbox.send(.tick(clock.wallTime))
                try? await clock.sleep(for: .seconds(1))
            }
        }
        let receipts = host.devices.receipts
        let preflight = self.preflight
        let onPreflight = self.onPreflight
        let health = Task {
            var last: JourneyState.Health?
            var pause: JourneyState.PauseReason?
            var nextPreflight = clock.now
            while !Task.isCancelled {
                if let preflight, clock.now >= nextPreflight {
                    let failures = await preflight.run()
                    pause = Preflight.pause(for: failures)
                    await onPreflight(failures)
                    nextPreflight = clock.now.advanced(by: Self.preflightInterval)
                }
                var h = JourneyState.Health()
                h.printerReady = await receipts.status().canPrint
                h.pause = pause
                if h != last { inbox.send(.healthChanged(h)); last = h }
                try? await clock.sleep(for: .seconds(5))
            }
        }
        defer {
            ticker.cancel()
            health.cancel()
            pinyin?.close()
        }
        let (exit, _) = try await runtime.run(model: JourneyState(now: clock.wallTime), input: input, output: output, signals: .host) {
            inbox.attach($0)
        }
        await host.devices.reader?.stop()
        return exit
    }

    /// Stops the UI gracefully (terminal restored); what SIGTERM does.
    public func stop() { inbox.stopRuntime() }
}
