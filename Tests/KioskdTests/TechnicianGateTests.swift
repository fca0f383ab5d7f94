import Foundation
import KioskDomain
import KioskHost
import KioskStore
import KioskTesting
import Testing
import TestTraits

/// The technician PIN: a salted slow hash that only the right PIN matches, a lockout that grows
/// with repeated failures (on a manual clock), and an audit row for every attempt in a real store —
/// never the PIN itself.
@Suite(.realTime) struct TechnicianGateTests {
    @Test func theHashIsSaltedSlowAndReadBack() throws {
        let a = try TechnicianPIN.make(pin: "482916")
        let b = try TechnicianPIN.make(pin: "482916")
        #expect(a.salt != b.salt && a.hash != b.hash)
        #expect(a.rounds >= 210_000)
        let parsed = try TechnicianPIN.parse(a.text)
        #expect(parsed == a)
        #expect(parsed.matches("482916") && !parsed.matches("482917") && !parsed.matches(""))
        #expect(!a.text.contains("482916"))
        #expect(throws: DataFileError.self) { try TechnicianPIN.make(pin: "12a4") }
        for bad in ["", "pbkdf2-sha256$1000$00$00", "md5$210000$" + String(repeating: "0", count: 32) + "$" + String(repeating: "0", count: 64),
                    String(a.text.dropLast(2))] {
            #expect(throws: DataFileError.self, "\(bad)") { try TechnicianPIN.parse(bad) }
        }
    }

    @Test func failuresLockOutWithAGrowingWaitAndEveryAttemptIsAudited() async throws {
        let rig = try StoreRig(label: "technician-gate")
        defer { rig.remove() }
        let store = try rig.open()
        let gate = TechnicianGate(pin: try TechnicianPIN.make(pin: "482916"), store: store, clock: rig.clock)
        #expect(await gate.attempt("111111", technician: "T-07") == .refused(remaining: 2))
        #expect(await gate.attempt("222222", technician: "T-07") == .refused(remaining: 1))
        #expect(await gate.attempt("333333", technician: "T-07") == .refused(remaining: 0))
        // Locked for 30 s: even the right PIN is not checked.
        let locked = await gate.attempt("482916", technician: "T-07")
        #expect(locked == .locked(until: rig.clock.wallTime.addingTimeInterval(30)))
        rig.clock.advance(by: .seconds(31))
        // A fourth failure doubles the wait.
        #expect(await gate.attempt("444444", technician: "T-07") == .refused(remaining: 0))
        rig.clock.advance(by: .seconds(45))
        guard case .locked = await gate.attempt("482916") else { Issue.record("expected the 60 s lockout"); return }
        rig.clock.advance(by: .seconds(20))
        #expect(await gate.attempt("482916", technician: "T-07") == .accepted)
        // The count starts again after a success.
        #expect(await gate.attempt("000000") == .refused(remaining: 2))
        await gate.left(technician: "T-07", reason: "done")

        let rows = try await store.auditLog(limit: 20).reversed().filter { $0.event.hasPrefix("technician.") }.map { "\($0.event) \($0.detail)" }
        #expect(rows == [
            "technician.pin-refused failures=1 technician=T-07",
            "technician.pin-refused failures=2 technician=T-07",
            "technician.pin-refused failures=3 lockout_seconds=30 technician=T-07",
            "technician.pin-locked remaining_seconds=30 technician=T-07",
            "technician.pin-refused failures=4 lockout_seconds=60 technician=T-07",
            "technician.pin-locked remaining_seconds=15",
            "technician.pin-accepted after_failures=4 technician=T-07",
            "technician.pin-refused failures=1",
            "technician.left reason=done technician=T-07",
        ])
        #expect(!rows.joined().contains("482916") && !rows.joined().contains("111111"))
    }
}
