import CentralService
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// What a server says is outside text: before it reaches the technician's terminal (alerts,
/// status), the logs or the store, control characters are gone and personal values are hidden.
@Suite(.realTime) struct HostileServerTextTests {
    static func hostileProblem(_ filed: FiledCase) -> Data {
        let phone = filed.applicant.phone ?? "13800138000"
        let spaced = phone.prefix(3) + " " + phone.dropFirst(3).prefix(4) + " " + phone.suffix(4)
        let message = "\u{1B}[2J\u{1B}]0;owned\u{07}申请人\(filed.applicant.name) 证件\(filed.applicant.idNumber) 电话\(spaced)\n"
            + "FAKE LOG LINE level=error 卡号 6222-0202-0011-2233-445\u{9B}31m"
        let problem = Problem(error: "validation_failed\u{1B}[31m", message: message,
                              fieldErrors: [.init(field: "applicant.name\u{7}", code: "bad", message: filed.applicant.name)])
        return try! Wire.encoder.encode(problem)
    }

    static func leaks(_ text: String, _ filed: FiledCase) -> [String] {
        var found: [String] = []
        // Without its ESC/BEL/CSI bytes an escape sequence is inert text.
        if text.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) { found.append("control character") }
        let phone = filed.applicant.phone ?? "13800138000"
        for value in [filed.applicant.name, filed.applicant.idNumber, phone, String(phone.prefix(3)) + " " + phone.dropFirst(3).prefix(4),
                      "6222-0202"] where text.contains(value) {
            found.append(value)
        }
        return found
    }

    @Test(arguments: [(422, "refused"), (401, "signature refused")])
    func serverTextIsCleanedBeforeItIsShownLoggedOrStored(status: Int, what: String) async throws {
        let filed = CaseFixtures.chongqing(index: 60)
        let server = try CannedHTTPServer(status: status, body: Self.hostileProblem(filed))
        defer { server.stop() }
        let client = try CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: CentralSimHarness.terminalID),
                                       secret: .generate())
        defer { Task { try? await client.shutdown() } }
        let outbox = MemoryOutbox(alertThreshold: 1)
        await outbox.enqueue(filed, at: Date())
        let logs = LogCapture()
        let drainer = OutboxDrainer(store: outbox, submitter: client,
                                    configuration: .init(alertAfterAttempts: 1), seed: 1, logger: logs.logger())
        let report = try await drainer.drainOnce()
        let entry = try #require(await outbox.entry(filed.id))
        let outboxStatus = try await drainer.status()
        // The terminal's identity is asked first. A 401 there is a terminal fault: the queue is
        // held before any case is sent, and only the answer's status and code are kept.
        if status == 401 {
            #expect(server.requestCount == 1 && entry.lastError == nil)
            #expect(outboxStatus.terminalFault?.kind == .keyRefused)
        } else {
            #expect(server.requestCount == 2)
        }
        let lastError = entry.lastError ?? outboxStatus.terminalFault?.detail ?? ""
        var shown = [lastError] + report.alerts.map(\.lastError) + logs.text
        if let statusError = outboxStatus.lastError { shown.append(statusError) }
        #expect(!report.alerts.isEmpty, "\(what): an alert for the technician")
        for text in shown {
            #expect(Self.leaks(text, filed).isEmpty, "\(what): \(Self.leaks(text, filed)) in \(text)")
        }
        // What is left still says what happened.
        #expect(lastError.contains("HTTP \(status)"))
    }
}
