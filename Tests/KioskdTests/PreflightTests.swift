import Foundation
import KioskApp
import KioskDomain
import KioskHost
import KioskStore
import KioskTesting
import Testing
import TestTraits

/// Pre-flight on a real case store in a temporary folder: each failing condition names its
/// check and remedy and maps to the pause home shows; the same folder passes once it is fixed.
@Suite(.realTime) struct PreflightTests {
    struct Folder {
        let directory: URL
        let store: CaseStore
        let keyPath: String
        let calendar: WorkingDayCalendar

        init() async throws {
            directory = try RepositoryPaths.temporaryDirectory("preflight")
            keyPath = directory.appendingPathComponent("store.key").path
            store = try CaseStore(configuration: StoreConfiguration(databasePath: directory.appendingPathComponent("cases.sqlite").path,
                                                                    keyFilePath: keyPath))
            calendar = try WorkingDayCalendar.load(from: RepositoryPaths.assets)
        }

        /// 10:00 in China on that day.
        static func chinaTime(_ year: Int, _ month: Int, _ day: Int) -> Date {
            ChinaTime.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 10))!
        }

        func preflight(at date: Date = Self.chinaTime(2026, 12, 7), reserve: Int64 = 1 << 20) -> Preflight {
            Preflight(dataDirectory: directory, store: store, calendar: calendar, clock: ManualClock(start: date),
                      reserveBytes: { reserve }, secretFiles: [("store key", keyPath)])
        }
    }

    @Test func aHealthyTerminalPasses() async throws {
        let folder = try await Folder()
        defer { try? FileManager.default.removeItem(at: folder.directory) }
        let failures = await folder.preflight().run()
        #expect(failures.isEmpty, "\(failures)")
        #expect(Preflight.pause(for: failures) == nil)
    }

    @Test func aKeyOthersCanReadPausesTheTerminalUntilItIsFixed() async throws {
        let folder = try await Folder()
        defer { try? FileManager.default.removeItem(at: folder.directory) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.keyPath)
        let failures = await folder.preflight().run()
        #expect(failures.map(\.check) == ["key_file"])
        #expect(failures.first?.remedy == "chmod 600 \(folder.keyPath)")
        #expect(Preflight.pause(for: failures) == .store)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.keyPath)
        #expect(await folder.preflight().run().isEmpty)
    }

    @Test func anUnsetClockAndAYearWithoutCalendarAreNamed() async throws {
        let folder = try await Folder()
        defer { try? FileManager.default.removeItem(at: folder.directory) }
        // A board without a real-time clock boots in 1970; the calendar has no such year either.
        let unset = await folder.preflight(at: Date(timeIntervalSince1970: 0)).run()
        #expect(unset.map(\.check) == ["clock", "calendar"])
        #expect(Preflight.pause(for: unset) == .clock)
        // A set clock in a year the Assets have no calendar for yet.
        let future = await folder.preflight(at: Folder.chinaTime(2031, 3, 2)).run()
        #expect(future.map(\.check) == ["calendar"])
        #expect(future.first?.reason.contains("2031") == true)
        #expect(Preflight.pause(for: future) == .calendar)
    }

    @Test func aDiskBelowTheReserveStopsNewCases() async throws {
        let folder = try await Folder()
        defer { try? FileManager.default.removeItem(at: folder.directory) }
        let failures = await folder.preflight(reserve: Int64.max / 2).run()
        #expect(failures.map(\.check) == ["disk"])
        #expect(Preflight.pause(for: failures) == .disk)
    }
}
