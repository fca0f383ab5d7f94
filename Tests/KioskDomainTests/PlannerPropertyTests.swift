import KioskTime
import KioskDomain
import Testing
import TestTraits

/// Invariants of every plan, over pseudo-random selections, answers and filing dates in every
/// region and category (deterministic generator, so a failure reproduces).
@Suite(.computeBound) struct PlannerPropertyTests {
    @Test func plansKeepTheirInvariants() throws {
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        var checked = 0
        for profile in Domain.catalog.profiles {
            for category in profile.categories {
                let offered = profile.items(for: category)
                for _ in 0..<60 {
                    let selection = offered.filter { _ in random.below(2) == 0 }.map(\.code)
                    var answers: [String: String] = [:]
                    for q in profile.questions where random.below(3) > 0 {
                        answers[q.code] = q.options[random.below(q.options.count)].value
                    }
                    let day = 1 + random.below(28), month = 1 + random.below(12), year = 2025 + random.below(3)
                    let date = CivilDate(year: year, month: month, day: day)!
                    let request = PlanRequest(region: profile.code, category: category.code,
                                              items: selection, answers: answers, filingDate: date)
                    // (A `catch PlanError.nothingSelected` pattern on a typed throw crashes Swift 6.3's SILGen.)
                    let result = Result { () throws(PlanError) -> Plan in try Domain.planner.plan(request) }
                    guard case let .success(plan) = result else {
                        #expect(result == .failure(.nothingSelected))
                        #expect(selection.allSatisfy { profile.item($0)?.isDisplayOnly == true })
                        continue
                    }
                    check(plan, profile: profile, offered: offered, selection: selection)
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }

    private func check(_ plan: Plan, profile: RegionProfile, offered: [ServiceItem], selection: [String]) {
        let codes = plan.items.map(\.code)
        let offeredCodes = Set(offered.map(\.code))
        #expect(Set(codes).count == codes.count)
        for item in plan.items {
            #expect(offeredCodes.contains(item.code))
            #expect(item.channel != .displayOnly)
            #expect(selection.contains(item.code) || item.mandatory)
            for predecessor in item.after {
                let p = codes.firstIndex(of: predecessor), s = codes.firstIndex(of: item.code)
                #expect(p != nil && s != nil && p! < s!)
                if let before = plan.item(predecessor)?.due.date, let after = item.due.date, item.limit.kind != .overall {
                    #expect(before <= after)
                }
            }
            if let due = item.due.date { #expect(due >= plan.filingDate) }
        }
        for mandatory in offered where mandatory.mandatory && mandatory.when == nil {
            #expect(codes.contains(mandatory.code))
        }
        #expect(plan.displayOnly.map(\.code) == offered.filter(\.isDisplayOnly).map(\.code))
        let materialCodes = plan.materials.map(\.code)
        #expect(Set(materialCodes).count == materialCodes.count)
        for line in plan.materials {
            #expect(line.forEveryItem || !line.neededBy.isEmpty)
            #expect(line.neededBy.allSatisfy(codes.contains))
        }
        let departments = Set(plan.items.map(\.department) + [profile.leadDepartment])
        for field in plan.fields {
            #expect(!field.departments.isEmpty)
            #expect(field.departments.allSatisfy(departments.contains))
            #expect(field.items.allSatisfy(codes.contains))
        }
        if plan.items.isEmpty { #expect(plan.materials.isEmpty && plan.fields.isEmpty) }
        // Date states: a date in an unpublished year is never printed as a date.
        if let covered = Domain.calendar.coveredYears {
            for item in plan.items { if let due = item.due.date { #expect(covered.contains(due.year)) } }
        }
    }
}
