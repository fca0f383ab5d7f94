import Foundation
import KioskDomain
import Testing
import TestTraits

/// Due dates from the working-day calendar: dependencies push successors, the Spring Festival and
/// its make-up Saturdays count as published, and an unpublished year is an explicit state.
@Suite(.computeBound) struct DueDateTests {
    let chongqingAll = ["report", "reserve", "subsidy", "household", "idcard", "pension_register",
                        "medical_register", "medical_transfer"]
    let answers = ["settlement": "own", "household_mode": "new", "enlisted_elsewhere": "no", "idcard_action": "lost"]

    @Test func chongqingAcrossTheSpringFestival2026() throws {
        // Filed Thursday 2026-02-12. 落户 1 wd after 报到 → Fri 13; 身份证 2 wd after 落户 → Sat 14 (调休) and
        // Tue 24 (15–23 off); 参保 1 wd after 身份证 → 25; 医保转移 3 wd after 医保参保 (25) → 26, 27, Sat 28 (调休).
        let plan = try Domain.plan("chongqing", items: chongqingAll, answers: answers, on: "2026-02-12")
        #expect(plan.isReady)
        let due = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.code, $0.due) })
        #expect(due["report"] == .on(Domain.date("2026-02-12")))
        #expect(due["reserve"] == .on(Domain.date("2026-02-12")))
        #expect(due["household"] == .on(Domain.date("2026-02-13")))
        #expect(due["idcard"] == .on(Domain.date("2026-02-24")))
        #expect(due["pension_register"] == .on(Domain.date("2026-02-25")))
        #expect(due["medical_register"] == .on(Domain.date("2026-02-25")))
        #expect(due["medical_transfer"] == .on(Domain.date("2026-02-28")))
        #expect(Domain.date("2026-02-28").weekday == 6) // a make-up Saturday
        // 8 working days: 13, 14, 24, 25, 26, 27, 28, Mar 2.
        #expect(plan.overallDue == .on(Domain.date("2026-03-02")))
        // Order: nothing before its predecessors.
        let position = Dictionary(uniqueKeysWithValues: plan.items.enumerated().map { ($1.code, $0) })
        for item in plan.items { for p in item.after { #expect(position[p]! < position[item.code]!) } }
        #expect(plan.item("idcard")?.starts == .on(Domain.date("2026-02-13")))
    }

    @Test func aDependencyPushesItsSuccessor() throws {
        // 医保转移 alone runs 3 wd from filing; with 医保参保 in the case it waits for it first.
        let alone = try Domain.plan("chongqing", items: ["medical_transfer"], on: "2026-02-12")
        #expect(alone.item("medical_transfer")?.due == .on(Domain.date("2026-02-24")))
        let chained = try Domain.plan("chongqing", items: ["medical_register", "medical_transfer"], on: "2026-02-12")
        #expect(chained.item("medical_register")?.due == .on(Domain.date("2026-02-13")))
        #expect(chained.item("medical_transfer")?.due == .on(Domain.date("2026-02-25")))
        #expect(chained.item("medical_transfer")?.after == ["medical_register"])
    }

    @Test func instantOnASundayIsTheNextWorkingDay() throws {
        let plan = try Domain.plan("chongqing", items: ["report"], on: "2026-03-01")
        #expect(plan.item("report")?.due == .on(Domain.date("2026-03-02")))
        // A make-up Saturday is itself a working day.
        let saturday = try Domain.plan("chongqing", items: ["report"], on: "2026-02-14")
        #expect(saturday.item("report")?.due == .on(Domain.date("2026-02-14")))
    }

    @Test func calendarUnknownFor2027PropagatesInsteadOfCrashing() throws {
        // Filed 2026-12-30: 落户 (1 wd) falls on 2026-12-31; 身份证 (2 wd) needs 2027, which is not published.
        let plan = try Domain.plan("chongqing", items: chongqingAll, answers: answers, on: "2026-12-30")
        #expect(plan.item("report")?.due == .on(Domain.date("2026-12-30")))
        #expect(plan.item("household")?.due == .on(Domain.date("2026-12-31")))
        #expect(plan.item("idcard")?.due == .calendarUnknown(year: 2027))
        #expect(plan.item("pension_register")?.due == .calendarUnknown(year: 2027))
        #expect(plan.item("medical_transfer")?.due == .calendarUnknown(year: 2027))
        #expect(plan.overallDue == .calendarUnknown(year: 2027))
        #expect(plan.overallDue.chinese() == "本机未载入2027年节假日安排，以部门通知为准")
        // Filed in 2027, its schedule was published before the year began: the kiosk only lacks it.
        let filedIn2027 = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "yes"], on: "2027-03-01")
        #expect(filedIn2027.item("report")?.due == .calendarNotLoaded(year: 2027))
    }

    @Test func dueDatesRoundTripThroughJSON() throws {
        let plan = try Domain.plan("jiangxi", items: ["household", "pension_transfer"],
                                   answers: ["settlement": "spouse", "enlisted_elsewhere": "no"], on: "2026-12-30")
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
    }
}
