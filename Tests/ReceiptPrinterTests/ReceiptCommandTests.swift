import Foundation
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

/// `kioskctl receipt render` as technicians and scripts call it (the built binary; CI runs
/// `swift build` before `swift test`).
@Suite(.realTime) struct ReceiptCommandTests {
    let env = ["KIOSK_ASSETS": RepositoryPaths.assets.root.path, "PATH": "/usr/bin:/bin"]

    func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let kioskctl = try BuiltProducts.path("kioskctl"), env = env
        return try await Spawn.offPool { try Spawn.run(kioskctl, arguments, environment: env) }
    }

    @Test func sampleRendersTheSameTextEveryRunButForThePrintingTime() async throws {
        let a = try await run(["receipt", "render", "--sample"])
        let b = try await run(["receipt", "render", "--sample"])
        #expect(a.status == 0)
        #expect(a.output == b.output)
        #expect(a.output.contains("受理编号：500112-2026-TY-000123"))
        #expect(a.output.contains("身份证号：110***********002X"))
        #expect(!a.output.contains("11010519491231002X"))
    }

    @Test func escposOutputToAFile() async throws {
        let dir = try RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.bin").path
        let result = try await run(["receipt", "render", "--sample", "--format", "escpos", "--output", file, "--reprint"])
        #expect(result.status == 0, "\(result.output)")
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: file)))
        #expect(bytes.starts(with: [0x1B, 0x40]))
        let parsed = ESCPOSStrip.parse(bytes)
        #expect(parsed.cuts == 1)
        #expect(parsed.qrPayloads.count == 1)
        #expect(try #require(ReceiptTextEncoding.gb18030.decode(parsed.text)).contains("【补打】"))
    }

    @Test func badInputExitsTwoNamingTheFileAndKey() async throws {
        let dir = try RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("case.json")
        try Data(#"{"id":"00000000-0000-4000-8000-000000000001","localReference":5}"#.utf8).write(to: file)
        let bad = try await run(["receipt", "render", "--case", file.path])
        #expect(bad.status == 2)
        #expect(bad.output.contains(file.path) && bad.output.contains("localReference"))
        #expect(try await run(["receipt", "render", "--sample", "--format", "pdf"]).status == 2)
        #expect(try await run(["receipt", "render"]).status == 2)
    }
}
