import Foundation
@testable import KioskOperations
import KioskTesting
import KioskOperationsTesting
import Testing
import TestTraits

@Suite("Status API", .serialized, .realTime)
struct StatusServerTests {
    @Test("on loopback: healthz, status, metrics and the OpenAPI document answer without a token")
    func loopback() async throws {
        let capture = EventLogCapture()
        let rig = try await StatusServerRig.start(log: capture.eventLog())
        defer { Task { await rig.stop() } }
        await rig.board.device("printer", state: "no_paper", model: "TM-T82III", error: "out of paper", remedy: "装入 80mm 热敏纸")
        await rig.board.device("reader", state: "ok", model: "CVR-100U")
        await rig.board.outbox(.init(pending: 2, oldestAgeSeconds: 125, refused: 1))
        await rig.board.session(active: true, screen: "form")

        let health = try await RawHTTP.send("GET", rig.baseURL + "/healthz")
        #expect(health.status == 200 && health.text == #"{"status":"ok"}"#)

        let status = try await RawHTTP.send("GET", rig.baseURL + "/v1/status")
        #expect(status.status == 200)
        let snapshot = try StatusSnapshot.decoder.decode(StatusSnapshot.self, from: status.body)
        #expect(snapshot.state == .degraded)
        #expect(snapshot.devices.map(\.name) == ["printer", "reader"])
        #expect(snapshot.devices[0].remedy == "装入 80mm 热敏纸")
        #expect(snapshot.outbox == .init(pending: 2, oldestAgeSeconds: 125, refused: 1))
        #expect(snapshot.session == .init(active: true, screen: "form"))

        let metrics = try await RawHTTP.send("GET", rig.baseURL + "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        for line in [#"kiosk_device_state{device="printer",state="no_paper"} 1"#, #"kiosk_device_up{device="reader"} 1"#,
                     "kiosk_outbox_pending 2", "kiosk_outbox_oldest_age_seconds 125", "kiosk_session_active 1",
                     #"kiosk_state{state="degraded"} 1"#, #"kiosk_state{state="ok"} 0"#] {
            #expect(metrics.text.contains(line), "missing \(line)")
        }
        // A state left goes back to 0 rather than staying raised.
        await rig.board.device("printer", state: "ok")
        let after = try await RawHTTP.send("GET", rig.baseURL + "/metrics").text
        #expect(after.contains(#"kiosk_device_state{device="printer",state="no_paper"} 0"#))
        #expect(after.contains(#"kiosk_device_state{device="printer",state="ok"} 1"#))
        #expect(after.contains(#"kiosk_status_requests_total{route="/metrics",status="200"} 1"#))

        let spec = try await RawHTTP.send("GET", rig.baseURL + "/openapi.yaml")
        #expect(spec.body == (try Data(contentsOf: RepositoryPaths.assets.url("api/status.yaml"))))
        #expect(try capture.events(.statusServerListening).first?["auth"] == "none")
    }

    @Test("beyond loopback: absent, malformed, wrong and stale tokens are refused; healthz stays open")
    func tokenBeyondLoopback() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("status-token")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokenFile = directory.appendingPathComponent("status.token").path
        let first = "first-token-0123456789abcdef"
        try (first + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let capture = EventLogCapture()
        let rig = try await StatusServerRig.start(host: "0.0.0.0", tokenFile: tokenFile, log: capture.eventLog())
        defer { Task { await rig.stop() } }
        func get(_ path: String, _ authorization: String?) async throws -> Int {
            try await RawHTTP.send("GET", rig.baseURL + path, headers: authorization.map { [("Authorization", $0)] } ?? []).status
        }
        #expect(try await get("/healthz", nil) == 200)
        for path in ["/v1/status", "/metrics", "/openapi.yaml"] {
            #expect(try await get(path, nil) == 401, "absent token on \(path)")
            #expect(try await get(path, "Basic \(first)") == 401, "malformed on \(path)")
            #expect(try await get(path, "Bearer wrong-token-0123456789abcdef") == 401, "wrong token on \(path)")
            #expect(try await get(path, "Bearer \(first.dropLast())") == 401, "prefix of the token on \(path)")
            #expect(try await get(path, "Bearer \(first)") == 200, "right token on \(path)")
        }
        let refusal = try await RawHTTP.send("GET", rig.baseURL + "/v1/status")
        #expect(refusal.headers["www-authenticate"]?.hasPrefix("Bearer") == true)

        // Rotating the file makes the old token stale at once, without a restart.
        let second = "second-token-abcdef0123456789"
        try second.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        #expect(try await get("/v1/status", "Bearer \(first)") == 401, "stale token")
        #expect(try await get("/v1/status", "Bearer \(second)") == 200)

        // No usable token file: everything but healthz is refused, and the log says why.
        try FileManager.default.removeItem(atPath: tokenFile)
        #expect(try await get("/v1/status", "Bearer \(second)") == 401)
        #expect(try await get("/healthz", nil) == 200)
        #expect(try capture.events(.statusTokenUnreadable).count >= 1)
        let refused = try capture.events(.statusRequestRefused)
        #expect(Set(refused.compactMap { $0["reason"] }) == ["absent token", "malformed authorization", "wrong token"])
        #expect(!capture.lines.joined().contains(first) && !capture.lines.joined().contains(second))
        #expect(try capture.events(.statusServerListening).first?["auth"] == "bearer")
    }

    @Test("no personal value fed to the board reaches status, metrics or the log")
    func noPersonalData() async throws {
        let capture = EventLogCapture()
        let rig = try await StatusServerRig.start(log: capture.eventLog())
        defer { Task { await rig.stop() } }
        let filed = CaseFixtures.withBankAccountAndPhoto()
        let personal = PersonalDataProbe.values(of: filed)
        // The kinds of free text that can echo a veteran's data: a reader's error with the card's
        // number, a server's refusal quoting the phone, a printer's job name.
        await rig.board.device("reader", state: "error", error: "card \(filed.applicant.idNumber) unreadable")
        await rig.board.device("printer", state: "error", error: "job for \(filed.applicant.phone ?? "") failed")
        await rig.board.centralContact(reachable: false, error: "refused: \(filed.fields.last!.value) / \(filed.applicant.idNumber)")
        let outputs = [try await RawHTTP.send("GET", rig.baseURL + "/v1/status").text,
                       try await RawHTTP.send("GET", rig.baseURL + "/metrics").text,
                       capture.lines.joined()]
        #expect(personal.count >= 4)
        for value in personal {
            for output in outputs { #expect(!output.contains(value), "a personal value leaked") }
        }
        #expect(outputs[0].contains("[已隐去]"))
    }
}
