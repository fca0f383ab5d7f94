import CentralService
import Foundation
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// central-sim refuses unsigned, stale, replayed and tampered requests (401 with the reason).
@Suite(.realTime) struct CentralSimSigningTests {
    @Test func unsignedStaleReplayedAndTamperedRequestsAreRefused() async throws {
        let sim = try await CentralSimHarness.start()
        do {
            let base = sim.server.baseURL.absoluteString
            let filed = CaseFixtures.chongqing(index: 1)
            let body = try Wire.encoder.encode(CaseSubmission(filed))
            let key = (Wire.idempotencyKey, filed.id.uuidString.lowercased())
            let signer = RequestSigner(terminalID: CentralSimHarness.terminalID, secret: sim.secret)

            // Unsigned.
            let unsigned = try await RawHTTP.send("POST", base + "/v1/cases", headers: [key], body: body)
            #expect(unsigned.status == 401)
            #expect(unsigned.text.contains("\"unsigned\""))

            // Stale: signed ten minutes ago.
            let old = signer.sign(method: "POST", path: "/v1/cases", body: body, date: Date().addingTimeInterval(-600))
            let stale = try await RawHTTP.send("POST", base + "/v1/cases", headers: old.headers + [key], body: body)
            #expect(stale.status == 401)
            #expect(stale.text.contains("stale_timestamp"))

            // Tampered: body changed after signing (one character of the name).
            let fresh = signer.sign(method: "POST", path: "/v1/cases", body: body, date: Date())
            var altered = filed
            altered.applicant.name = "李卫东"
            let tamperedBody = try Wire.encoder.encode(CaseSubmission(altered))
            let tampered = try await RawHTTP.send("POST", base + "/v1/cases", headers: fresh.headers + [key], body: tamperedBody)
            #expect(tampered.status == 401)
            #expect(tampered.text.contains("body_hash_mismatch"))

            // Tampered with a matching body hash but the old signature.
            let rehashed = fresh.headers.map { $0.0 == Wire.contentSHA256 ? ($0.0, RequestSignature.sha256Hex(tamperedBody)) : $0 }
            let forged = try await RawHTTP.send("POST", base + "/v1/cases", headers: rehashed + [key], body: tamperedBody)
            #expect(forged.status == 401)
            #expect(forged.text.contains("bad_signature"))

            // Signed with another secret.
            let stranger = RequestSigner(terminalID: CentralSimHarness.terminalID, secret: .generate())
                .sign(method: "POST", path: "/v1/cases", body: body, date: Date())
            let wrongKey = try await RawHTTP.send("POST", base + "/v1/cases", headers: stranger.headers + [key], body: body)
            #expect(wrongKey.status == 401)
            #expect(wrongKey.text.contains("bad_signature"))

            // The genuine request passes once; the identical request (same nonce) is a replay.
            let first = try await RawHTTP.send("POST", base + "/v1/cases", headers: fresh.headers + [key], body: body)
            #expect(first.status == 201)
            let replay = try await RawHTTP.send("POST", base + "/v1/cases", headers: fresh.headers + [key], body: body)
            #expect(replay.status == 401)
            #expect(replay.text.contains("replayed_nonce"))

            // GETs are signed too.
            let list = try await RawHTTP.send("GET", base + "/v1/terminals")
            #expect(list.status == 401)
            // The specification and liveness are public.
            #expect(try await RawHTTP.send("GET", base + "/healthz").status == 200)
        } catch {
            await sim.stop()
            throw error
        }
        await sim.stop()
    }

    @Test func aClientWithASkewedClockIsRefused() async throws {
        let sim = try await CentralSimHarness.start(signatureWindow: 60)
        let skewed = sim.makeClient(clock: ManualClock(start: SystemClock().wallTime.addingTimeInterval(120)))
        let outcome = await skewed.submit(CaseFixtures.chongqing(index: 2))
        guard case let .retryable(reason, _, scope) = outcome else {
            Issue.record("expected a retryable refusal, got \(outcome)")
            await sim.stop()
            return
        }
        #expect(reason.contains("stale_timestamp"))
        #expect(scope == .service)
        try? await skewed.shutdown()
        await sim.stop()
    }

    @Test func theSpecificationIsServedVerbatim() async throws {
        let sim = try await CentralSimHarness.start()
        let answer = try await RawHTTP.send("GET", sim.server.baseURL.absoluteString + "/openapi.yaml")
        let file = try Data(contentsOf: RepositoryPaths.assets.url("api/central.yaml"))
        #expect(answer.status == 200)
        #expect(answer.body == file)
        #expect(answer.text.hasPrefix("openapi: 3.1"))
        await sim.stop()
    }
}
