import CentralService
import Foundation
import KioskOperations
import KioskTesting
import KioskOperationsTesting
import ServiceLifecycle
import Testing
import TestSupport
import TestTraits

@Suite("Heartbeat and fleet", .serialized, .realTime)
struct HeartbeatTests {
    @Test("heartbeats reach central-sim's terminal list with the status summary; the board learns reachability")
    func heartbeatReachesCentral() async throws {
        let central = try await CentralSimHarness.start()
        let capture = EventLogCapture()
        let board = StatusBoard(version: "1.2.3", region: "chongqing", terminal: CentralSimHarness.terminalID,
                                centralURL: central.server.baseURL.absoluteString, dataDirectory: "/d", log: capture.eventLog())
        await board.device("printer", state: "no_paper", remedy: "装纸")
        await board.outbox(.init(pending: 4, oldestAgeSeconds: 610.7, refused: 1))
        let clock = ManualClock()
        let service = HeartbeatService(source: board, board: board, transport: central.client, interval: .seconds(60),
                                       clock: clock, log: capture.eventLog())
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: capture.logger()))
        let run = Task(executorPreference: TestExecutors.realTime) { try await group.run() }
        #expect(await clock.sleepers(atLeast: 1))
        let list = try await central.client.terminals()
        let entry = try #require(list.terminals.first { $0.terminalId == CentralSimHarness.terminalID })
        #expect(entry.lastHeartbeat == Heartbeat(status: "degraded", softwareVersion: "1.2.3", pendingCases: 4,
                                                 oldestPendingSeconds: 610, refusedCases: 1, devices: ["printer": "no_paper"]))
        let snapshot = await board.snapshot()
        #expect(snapshot.central.reachable == true && snapshot.central.lastHeartbeatAt != nil)

        // A second beat after the interval carries the newer state.
        await board.device("printer", state: "ok")
        clock.advance(by: .seconds(60))
        #expect(await clock.sleepers(atLeast: 1))
        let second = try await central.client.terminals().terminals.first { $0.terminalId == CentralSimHarness.terminalID }
        #expect(second?.lastHeartbeat?.status == "ok")
        await group.triggerGracefulShutdown()
        try await run.value
        let completes = try capture.events(.heartbeatSendComplete)
        #expect(completes.count == 2 && completes.allSatisfy { $0["outcome"] == "success" })

        // The central service gone: the beat fails, the board says unreachable once.
        await central.stop()
        let down = HeartbeatService(source: board, board: board, transport: central.makeClient(requestTimeout: .seconds(2)),
                                    interval: .seconds(60), clock: clock, log: capture.eventLog())
        await down.beatOnce()
        await down.beatOnce()
        #expect(await board.snapshot().central.reachable == false)
        #expect(await board.snapshot().state == .degraded)
        #expect(try capture.events(.centralReachabilityChanged).map { $0["reachable"] } == ["true", "false"])
    }

    @Test("the fleet report flags terminals without a recent heartbeat as stale")
    func fleetStaleness() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let beat = Heartbeat(status: "ok", softwareVersion: "1", pendingCases: 0, oldestPendingSeconds: nil, refusedCases: 0,
                             devices: ["printer": "ok", "reader": "absent"])
        let list = TerminalList(terminals: [
            .init(terminalId: "T-3", lastHeartbeatAt: nil, lastHeartbeat: nil, casesReceived: 0),
            .init(terminalId: "T-1", lastHeartbeatAt: now.addingTimeInterval(-30), lastHeartbeat: beat, casesReceived: 5),
            .init(terminalId: "T-2", lastHeartbeatAt: now.addingTimeInterval(-181), lastHeartbeat: beat, casesReceived: 2),
        ])
        let report = FleetReport(list: list, now: now, staleAfter: .seconds(180))
        #expect(report.terminals.map(\.terminalId) == ["T-1", "T-2", "T-3"])
        #expect(report.terminals.map(\.stale) == [false, true, true])
        #expect(report.terminals[0].deviceProblems == ["reader=absent"])
        #expect(report.terminals[2].state == "unknown")
        #expect(!report.allHealthy)
        #expect(report.text.contains("失联 2 台"))
    }
}
