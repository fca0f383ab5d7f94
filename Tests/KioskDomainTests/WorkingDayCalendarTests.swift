import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

@Suite(.computeBound) struct WorkingDayCalendarTests {
    let calendar: WorkingDayCalendar

    init() throws {
        calendar = try WorkingDayCalendar.load(from: RepositoryPaths.assets)
    }

    private func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func bothPublishedYearsHave248WorkingDays() throws {
        #expect(try calendar.workingDays(in: 2025) == 248)
        #expect(try calendar.workingDays(in: 2026) == 248)
    }

    @Test func makeUpSaturdayIsAWorkingDayAndHolidayWeekdayIsNot() throws {
        #expect(try calendar.isWorkingDay(d("2026-02-14")))   // Saturday, 春节调休
        #expect(try !calendar.isWorkingDay(d("2026-02-16")))  // Monday, 春节
        #expect(try !calendar.isWorkingDay(d("2026-02-21")))  // ordinary Saturday inside the holiday
        #expect(try calendar.isWorkingDay(d("2026-02-24")))   // first day back
    }

    @Test func dueDateAcrossSpringFestival2026() throws {
        // Filed Thursday 2026-02-12: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3).
        #expect(try calendar.adding(workingDays: 3, to: d("2026-02-12")) == d("2026-02-24"))
        // 8 working days from Friday 2026-02-13: 14, 24, 25, 26, 27, 28 (make-up Saturday), Mar 2, Mar 3.
        #expect(try calendar.adding(workingDays: 8, to: d("2026-02-13")) == d("2026-03-03"))
        #expect(try calendar.adding(workingDays: 0, to: d("2026-02-13")) == d("2026-02-13"))
    }

    @Test func dueDateAcrossNationalDay2025() throws {
        // Filed Friday 2025-09-26: Sun 28 make-up (1), Mon 29 (2), Tue 30 (3), Oct 1–8 off, Thu 9 (4).
        #expect(try calendar.adding(workingDays: 4, to: d("2025-09-26")) == d("2025-10-09"))
    }

    @Test func dueDateCrossingTheYear() throws {
        // Tue 2025-12-30 + 2: Wed 31 (1), Jan 1–3 off, Sun Jan 4 make-up (2).
        #expect(try calendar.adding(workingDays: 2, to: d("2025-12-30")) == d("2026-01-04"))
    }

    @Test func yearWithoutAScheduleIsUnknownNotWeekdays() throws {
        #expect(throws: WorkingDayCalendar.CalendarError.unknownYear(2027, covered: 2025...2026)) {
            try calendar.isWorkingDay(d("2027-01-05"))
        }
        #expect(throws: WorkingDayCalendar.CalendarError.self) {
            try calendar.adding(workingDays: 10, to: d("2026-12-24"))
        }
        let error = WorkingDayCalendar.CalendarError.unknownYear(2027, covered: 2025...2026)
        #expect(error.chineseMessage.contains("2027年"))
        #expect(error.description.contains("calendar unknown"))
    }

    @Test func brokenCalendarFileNamesFileAndKey() throws {
        let dir = try RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("calendar"), withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("calendar/2026.json")
        try #"{"year": 2026, "source": "x", "holidays": [{"name": "春节", "from": "2026-02-30", "to": "2026-02-23"}], "workdays": []}"#
            .write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try WorkingDayCalendar.load(from: AssetDirectory(root: dir))
            Issue.record("a broken calendar loaded")
        } catch {
            #expect(error.file.hasSuffix("calendar/2026.json"))
            #expect(error.key == "holidays[0].from")
        }
        try #"{"year": 2026, "source": "x", "holidays": [], "workdays": [{"date": "2026-02-16", "reason": "x"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try WorkingDayCalendar.load(from: AssetDirectory(root: dir))
            Issue.record("a weekday make-up day loaded")
        } catch {
            #expect(error.file.hasSuffix("calendar/2026.json"))
            #expect(error.key == "workdays[0].date")
        }
    }

    @Test func civilDateArithmeticRoundTrips() {
        for n in stride(from: -30_000, through: 60_000, by: 37) {
            let date = CivilDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CivilDate(iso: date.description) == date)
        }
        #expect(d("2026-11-23").weekday == 1)
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "20240229") == d("2024-02-29"))
        #expect(CivilDate(iso: "2024-2-29") == nil)
    }
}
