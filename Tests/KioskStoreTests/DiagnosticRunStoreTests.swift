import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// Diagnostics runs in the store: one row per check with run, technician, status, measurement
/// and remedy; newest run first; texts scrubbed; audit rows without a case.
@Suite(.computeBound) struct DiagnosticRunStoreTests {
    @Test func runsAreStoredWholeAndReadNewestFirst() async throws {
        let rig = try StoreRig(label: "diag-runs")
        defer { rig.remove() }
        let store = try rig.open()
        let first = UUID(), second = UUID()
        let results = [
            StoredDiagnosticResult(check: "printer.paper", title: "纸张", status: "fail", measured: "缺纸", expected: "有纸", remedy: "更换纸卷"),
            StoredDiagnosticResult(check: "reader.found", title: "读卡器连接", status: "pass", measured: "已连接", expected: "已连接", remedy: nil),
        ]
        try await store.recordDiagnosticRun(id: first, technician: "T-01", at: rig.clock.wallTime, durationSeconds: 1.5, results: results)
        // A measurement that echoes a personal value is stored masked.
        let echo = StoredDiagnosticResult(check: "reader.read", title: "实时读卡", status: "pass",
                                          measured: "居民身份证 11010519491231002X", expected: "已遮蔽", remedy: nil)
        try await store.recordDiagnosticRun(id: second, technician: "T-02", at: rig.clock.wallTime, durationSeconds: 0.5, results: [echo])
        let runs = try await store.diagnosticRuns(limit: 10)
        #expect(runs.map(\.id) == [second, first])
        #expect(runs[1].results == results && runs[1].technician == "T-01" && runs[1].durationSeconds == 1.5)
        #expect(!runs[0].results[0].measured.contains("11010519491231002X"))
        #expect(try await store.diagnosticRuns(limit: 1).map(\.id) == [second])
        // The older per-check view still answers (passed is false exactly for a fail).
        let latest = try await store.latestDiagnostics()
        #expect(latest.first { $0.check == "printer.paper" }?.passed == false)
    }

    @Test func auditRowsWithoutACaseAreScrubbed() async throws {
        let rig = try StoreRig(label: "diag-audit")
        defer { rig.remove() }
        let store = try rig.open()
        try await store.recordAudit(.technicianPINRefused, detail: "failures=2 from 13800138000")
        let row = try #require(try await store.auditLog(limit: 1).first)
        #expect(row.event == "technician.pin-refused" && row.caseID == nil)
        #expect(!row.detail.contains("13800138000"))
    }
}
