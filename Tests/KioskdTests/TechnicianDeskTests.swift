import Foundation
import KioskApp
@testable import KioskHost
import KioskOperations
import KioskStore
import KioskTesting
import Synchronization
import Testing
import TestTraits

/// The host's side of technician mode on a real store and a manual clock: the touch test's
/// timing, the gate's answers as the screen gets them, and the refusal kinds the outbox page
/// groups by.
@Suite(.realTime) struct TechnicianDeskTests {
    /// Runs no device: answers every request with the given checks, as the engine reports them.
    struct ReportedChecks: DiagnosticsRunner {
        let checks: [DiagnosticCheck]
        func run(_ request: DiagnosticRequest, progress: @escaping @Sendable (DiagnosticCheck) -> Void) async -> DiagnosticRun {
            for check in checks { progress(check) }
            return DiagnosticRun(startedAt: Date(timeIntervalSince1970: 0), durationSeconds: 0, technician: request.technician, checks: checks)
        }
        func history(limit: Int) async throws -> [DiagnosticRun] { [] }
    }

    final class Heard: Sendable {
        let events = Mutex<[TechnicianEvent]>([])
        var send: @Sendable (KioskEvent) -> Void {
            { event in if case .technician(let e) = event { self.events.withLock { $0.append(e) } } }
        }
        var all: [TechnicianEvent] { events.withLock { $0 } }
    }

    func desk(_ rig: StoreRig, checks: [DiagnosticCheck] = []) async throws -> TechnicianDesk {
        let store = try rig.open()
        let gate = TechnicianGate(pin: try TechnicianPIN.make(pin: "482916"), store: store, clock: rig.clock)
        return TechnicianDesk(gate: gate, diagnostics: ReportedChecks(checks: checks), store: store, drainer: nil, preflight: nil, clock: rig.clock)
    }

    @Test func theTouchTestIsTimedOnTheKiosksClock() async throws {
        let rig = try StoreRig(label: "technician-desk")
        defer { rig.remove() }
        let desk = try await desk(rig)
        let heard = Heard()
        await desk.perform(.touchTestStarted, send: heard.send)
        rig.clock.advance(by: .milliseconds(2450))
        await desk.perform(.touchTestFinished, send: heard.send)
        #expect(heard.all == [.touchTimed(milliseconds: 2450)])
    }

    @Test func thePINGoesThroughTheGateAndARunReportsEachCheck() async throws {
        let rig = try StoreRig(label: "technician-desk")
        defer { rig.remove() }
        let paper = DiagnosticCheck.fail("printer.paper", "纸张", measured: "缺纸", expected: "有纸", remedy: "更换纸卷")
        let desk = try await desk(rig, checks: [paper])
        let heard = Heard()
        await desk.perform(.checkPIN("000000"), send: heard.send)
        await desk.perform(.checkPIN("482916"), send: heard.send)
        await desk.perform(.runDiagnostics, send: heard.send)
        #expect(heard.all == [
            .pinVerdict(.refused(remaining: 2)), .pinVerdict(.accepted),
            .check(TechnicianCheck(code: "printer.paper", title: "纸张", status: .fail, measured: "缺纸", expected: "有纸", remedy: "更换纸卷")),
            .runFinished,
        ])
    }

    @Test(arguments: [
        ("HTTP 403 wrong_terminal: terminal CQ-1 is not registered", "wrong_terminal"),
        ("HTTP 422 validation_failed: 字段缺失", "validation_failed"),
        ("HTTP 500 internal", "500"),
        ("HTTP 40 x: y", nil),
        ("connection refused", nil),
        ("HTTP 409 Bad-Code: z", "409"),
    ] as [(String, String?)])
    func refusalKinds(error: String, kind: String?) {
        #expect(TechnicianDesk.refusalKind(error) == kind)
    }
}
