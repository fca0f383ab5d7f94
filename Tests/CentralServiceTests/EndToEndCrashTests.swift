import CentralService
import Foundation
import KioskDomain
import KioskStore
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
#if canImport(Glibc)
import Glibc
#endif

/// Crash safety with real processes: the test (the driver) confirms cases into the kiosk's store,
/// a real `kioskctl outbox drain` submits them to a real `central-sim` on loopback and is killed
/// with SIGKILL at random points (central-sim too, now and then). After every kill central-sim
/// holds each case at most once and agrees with every acknowledgement the store recorded; at the
/// end it holds every confirmed case exactly once and the store agrees.
///
/// `CENTRAL_CRASH_ITERATIONS` (default 50) and `CENTRAL_CRASH_SEED` set the length and the dice;
/// `scripts/soak-central-crash` runs a long soak.
@Suite(.serialized, .realTime) struct EndToEndCrashTests {
    @Test func everyConfirmedCaseReachesCentralExactlyOnceAcrossKills() async throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["CENTRAL_CRASH_ITERATIONS"].flatMap(Int.init) ?? 50
        var random = SeededRandom(seed: environment["CENTRAL_CRASH_SEED"].flatMap(UInt64.init) ?? 2026)
        let rig = try await OutboxCrashRig(label: "central-crash")
        let (sim, store, central, directory) = (rig.sim, rig.store, rig.central, rig.directory)
        var confirmed: [UUID] = []
        var index = 5000
        var killedMidRun = 0
        var acknowledgementsLost = 0

        /// central-sim holds nothing twice and nothing unknown; every acknowledgement the store
        /// recorded names the case number central-sim gave.
        func checkAgreement() async throws -> [UUID: String] {
            let held = try await central.listCases(terminalID: sim.terminalID).cases
            let numbers = Dictionary(held.map { ($0.caseId, $0.caseNumber) }, uniquingKeysWith: { first, _ in first })
            #expect(numbers.count == held.count, "central-sim holds a case twice")
            #expect(Set(numbers.keys).isSubset(of: Set(confirmed)), "central-sim holds a case nobody confirmed")
            for entry in try await store.outboxEntries(states: [.delivered], limit: 100_000) {
                #expect(numbers[entry.caseID] == entry.centralCaseNumber, "store and central-sim disagree on \(entry.localReference)")
            }
            return numbers
        }

        /// Cases central-sim holds that the store still has pending: the kill fell between the
        /// central commit and the store's acknowledgement, so the next run must replay them.
        func unacknowledged(_ numbers: [UUID: String]) async throws -> Int {
            let pending = Set(try await store.outboxEntries(states: [.pending], limit: 100_000).map(\.caseID))
            return numbers.keys.filter(pending.contains).count
        }

        for round in 0..<iterations {
            for _ in 0..<(1 + Int(random.next() % 5)) {
                let filed = CaseFixtures.chongqing(index: index)
                index += 1
                try await store.confirm(filed)
                confirmed.append(filed.id)
            }
            if round % 10 == 9 { try await sim.crashAndRestart() }
            let before = try await central.listCases(terminalID: sim.terminalID).cases.count
            let child = try rig.drain("drain-\(round)", extra: ["--until-empty"])
            if round % 2 == 0 {
                // Anywhere: during start-up, opening the store, or in the middle of the queue (a run
                // of 1–5 cases takes roughly 0.15–0.5 s: start-up plus 10–50 ms per submission).
                try await Task.sleep(for: .milliseconds(Int(random.next() % 300)))
            } else {
                // Mid-queue: once central-sim has taken a case from this run, a few milliseconds on.
                let deadline = ContinuousClock.now + .seconds(5)
                while ContinuousClock.now < deadline,
                      try await central.listCases(terminalID: sim.terminalID).cases.count == before {
                    try await Task.sleep(for: .milliseconds(2))
                }
                try await Task.sleep(for: .milliseconds(Int(random.next() % 20)))
            }
            child.signal(SIGKILL)
            if await child.exitCode() == 128 + SIGKILL { killedMidRun += 1 }
            acknowledgementsLost += try await unacknowledged(try await checkAgreement())
        }

        let final = try rig.drain("drain-final", extra: ["--until-empty", "--max-seconds", "120", "--json"])
        let code = await final.exitCode()
        #expect(code == 0, "final drain: \(final.standardError.suffix(600))")
        let numbers = try await checkAgreement()
        #expect(Set(numbers.keys) == Set(confirmed))
        #expect(numbers.count == confirmed.count)
        let stats = try await store.outboxStats(now: Date())
        #expect(stats.pending == 0)
        #expect(stats.delivered == confirmed.count)
        #expect(killedMidRun >= iterations / 2, "too few kills landed while kioskctl was running")
        #expect(acknowledgementsLost > 0, "no kill fell between central's commit and the store's acknowledgement")
        print("end-to-end crash: \(iterations) rounds, \(confirmed.count) cases, \(killedMidRun) kills mid-run, "
            + "\(acknowledgementsLost) case-rounds where central-sim was ahead of the store (replayed later)")

        try? await central.shutdown()
        try await store.close()
        await sim.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
