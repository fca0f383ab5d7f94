import Foundation
import KioskOperations
import KioskTesting
import Testing
import TestTraits

/// The body of `POST /v1/diagnostics` is outside bytes: every field is checked and named when
/// wrong, and no input crashes the parser or gets through with a value it did not ask for.
@Suite("Diagnostics request", .realTime)
struct DiagnosticRequestTests {
    @Test("a full body, an empty body, and each wrong field named")
    func fields() throws {
        let full = try DiagnosticRequest.parse(Data(#"{"only":["reader","printer"],"technician":"T-07","testPrint":true}"#.utf8))
        #expect(full == DiagnosticRequest(only: [.reader, .printer], technician: "T-07", testPrint: true))
        #expect(try DiagnosticRequest.parse(Data()) == DiagnosticRequest())
        let cases: [(String, String)] = [
            (#"{"only":["toaster"]}"#, "only"),
            (#"{"only":"reader"}"#, "only"),
            (#"{"technician":"\#(String(repeating: "x", count: 33))"}"#, "technician"),
            (#"{"technician":"a\u0007b"}"#, "technician"),
            (#"{"testPrint":"yes"}"#, "testPrint"),
            (#"{"shutdown":true}"#, "shutdown"),
            ("[1,2]", "$"),
            ("{", "$"),
        ]
        for (body, field) in cases {
            #expect(throws: DiagnosticRequest.Invalid.self, "\(body)") { try DiagnosticRequest.parse(Data(body.utf8)) }
            do { _ = try DiagnosticRequest.parse(Data(body.utf8)) } catch { #expect(error.field == field, "\(body)") }
        }
    }

    @Test("fuzz: mutated bodies parse to a request within bounds or fail with a named field")
    func mutatedBodies() throws {
        let seed = Array(#"{"only":["reader","printer","central"],"technician":"T-07","testPrint":false}"#.utf8)
        let alphabet = Array(#"{}[]":,tfnul0123456789.-\ ereadrpintcolsx"#.utf8) + [0x00, 0x07, 0xE5, 0x8C, 0xBA]
        var random = SeededRandom(seed: 16)
        for round in 0..<(Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 2000) {
            var bytes = round % 8 == 0 ? random.bytes(random.below(120)) : seed
            for _ in 0..<(1 + random.below(5)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[at] = alphabet[random.below(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[random.below(alphabet.count)], at: at)
                }
            }
            do {
                let request = try DiagnosticRequest.parse(Data(bytes))
                #expect(request.technician.count <= 32)
                #expect(request.technician.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
            } catch {
                #expect(!error.field.isEmpty && !error.expected.isEmpty)
            }
        }
    }

    @Test("the run's exit code and summary: warnings pass, a failure fails")
    func verdict() {
        let pass = DiagnosticCheck.pass("printer.queue", "打印队列", measured: "q", expected: "q")
        let warn = DiagnosticCheck.warn("printer.paper", "纸张", measured: "纸将尽", expected: "有纸", remedy: "换纸")
        let fail = DiagnosticCheck.fail("reader.found", "读卡器连接", measured: "未连接", expected: "已连接", remedy: "插好")
        let ok = DiagnosticRun(startedAt: Date(timeIntervalSince1970: 0), durationSeconds: 0.1, technician: "", checks: [pass, warn])
        #expect(ok.exitCode == 0 && ok.worst == .warn)
        let bad = DiagnosticRun(startedAt: Date(timeIntervalSince1970: 0), durationSeconds: 0.1, technician: "T", checks: [pass, warn, fail])
        #expect(bad.exitCode == 1)
        #expect(bad.summary.problems.map(\.code) == ["printer.paper", "reader.found"])
        #expect(bad.chineseText.contains("处理：插好") && bad.chineseText.contains("终端未就绪"))
        #expect(DiagnosticCheck.pass("a.b", "t", measured: "m", expected: "e").remedy == nil)
    }
}
