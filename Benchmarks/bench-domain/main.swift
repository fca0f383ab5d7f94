import Foundation
import KioskDomain

// bench-domain: how long loading the region profiles and computing a plan take, against
// baselines measured in the same run (untyped JSON parsing of the same files; the calendar
// arithmetic alone). Usage: swift run -c release bench-domain [iterations]

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
let assets: AssetDirectory
do { assets = try AssetDirectory.locate() } catch { fatalError("\(error)") }
let files = try FileManager.default.contentsOfDirectory(at: assets.url("regions"), includingPropertiesForKeys: nil)
    .filter { $0.pathExtension == "json" }
let blobs = try files.map { try Data(contentsOf: $0) }

func measure(_ label: String, _ n: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<n { try body() }
    let elapsed = clock.now - start
    let perCall = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    let micros = perCall / Double(n)
    print("\(label): \(String(format: "%.1f", micros)) µs per call (\(n) calls)")
    return micros
}

let parse = try measure("baseline: JSONSerialization of the 5 profiles (bytes in memory)", iterations) {
    for blob in blobs { _ = try JSONSerialization.jsonObject(with: blob) }
}
let load = try measure("RegionCatalog.load (read, strict decode, validate 5 profiles)", iterations) {
    _ = try RegionCatalog.load(from: assets)
}
print(String(format: "ratio load / untyped parse: %.1f×", load / parse))

let catalog = try RegionCatalog.load(from: assets)
let calendar = try WorkingDayCalendar.load(from: assets)
let planner = Planner(catalog: catalog, calendar: calendar)
let filing = CivilDate(year: 2026, month: 2, day: 12)!
let request = PlanRequest(
    region: "chongqing", category: CategoryCode.selfEmployedSoldier,
    items: ["report", "reserve", "subsidy", "household", "idcard", "pension_register", "medical_register", "medical_transfer"],
    answers: ["settlement": "spouse", "household_mode": "join", "enlisted_elsewhere": "yes", "idcard_action": "lost"],
    filingDate: filing)
let dates = try measure("baseline: 8 × calendar.adding(workingDays: 8) across the Spring Festival", iterations * 10) {
    for _ in 0..<8 { _ = try calendar.adding(workingDays: 8, to: filing) }
}
let plan = try measure("Planner.plan (Chongqing, 8 items, all conditions answered)", iterations * 10) {
    _ = try planner.plan(request)
}
print(String(format: "ratio plan / calendar arithmetic: %.1f×", plan / dates))
