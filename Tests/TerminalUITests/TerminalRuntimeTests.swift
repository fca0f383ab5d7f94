#if canImport(Glibc)
import Glibc
#endif
import TerminalUITesting
import KioskTime
import TestSupport
import Synchronization
import Testing
import TestTraits
import TerminalUI

/// The real ``TerminalRuntime`` in this process, on a pseudo-terminal pair, with a manual clock:
/// input, timers and outside messages merge into one loop, and the terminal is restored on quit.
@Suite("Terminal runtime on a pty with an injected clock", .serialized, .realTime)
struct TerminalRuntimeTests {
    final class Pair: @unchecked Sendable {
        let controller: Int32
        let device: Int32
        var screen = VTScreen(size: Size(columns: 30, rows: 5))

        init() throws {
            var controller: Int32 = -1, device: Int32 = -1
            var window = winsize(ws_row: 5, ws_col: 30, ws_xpixel: 0, ws_ypixel: 0)
            guard openpty(&controller, &device, nil, nil, &window) == 0 else { throw PseudoTerminalError.system("openpty", errno) }
            self.controller = controller
            self.device = device
        }

        deinit {
            close(controller)
            close(device)
        }

        func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(controller, $0.baseAddress, $0.count) }
        }

        /// Reads the program's output into the screen model until `condition` holds.
        func wait(polls: Int = 500, _ condition: (VTScreen) -> Bool) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 65536)
            for _ in 0..<polls {
                if !screen.isInSynchronizedUpdate, condition(screen) { return true }
                var fds = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
                if poll(&fds, 1, 20) > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
                    if count > 0 { screen.feed(buffer[0..<count]) }
                }
            }
            return condition(screen)
        }
    }

    @Test("Timers fire on the injected clock, taps and outside messages update the screen, quit restores")
    func runtime() async throws {
        let pair = try Pair()
        let clock = ManualClock()
        let inbox = Mutex<MessageInbox<CounterApp.Message>?>(nil)
        let runtime = TerminalRuntime(app: CounterApp(), clock: clock)
        let run = Task(executorPreference: TestExecutors.realTime) {
            try await runtime.run(model: .init(), input: pair.device, output: pair.device) { box in inbox.withLock { $0 = box } }
        }
        #expect(pair.wait { $0.line(0).hasPrefix("计数：0 秒：0") })
        #expect(pair.screen.isAlternateScreen && pair.screen.privateModes.contains(1006))

        #expect(await clock.waitForSleepers())
        clock.advance(by: .milliseconds(999))
        let early = pair.wait(polls: 10) { $0.line(0).contains("秒：1") }
        #expect(!early, "the timer fired before its time on the injected clock")
        clock.advance(by: .milliseconds(1))
        #expect(pair.wait { $0.line(0).hasPrefix("计数：0 秒：1") })

        pair.write("\u{1B}[<0;3;3M\u{1B}[<0;3;3m") // tap 加一
        #expect(pair.wait { $0.line(0).hasPrefix("计数：1") })
        inbox.withLock { $0 }?.send(.loaded(7)) // a device message from outside
        #expect(pair.wait { $0.line(0).hasPrefix("计数：7") })

        pair.write("q")
        let (exit, model) = try await run.value
        #expect(exit == .quit)
        #expect(model.count == 7 && model.ticks == 1)
        #expect(pair.wait { !$0.isAlternateScreen && !$0.privateModes.contains(1000) && $0.privateModes.contains(25) })
        var settings = termios()
        tcgetattr(pair.device, &settings)
        #expect(settings.c_lflag & tcflag_t(ICANON) != 0, "termios restored")
    }
}
