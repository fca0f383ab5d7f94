import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport

/// The shipped catalog and calendar, loaded once per test process, and small helpers.
enum Domain {
    static let catalog: RegionCatalog = {
        do { return try RegionCatalog.load(from: RepositoryPaths.assets) } catch { fatalError("region profiles: \(error)") }
    }()

    static let calendar: WorkingDayCalendar = {
        do { return try WorkingDayCalendar.load(from: RepositoryPaths.assets) } catch { fatalError("calendar: \(error)") }
    }()

    static var planner: Planner { Planner(catalog: catalog, calendar: calendar) }

    static func profile(_ code: String) -> RegionProfile {
        guard let profile = catalog.profile(code) else { fatalError("no profile \(code)") }
        return profile
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func plan(_ region: String, _ category: String = CategoryCode.selfEmployedSoldier, items: [String],
                     answers: [String: String] = [:], on date: String = "2026-03-02") throws -> Plan {
        try planner.plan(PlanRequest(region: region, category: category, items: items, answers: answers,
                                     filingDate: Domain.date(date)))
    }
}

extension Plan {
    func item(_ code: String) -> PlannedItem? { items.first { $0.code == code } }
    var materialNames: [String] { materials.map(\.name) }
    func material(named name: String) -> MaterialLine? { materials.first { $0.name == name } }
}
