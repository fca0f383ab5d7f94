import CentralService
import CentralSim
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

/// `POST /v1/ratings` against central-sim on loopback: stored once per UUID (a resend is a
/// replay), only for the signing terminal's own case, checked field by field, and logged without
/// a personal value; the store's rating outbox delivers through `RatingDrainer`.
@Suite(.serialized, .realTime) struct RatingTests {
    static func start(logs: LogCapture) async throws -> (RunningCentralSim, CentralClient, CentralClient, URL) {
        let directory = try RepositoryPaths.temporaryDirectory("central-ratings")
        let secret = TerminalSecret.generate(), other = TerminalSecret.generate()
        let server = try await CentralSimServer.start(CentralSimConfiguration(
            host: "127.0.0.1", port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path,
            assets: RepositoryPaths.assets, terminals: [CentralSimHarness.terminalID: secret, CentralSimHarness.otherTerminalID: other],
            refusalRate: 0), logger: logs.logger(label: "central-sim"))
        let client = try CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: CentralSimHarness.terminalID), secret: secret)
        let otherClient = try CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: CentralSimHarness.otherTerminalID), secret: other)
        return (server, client, otherClient, directory)
    }

    @Test func aRatingIsStoredOnceAndOnlyForTheTerminalsOwnCaseAndLogsNoPersonalValue() async throws {
        let logs = LogCapture()
        let (server, client, other, directory) = try await Self.start(logs: logs)
        var filed = CaseFixtures.chongqing(index: 14)
        filed.terminalID = CentralSimHarness.terminalID
        guard case .accepted(let receipt, _, _) = await client.submit(filed) else { Issue.record("case not accepted"); return }
        _ = try await client.search(idNumber: filed.applicant.idNumber)
        _ = try await client.progress(caseNumber: receipt.caseNumber)

        let rating = RatingSubmission(ratingId: UUID(), caseNumber: receipt.caseNumber, score: 5, reasons: ["一次办成"], ratedAt: Date())
        guard case .delivered(let first, replayed: false) = await client.submitRating(rating) else { Issue.record("not delivered"); return }
        #expect(first.score == 5 && first.caseNumber == receipt.caseNumber)
        guard case .delivered(let again, replayed: true) = await client.submitRating(rating) else { Issue.record("no replay"); return }
        #expect(again == first)
        var changed = rating
        changed.score = 1
        #expect(await client.submitRating(changed) == .refused(status: 409, Problem(error: "idempotency_conflict", message: "同一评价编号已提交过不同的内容")))
        if case .refused(let status, _) = await other.submitRating(RatingSubmission(ratingId: UUID(), caseNumber: receipt.caseNumber, score: 3,
                                                                                     reasons: [], ratedAt: Date())) {
            #expect(status == 403, "another terminal's case")
        } else { Issue.record("another terminal rated a case it did not submit") }
        if case .refused(let status, _) = await client.submitRating(RatingSubmission(ratingId: UUID(), caseNumber: "YJS-000000-20260101-999999",
                                                                                      score: 3, reasons: [], ratedAt: Date())) {
            #expect(status == 404)
        } else { Issue.record("a rating of an unknown case was taken") }
        for bad in [RatingSubmission(ratingId: UUID(), caseNumber: receipt.caseNumber, score: 6, reasons: [], ratedAt: Date()),
                    RatingSubmission(ratingId: UUID(), caseNumber: receipt.caseNumber, score: 3, reasons: [String(repeating: "长", count: 41)], ratedAt: Date()),
                    RatingSubmission(ratingId: UUID(), caseNumber: receipt.caseNumber, score: 3, reasons: [], ratedAt: Date(), channel: "sms")] {
            if case .refused(let status, let problem) = await client.submitRating(bad) {
                #expect(status == 422 && problem.fieldErrors?.isEmpty == false)
            } else { Issue.record("invalid rating taken: \(bad)") }
        }
        #expect(try await client.listRatings(terminalID: CentralSimHarness.terminalID).ratings == [first])

        let personal = [filed.applicant.name, filed.applicant.idNumber, filed.applicant.phone ?? "", filed.applicant.address ?? ""].filter { !$0.isEmpty }
        #expect(logs.text.contains { $0.contains("rating stored") })
        for line in logs.text { for value in personal { #expect(!line.contains(value), "\(value) in central-sim's log: \(line)") } }

        try? await client.shutdown()
        try? await other.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func theStoresRatingOutboxWaitsForItsCaseThenDeliversOnce() async throws {
        let logs = LogCapture()
        let (server, client, other, directory) = try await Self.start(logs: logs)
        let rig = try StoreRig(label: "ratings")
        let store = try rig.open()
        var filed = CaseFixtures.chongqing(index: 15)
        filed.terminalID = CentralSimHarness.terminalID
        try await store.confirm(filed)
        // Rated before the case reached the centre: it waits for the case's number.
        try await store.storeRating(StoredRating(id: UUID(), caseID: filed.id, caseNumber: filed.localReference, score: 4,
                                                     reasons: ["指引清晰易懂"], ratedAt: Date()))
        let drainer = RatingDrainer(store: store, submitter: client, logger: logs.logger(label: "kiosk.ratings"))
        #expect(try await drainer.drainOnce() == 0)
        _ = try await OutboxDrainer(store: store, submitter: client).drainOnce()
        #expect(try await drainer.drainOnce() == 1)
        #expect(try await drainer.drainOnce() == 0)
        let stored = try await store.ratings()
        #expect(stored.map(\.state) == [.delivered])
        #expect(try await client.listRatings(terminalID: CentralSimHarness.terminalID).ratings.map(\.ratingId) == stored.map(\.id))
        #expect(try await store.auditLog().contains { $0.event == "rating.delivered" })
        try? await client.shutdown()
        try? await other.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
