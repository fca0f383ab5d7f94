import Foundation
@testable import KioskOperations
import KioskTesting
import KioskOperationsTesting
import Logging
import Testing
import TestTraits

@Suite("Event log", .realTime)
struct EventLogTests {
    @Test("the generated enum and docs/events.md are current with the catalog")
    func generatedFilesAreCurrent() async throws {
        // Swift's own reading of the catalog agrees with the generated enum…
        struct Catalog: Decodable {
            struct Event: Decodable { var code: String; var level: String; var message: String; var fields: [String: String] }
            var events: [Event]
        }
        let catalog = try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: RepositoryPaths.root
            .appendingPathComponent("Assets/events/catalog.json")))
        #expect(catalog.events.map(\.code) == OperationsEvent.allCases.map(\.rawValue))
        for (entry, event) in zip(catalog.events, OperationsEvent.allCases) {
            #expect(entry.level == event.level.rawValue)
            #expect(entry.message == event.message)
            #expect(Set(entry.fields.keys) == Set(event.fields))
        }
        // …and the generator says both committed files are what it would write now.
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["python3", RepositoryPaths.root.appendingPathComponent("scripts/generate-events").path, "--check"])
        #expect(result.status == 0, "\(result.stderrText)")
    }

    @Test("an event is one JSON line with its code, level, message and declared fields, values scrubbed")
    func jsonLine() throws {
        let capture = EventLogCapture()
        let log = capture.eventLog()
        log.log(.deviceStateChanged, ["device": "printer", "from": "ok", "to": "no_paper",
                                      "detail": "身份证 11010519491231002X 卡纸\n"])
        let record = try #require(try capture.records().first)
        #expect(record["event"] == "device-state-changed")
        #expect(record["level"] == "notice")
        #expect(record["message"] == "device state changed")
        #expect(record["device"] == "printer" && record["to"] == "no_paper")
        #expect(record["detail"] == "身份证 [已隐去] 卡纸")
        #expect(record["ts"]?.hasSuffix("Z") == true)
        #expect(capture.lines.count == 1 && capture.lines[0].hasSuffix("}\n"))
        #expect(!capture.lines[0].dropLast().contains("\n"))
    }

    @Test("a message from a library becomes library-message with its text scrubbed")
    func libraryMessage() throws {
        let capture = EventLogCapture()
        capture.logger(label: "hummingbird").warning("client 13800138000 sent junk", metadata: ["peer": "x"])
        let record = try #require(try capture.records().first)
        #expect(record["event"] == "library-message")
        #expect(record["label"] == "hummingbird")
        #expect(record["text"] == "client [已隐去] sent junk")
        #expect(record["peer"] == nil)
    }

    @Test("a long action logs an init and a complete event with duration and outcome")
    func actionPairs() async throws {
        let capture = EventLogCapture()
        let log = capture.eventLog()
        let value = await log.action(.outboxDrain, ["pending": "3"], completion: { (n: Int) in [("delivered", "\(n)"), ("pending", "0")] }) {
            3
        }
        #expect(value == 3)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await log.action(.heartbeatSend, ["status": "ok"]) { throw Boom() }
        }
        let records = try capture.records()
        #expect(records.map { $0["event"]! } == ["outbox-drain-init", "outbox-drain-complete", "heartbeat-send-init", "heartbeat-send-complete"])
        #expect(records[1]["outcome"] == "success" && records[1]["delivered"] == "3" && Double(records[1]["duration_ms"]!) != nil)
        #expect(records[3]["outcome"] == "failure" && records[3]["level"] == "warning" && records[3]["error"] == "Boom()")
    }

    @Test("device states are logged only when they change")
    func deviceChangesOnly() async throws {
        let capture = EventLogCapture()
        let board = StatusBoard(version: "t", region: "chongqing", terminal: "T", centralURL: "http://c", dataDirectory: "/d",
                                log: capture.eventLog())
        for _ in 0..<5 { await board.device("reader", state: "ok", model: "CVR-100U") }
        await board.device("printer", state: "ok")
        for _ in 0..<3 { await board.device("printer", state: "no_paper", error: "paper out", remedy: "装入热敏纸") }
        await board.device("printer", state: "ok")
        let changes = try capture.events(.deviceStateChanged)
        #expect(changes.map { "\($0["device"]!):\($0["from"]!)>\($0["to"]!)" }
            == ["reader:none>ok", "printer:none>ok", "printer:ok>no_paper", "printer:no_paper>ok"])
        let printer = try #require(await board.snapshot().devices.first { $0.name == "printer" })
        #expect(printer.state == "ok" && printer.remedy == nil && printer.lastError == nil)
    }

    @Test("every catalog event renders through the handler as parseable JSON")
    func everyEventRenders() throws {
        let capture = EventLogCapture()
        let log = capture.eventLog()
        for event in OperationsEvent.allCases {
            var fields: [(String, String)] = []
            for name in event.fields { fields.append((name, "v\"\\\u{1}\(name)")) }
            log.logger.log(level: event.level, "\(event.message)",
                           metadata: Dictionary(uniqueKeysWithValues: fields.map { ($0.0, Logger.MetadataValue.string($0.1)) })
                               .merging([EventLog.eventKey: .string(event.rawValue)]) { a, _ in a })
        }
        let records = try capture.records()
        #expect(records.count == OperationsEvent.allCases.count)
        #expect(Set(records.compactMap { $0["event"] }) == Set(OperationsEvent.allCases.map(\.rawValue)))
    }
}
