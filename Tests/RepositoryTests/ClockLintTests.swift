import Foundation
import Testing
import TestTraits
import TestSupport

/// The clock is the only source of time in the product: every module takes a `KioskClock`, so
/// tests and the demo move wall time and durations together. A new `Date()` or
/// `ContinuousClock()` in `Sources/` fails here with the file and line, unless the line says why
/// it must read real time (`// clock-exempt: <why>`).
@Suite(.realTime) struct ClockLintTests {
    /// Ways Swift code reads the time by itself.
    static let forbidden = [
        "Date()", "Date.now", "ContinuousClock()", "SuspendingClock()", "ContinuousClock.now", "SuspendingClock.now",
        "DispatchTime.now()", "DispatchWallTime.now()", "CFAbsoluteTimeGetCurrent", "clock_gettime", "gettimeofday",
        "time(nil)", "ProcessInfo.processInfo.systemUptime",
    ]

    @Test func noModuleReadsTheTimeOutsideKioskTime() throws {
        var offenders: [String] = []
        for (relative, file) in RepositoryPaths.swiftFiles(under: "Sources") {
            // The clocks themselves; the test rigs, which wait in real time for real processes.
            if relative.hasPrefix("Sources/KioskTime/") || relative.contains("Testing/") || relative.hasPrefix("Sources/TestSupport/") { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let code = line.components(separatedBy: "//").first ?? line
                guard !line.contains("clock-exempt:") else { continue }
                for pattern in Self.forbidden where code.contains(pattern) {
                    offenders.append("\(relative):\(index + 1): \(pattern) — take a KioskClock instead")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// The lint itself sees what it is meant to see.
    @Test func theLintCatchesEachForm() {
        for pattern in Self.forbidden {
            let line = "let t = \(pattern)"
            #expect(Self.forbidden.contains { line.contains($0) })
        }
        #expect(!Self.forbidden.contains { "clock.wallTime".contains($0) })
    }
}
