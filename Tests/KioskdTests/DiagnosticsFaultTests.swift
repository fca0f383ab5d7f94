import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KioskDomain
import KioskHost
import KioskOperations
import KioskTesting
import Logging
import Testing
import TestTraits

/// Each fault the demo world can be told to have shows as the right failed check with its
/// remedy, and the check passes again once the fault is cleared. The real demo tiers: the reader
/// simulator on its pty behind the kiosk's own reader, the file printer queue, the embedded
/// central-sim, the demo's case store. No diagnostics output or stored row holds the demo
/// veteran's personal values.
@Suite(.serialized, .realTime) struct DiagnosticsFaultTests {
    final class World: Sendable {
        let daemon: KioskDaemon
        let demo: DemoEnvironment
        let engine: DiagnosticsEngine

        init() async throws {
            let directory = try RepositoryPaths.temporaryDirectory("diag-faults")
            let logger = Logger(label: "diag-test") { _ in SwiftLogNoOpLogHandler() }
            (daemon, demo) = try await DemoAssembly.make(.init(region: "chongqing", directory: directory), assets: RepositoryPaths.assets,
                                                         clock: SystemClock(), logger: logger)
            await daemon.host.devices.reader?.start(send: { _ in })
            engine = try DemoAssembly.diagnostics(daemon: daemon, demo: demo, assets: RepositoryPaths.assets, board: nil, clock: SystemClock())
        }

        func run(_ groups: Set<DiagnosticGroup>) async -> DiagnosticRun {
            await engine.run(DiagnosticRequest(only: groups, technician: "T-01"), progress: { _ in })
        }

        /// Runs `groups` until `code` has `status` (device states settle over a few polls).
        func run(_ groups: Set<DiagnosticGroup>, until code: String, is status: DiagnosticCheck.Status,
                 within: Duration = .seconds(30)) async throws -> DiagnosticCheck {
            let run = try await runUntil(groups, code, is: status, within: within)
            return try #require(run.checks.first { $0.code == code }, "\(code) not in \(run.checks.map(\.code))")
        }

        /// The first run of `groups` in which `code` has `status`, or the last one tried.
        func runUntil(_ groups: Set<DiagnosticGroup>, _ code: String, is status: DiagnosticCheck.Status,
                      within: Duration = .seconds(30)) async throws -> DiagnosticRun {
            let deadline = ContinuousClock.now + within
            while true {
                let run = await run(groups)
                if run.checks.contains(where: { $0.code == code && $0.status == status }) { return run }
                // A reader still connecting reports only `reader.found`: keep asking.
                if ContinuousClock.now > deadline { return run }
                try await Task.sleep(for: .milliseconds(300))
            }
        }

        func stop() async {
            await daemon.host.devices.reader?.stop()
            await demo.stop()
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var fault: DemoFault
        var group: DiagnosticGroup
        var check: String
        /// A phrase the remedy must hold.
        var remedy: String
        var description: String { fault.rawValue }
    }

    static let cases: [Case] = [
        Case(fault: .printerOutOfPaper, group: .printer, check: "printer.paper", remedy: "更换纸卷"),
        Case(fault: .readerAbsent, group: .reader, check: "reader.found", remedy: "读卡器"),
        Case(fault: .readerGarbage, group: .reader, check: "reader.found", remedy: "读卡器"),
        Case(fault: .centralDown, group: .central, check: "central.reachable", remedy: "检查网络"),
        Case(fault: .diskNearlyFull, group: .storage, check: "storage.free_space", remedy: "清理"),
    ]

    @Test(arguments: cases)
    func aFaultFailsItsCheckWithTheRemedyAndPassesAgainOnceCleared(_ fault: Case) async throws {
        let world = try await World()
        let healthy = try await world.run([fault.group], until: fault.check, is: .pass)
        #expect(healthy.status == .pass, "before the fault: \(healthy)")

        await world.demo.inject(fault.fault)
        let failed = try await world.run([fault.group], until: fault.check, is: .fail)
        #expect(failed.status == .fail, "with \(fault.fault): \(failed)")
        #expect(failed.remedy?.contains(fault.remedy) == true, "remedy: \(failed.remedy ?? "none")")

        await world.demo.clear(fault.fault)
        let again = try await world.run([fault.group], until: fault.check, is: .pass)
        #expect(again.status == .pass, "after clearing \(fault.fault): \(again)")
        #expect(again.remedy == nil)
        await world.stop()
    }

    @Test("while central is down its port stays the demo's, and it listens there again once cleared")
    func centralDownHoldsItsPort() async throws {
        let world = try await World()
        let port = try #require(world.demo.central?.port)
        await world.demo.inject(.centralDown)
        #expect(!Self.canBind(port: port), "the port was free for another program while central-sim was down")
        await world.demo.clear(.centralDown)
        #expect(world.demo.central?.port == port)
        let again = try await world.run([.central], until: "central.reachable", is: .pass)
        #expect(again.status == .pass, "\(again)")
        await world.stop()
        #expect(Self.canBind(port: port), "the demo's stop gave the port back")
    }

    /// Whether another program could bind 127.0.0.1:`port` now (as a server of its own would).
    static func canBind(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    @Test func theLiveReadShowsTheNumberMaskedAndNothingPersonalIsShownOrStored() async throws {
        let world = try await World()
        // The whole run in which the live read found the demo card (a read card stays silent
        // until it is placed again, so the read that passed is the one to look at).
        let run = try await world.runUntil([], "reader.read", is: .pass)
        let read = try #require(run.checks.first { $0.code == "reader.read" })
        let number = world.demo.card.fields.number ?? ""
        #expect(read.status == .pass)
        #expect(read.measured.contains(Masking.idNumber(number)))
        let personal = [number, world.demo.card.fields.name ?? "", world.demo.card.fields.address ?? ""].filter { !$0.isEmpty }
        let shown = String(decoding: try StatusSnapshot.encoder.encode(run), as: UTF8.self) + run.chineseText
        let stored = try await world.engine.history(limit: 10)
        let storedText = String(decoding: try StatusSnapshot.encoder.encode(stored), as: UTF8.self)
        #expect(stored.first?.id == run.id && stored.first?.technician == "T-01")
        #expect(stored.first?.checks.count == run.checks.count)
        for value in personal {
            #expect(!shown.contains(value), "\(value) shown")
            #expect(!storedText.contains(value), "\(value) stored")
        }
        // The database file itself: the diagnostics rows hold no personal value in clear.
        #expect(try PersonalDataProbe.occurrences(of: personal, in: [URL(fileURLWithPath: world.demo.databasePath)]).isEmpty)
        await world.stop()
    }
}
