import Foundation
import ReceiptPrinter
import Testing
import TestTraits

@Suite(.computeBound) struct PrinterStatusTests {
    typealias C = PrinterStatus.Condition

    /// What CUPS reports (state 3 idle, 4 processing, 5 stopped) and what the kiosk makes of it.
    @Test(arguments: [
        (3, [String](), true, C.ready),
        (3, ["media-low-report"], true, .mediaLow),
        (5, ["media-empty-error", "media-empty", "paused"], true, .mediaEmpty),
        (3, ["media-empty-error", "media-empty"], true, .ready),        // left over after cupsenable: the next job re-checks
        (5, ["cover-open-error", "paused"], true, .coverOpen),
        (4, ["offline-report"], true, .offline),
        (3, ["offline-report"], true, .ready),                          // left over after a canceled job
        (5, ["paused"], true, .paused),
        (3, [], false, .notAccepting),
        (5, ["marker-supply-empty-error"], true, .paused),
        (5, ["paused"], false, .paused),
    ] as [(Int, [String], Bool, C)])
    func classify(state: Int, reasons: [String], accepting: Bool, expected: C) {
        #expect(PrinterStatus.classify(state: state, reasons: reasons, accepting: accepting) == expected)
    }

    @Test func everyConditionHasChineseMessageAndRemedy() throws {
        for condition in C.allCases {
            let status = PrinterStatus(condition: condition, queue: "kiosk", server: "/run/cups/cups.sock")
            #expect(!status.message.isEmpty && !status.remedy.isEmpty && !status.title.isEmpty)
            #expect(status.message.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
            #expect(status.canPrint == (condition == .ready || condition == .mediaLow))
            if !status.canPrint && condition != .unknown && condition != .error {
                #expect(status.message.contains("未能打印"))
            }
        }
    }

    @Test func jsonReportIsOneDocumentWithTheStableKeys() throws {
        let status = PrinterStatus(condition: .paused, queue: "kiosk", server: "127.0.0.1:631", printerState: "stopped",
                                   reasons: ["paused"], accepting: true, stateMessage: "maintenance")
        let json = try PrinterStatusReport(status).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["condition", "canPrint", "message", "remedy", "server", "queue", "printerState", "reasons", "accepting"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["condition"] as? String == "paused")
    }

    @Test func serverAddressesParse() {
        #expect(CupsServer(parsing: "/run/cups/cups.sock") == CupsServer(host: "/run/cups/cups.sock", port: 0))
        #expect(CupsServer(parsing: "127.0.0.1:8632") == CupsServer(host: "127.0.0.1", port: 8632))
        #expect(CupsServer(parsing: "[::1]:631") == CupsServer(host: "::1", port: 631))
        #expect(CupsServer(parsing: "printhost") == CupsServer(host: "printhost", port: 631))
        #expect(CupsServer.configured(environment: ["CUPS_SERVER": "/tmp/x.sock"]).host == "/tmp/x.sock")
    }
}
