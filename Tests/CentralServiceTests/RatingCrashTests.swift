import CentralService
import CentralServiceTesting
import Foundation
import KioskDomain
import KioskDomainTesting
import KioskStore
import KioskStoreTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
#if canImport(Glibc)
import Glibc
#endif

/// 好差评 ratings through the kill -9 crash test, as cases (EndToEndCrashTests): the driver stores
/// ratings of delivered cases in the kiosk's store; a real `kioskctl outbox drain` delivers them
/// to a real `central-sim` and is killed with SIGKILL at random points (central-sim too, now and
/// then). After every kill central-sim holds each rating at most once and every rating the store
/// calls delivered; at the end it holds every stored rating exactly once.
///
/// `RATING_CRASH_ITERATIONS` (default 30) and `RATING_CRASH_SEED` set the length and the dice.
@Suite(.serialized, .realTime) struct RatingCrashTests {
    @Test func everyStoredRatingReachesCentralExactlyOnceAcrossKills() async throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["RATING_CRASH_ITERATIONS"].flatMap(Int.init) ?? 30
        var random = SeededRandom(seed: environment["RATING_CRASH_SEED"].flatMap(UInt64.init) ?? 14)
        let rig = try await OutboxCrashRig(label: "rating-crash")
        let (sim, store, central, directory) = (rig.sim, rig.store, rig.central, rig.directory)
        func drain(_ label: String, extra: [String] = []) throws -> ChildProcess { try rig.drain(label, extra: ["--until-empty"] + extra) }

        // The cases to rate, delivered first (their central numbers are what a rating names).
        var cases: [FiledCase] = []
        for index in 0..<8 {
            let filed = CaseFixtures.chongqing(index: 7000 + index)
            try await store.confirm(filed)
            cases.append(filed)
        }
        #expect(await (try drain("cases")).exitCode() == 0)

        var stored: [UUID] = []
        var killedMidRun = 0
        var centralAhead = 0

        /// central-sim holds nothing twice and nothing unknown, and everything the store calls delivered.
        func checkAgreement() async throws -> Set<UUID> {
            let held = try await central.listRatings(terminalID: sim.terminalID).ratings.map(\.ratingId)
            #expect(Set(held).count == held.count, "central-sim holds a rating twice")
            #expect(Set(held).isSubset(of: Set(stored)), "central-sim holds a rating nobody stored")
            let delivered = Set(try await store.ratings().filter { $0.state == .delivered }.map(\.id))
            #expect(delivered.isSubset(of: Set(held)), "the store calls a rating delivered that central-sim does not hold")
            centralAhead += Set(held).subtracting(delivered).count
            return Set(held)
        }

        for round in 0..<iterations {
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let filed = cases[Int(random.next() % UInt64(cases.count))]
                let rating = StoredRating(id: UUID(), caseID: filed.id, caseNumber: filed.localReference, score: 1 + Int(random.next() % 5),
                                          reasons: ["一次办成"], ratedAt: Date())
                try await store.storeRating(rating)
                stored.append(rating.id)
            }
            if round % 10 == 9 { try await sim.crashAndRestart() }
            let child = try drain("drain-\(round)")
            try await Task.sleep(for: .milliseconds(Int(random.next() % 400)))
            child.signal(SIGKILL)
            if await child.exitCode() == 128 + SIGKILL { killedMidRun += 1 }
            _ = try await checkAgreement()
        }

        let final = try drain("drain-final", extra: ["--max-seconds", "120", "--json"])
        #expect(await final.exitCode() == 0, "final drain: \(final.standardError.suffix(600))")
        let held = try await checkAgreement()
        #expect(held == Set(stored))
        #expect(try await store.ratings().allSatisfy { $0.state == .delivered })
        #expect(killedMidRun >= iterations / 3, "too few kills landed while kioskctl was running")
        print("rating crash: \(iterations) rounds, \(stored.count) ratings, \(killedMidRun) kills mid-run, "
            + "\(centralAhead) rating-rounds where central-sim was ahead of the store (replayed later)")

        try? await central.shutdown()
        try await store.close()
        await sim.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
