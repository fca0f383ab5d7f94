import Foundation
import KioskOperations
import KioskTesting
import KioskOperationsTesting
import ServiceLifecycle
import Testing
import TestSupport
import TestTraits

@Suite("systemd notify", .realTime)
struct SystemdNotifyTests {
    @Test("READY, WATCHDOG and STOPPING arrive as datagrams at a path socket and an abstract one")
    func datagrams() throws {
        let directory = try RepositoryPaths.temporaryDirectory("notify")
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in [directory.appendingPathComponent("notify.sock").path, "@kiosk-notify-test-\(getpid())"] {
            let socket = try NotifySocket(path: name)
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
            try notifier.ready(status: "serving")
            try notifier.watchdog()
            try notifier.stopping()
            #expect(socket.receive() == "READY=1\nSTATUS=serving")
            #expect(socket.receive() == "WATCHDOG=1")
            #expect(socket.receive() == "STOPPING=1")
        }
    }

    @Test("without NOTIFY_SOCKET nothing is sent; a bad one is an error")
    func unsetOrBad() throws {
        try SystemdNotifier(environment: [:]).ready()
        #expect(throws: SystemdNotifier.Failure.self) { try SystemdNotifier(socketPath: "relative.sock").ready() }
        #expect(throws: SystemdNotifier.Failure.self) { try SystemdNotifier(socketPath: "/nonexistent/notify.sock").ready() }
    }

    @Test("the watchdog interval is half of WATCHDOG_USEC, and only for this process")
    func watchdogInterval() {
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"], processID: 7) == .seconds(15))
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"], processID: 7) == .seconds(15))
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "8"], processID: 7) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "zero"], processID: 7) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: [:], processID: 7) == nil)
    }

    @Test("the service sends READY after readiness, WATCHDOG every half period, STOPPING on shutdown")
    func service() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("notify-service")
        defer { try? FileManager.default.removeItem(at: directory) }
        let socket = try NotifySocket(path: directory.appendingPathComponent("notify.sock").path)
        let clock = ManualClock()
        let capture = EventLogCapture()
        let interval = try #require(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "20000000"]))
        let service = SystemdNotifyService(notifier: SystemdNotifier(socketPath: socket.name), interval: interval, clock: clock,
                                           log: capture.eventLog(), readiness: { "状态接口已就绪" })
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: capture.logger()))
        let run = Task(executorPreference: TestExecutors.realTime) { try await group.run() }
        #expect(await socket.next() == "READY=1\nSTATUS=状态接口已就绪")
        #expect(await socket.next() == "WATCHDOG=1")
        for _ in 0..<3 {
            #expect(await clock.sleepers(atLeast: 1))
            #expect(clock.requestedSleeps.last == .seconds(10))
            clock.advance(by: .seconds(10))
            #expect(await socket.next() == "WATCHDOG=1")
        }
        #expect(await clock.sleepers(atLeast: 1))
        await group.triggerGracefulShutdown()
        #expect(await socket.next() == "STOPPING=1")
        try await run.value
        #expect(try capture.events(.watchdogStarted).first?["interval_ms"] == "10000")
    }
}
