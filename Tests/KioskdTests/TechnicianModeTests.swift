import Foundation
import KioskApp
import KioskHost
import KioskStore
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// Technician mode on the real `kioskd --demo` in a pseudo-terminal: the hidden corner gesture,
/// a wrong PIN then the right one (each attempt audited in the demo's store), diagnostics with
/// an injected printer fault showing the failed check and its remedy, the touch test by SGR
/// taps, and leaving back to a home that shows nothing of the mode.
@Suite(.serialized, .realTime(.kiosk)) struct TechnicianModeTests {
    typealias Kiosk = KioskdJourneyTests.Kiosk
    static let pin = "482916"

    /// kioskd --demo with a configuration holding the PIN's hash, and `faults` injected.
    static func start(faults: [String] = []) throws -> Kiosk {
        let dataDir = try RepositoryPaths.temporaryDirectory("kioskd-technician")
        let hash = try TechnicianPIN.make(pin: pin).text
        let config = dataDir.appendingPathComponent("kioskd.toml")
        try Data("demo = true\nregion = \"chongqing\"\n\n[technician]\npin_hash = \"\(hash)\"\n".utf8).write(to: config)
        let port = try FreePort.pick()
        return try Kiosk(region: "chongqing", arguments: [
            "--demo", "--config", config.path, "--data-dir", dataDir.appendingPathComponent("demo").path,
            "--assets", RepositoryPaths.root.appendingPathComponent("Assets").path, "--status", "127.0.0.1:\(port)",
        ] + faults.flatMap { ["--fault", $0] }, dataDir: dataDir)
    }

    /// The technician rows of the demo's audit log, oldest first.
    static func technicianAudit(_ kiosk: Kiosk) async throws -> [String] {
        let demo = kiosk.dataDir.appendingPathComponent("demo")
        let store = try CaseStore(configuration: StoreConfiguration(databasePath: demo.appendingPathComponent("cases.sqlite").path,
                                                                    keyFilePath: demo.appendingPathComponent("store.key").path))
        defer { Task { try? await store.close() } }
        return try await store.auditLog(limit: 50).reversed().filter { $0.event.hasPrefix("technician.") }.map { "\($0.event) \($0.detail)" }
    }

    /// Five taps on home's top-left corner within the gesture's window.
    static func cornerGesture(_ kiosk: Kiosk) async throws {
        for _ in 0..<JourneyReducer.gestureTaps { try kiosk.session.tap(at: Point(x: 1, y: 1)) }
        try await kiosk.wait(for: "请输入维护密码")
    }

    @Test func enterRunDiagnosticsWithAFaultTouchTestAndLeave() async throws {
        let kiosk = try Self.start(faults: ["printer-paper-out"])
        defer { if ProcessInfo.processInfo.environment["KIOSKD_KEEP"] == nil { try? FileManager.default.removeItem(at: kiosk.dataDir) } }
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await Self.cornerGesture(kiosk)

        try await kiosk.type("111111\r")
        let wrong = try await kiosk.wait(for: "密码错误，还可尝试 2 次")
        #expect(!wrong.contains("111111"))
        try await kiosk.type(String(Self.pin.prefix(3)))
        // The three dots are the screen's answer to the three digits: wait for them, not a pause.
        let typing = try await kiosk.wait(for: "● ● ●")
        #expect(!typing.contains("482"))
        try await kiosk.type(String(Self.pin.dropFirst(3)) + "\r")
        try await kiosk.wait(for: "维护菜单")
        kiosk.capture("menu")

        try await kiosk.tap("运行自检")
        let report = try await kiosk.wait(for: "检查完成", timeout: .seconds(60))
        kiosk.capture("diagnostics")
        #expect(report.contains("✘ 故障  纸张：缺纸"), "\(report)")
        #expect(report.contains("处理：") && report.contains("更换纸卷"), "\(report)")
        #expect(!report.contains("王") && !report.contains("11010519"), "no veteran data in technician mode")

        try await kiosk.tap("返回菜单")
        try await kiosk.tap("触摸测试")
        try await kiosk.wait(for: "命中 0/5")
        try kiosk.session.tap(at: Point(x: KioskdJourneyTests.size.columns / 2, y: 6))
        for target in TouchTest.Target.allCases {
            let rect = target.rect(in: KioskdJourneyTests.size)
            try kiosk.session.tap(at: Point(x: rect.x + rect.width / 2, y: rect.y + 1))
        }
        let touched = try await kiosk.wait(for: "用时")
        kiosk.capture("touch test")
        #expect(touched.contains("命中 5/5 · 误触 1 次"), "\(touched)")

        try await kiosk.tap("返回菜单")
        try await kiosk.tap("退出维护")
        // Home, whole: the last frame of technician mode may still be on its way when home's
        // button shows; a trace that stays past the wait is a trace left on home.
        let traces = ["维护", "纸张", "缺纸", "命中", "密码", "●"]
        try? await kiosk.session.wait("home without technician mode") { screen in
            screen.screenText.contains("开始办理") && !traces.contains { screen.screenText.contains($0) }
        }
        let home = try await kiosk.wait(for: "开始办理")
        kiosk.capture("home after leaving")
        for trace in traces { #expect(!home.contains(trace), "\(trace) left on home") }

        let audit = try await Self.technicianAudit(kiosk)
        #expect(audit.count == 3, "\(audit)")
        #expect(audit.first?.hasPrefix("technician.pin-refused failures=1") == true, "\(audit)")
        #expect(audit.dropFirst().first?.hasPrefix("technician.pin-accepted after_failures=1") == true, "\(audit)")
        #expect(audit.last?.hasPrefix("technician.left reason=leave") == true, "\(audit)")
        #expect(!audit.joined().contains(Self.pin) && !audit.joined().contains("111111"))
    }

    @Test func threeWrongPINsLockTheGateAndTheScreenSaysForHowLong() async throws {
        let kiosk = try Self.start()
        defer { if ProcessInfo.processInfo.environment["KIOSKD_KEEP"] == nil { try? FileManager.default.removeItem(at: kiosk.dataDir) } }
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await kiosk.type("\u{1B}[24~")  // F12 from a technician's USB keyboard
        try await kiosk.wait(for: "请输入维护密码")
        for (attempt, answer) in ["密码错误，还可尝试 2 次", "密码错误，还可尝试 1 次", "密码错误次数过多"].enumerated() {
            try await kiosk.type("00000\(attempt)\r")
            try await kiosk.wait(for: answer)
        }
        // Locked: even the right PIN is not checked.
        try await kiosk.type(Self.pin + "\r")
        let locked = try await kiosk.wait(for: "已锁定，请")
        kiosk.capture("locked")
        #expect(locked.contains("秒 后再试"), "\(locked)")
        try await kiosk.type("\u{1B}")
        _ = try await kiosk.wait(for: "开始办理")

        let audit = try await Self.technicianAudit(kiosk)
        #expect(audit.filter { $0.hasPrefix("technician.pin-refused") }.count == 3, "\(audit)")
        #expect(audit.contains { $0.hasPrefix("technician.pin-refused failures=3 lockout_seconds=30") }, "\(audit)")
        #expect(audit.contains { $0.hasPrefix("technician.pin-locked remaining_seconds=") }, "\(audit)")
        #expect(!audit.contains { $0.hasPrefix("technician.pin-accepted") })
    }
}
