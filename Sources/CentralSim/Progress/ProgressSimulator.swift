import KioskTime
import CentralService
import Foundation
import KioskDomain

/// Simulates the departments working on a case: each item is picked up after its
/// prerequisites are done, takes time in line with its limit, and is occasionally refused
/// (不予受理) with a reason and its basis, which also stops the items that wait for it.
///
/// Everything is drawn once at acceptance from `seed` and the case UUID and stored with the
/// case, so progress is reproducible and a restart of central-sim does not rewrite history.
/// `speed` is simulated seconds per real second (1440: a simulated day per real minute).
struct ProgressSimulator: Sendable {
    var speed: Double
    var seed: UInt64
    /// Probability that a department refuses an item at intake.
    var refusalRate: Double
    /// Item codes refused at intake whatever the dice say (see `CentralSimConfiguration.refuseItems`).
    var refuseItems: Set<String> = []

    /// One item's drawn schedule, in simulated seconds after acceptance.
    struct Plan: Sendable, Equatable {
        var dependsOn: [String]
        var startsAfter: TimeInterval
        var completesAfter: TimeInterval
        var refusal: Refusal?
    }

    struct Refusal: Sendable, Equatable {
        var reason: String
        var basis: String
    }

    static let refusals: [Refusal] = [
        Refusal(reason: "申请材料不齐全，经一次性告知后未在规定期限内补正",
                basis: "《中华人民共和国行政许可法》第三十二条"),
        Refusal(reason: "申请事项依法不属于本部门职权范围，请向有关部门申请",
                basis: "《中华人民共和国行政许可法》第三十二条"),
        Refusal(reason: "户籍核验未通过：入伍时户口注销证明与登记信息不一致",
                basis: "本地区军人退役\"一件事一次办\"工作实施方案"),
        Refusal(reason: "同一事项已通过其他渠道受理，不予重复受理",
                basis: "本地区军人退役\"一件事一次办\"工作实施方案"),
    ]

    /// Draws the schedule of every item; `prerequisites[i]` are the indices item i waits for.
    func plan(caseID: UUID, items: [CaseSubmission.Item], prerequisites: [[Int]]) -> [Plan] {
        var random = SeededRandom(seed: seed ^ Self.fold(caseID))
        var plans = [Plan?](repeating: nil, count: items.count)
        // Resolve in dependency order; a cycle (bad data) is broken by ignoring the rest.
        var remaining = Array(items.indices)
        while !remaining.isEmpty {
            let ready = remaining.filter { index in prerequisites[index].allSatisfy { plans[$0] != nil || $0 == index } }
            let batch = ready.isEmpty ? [remaining[0]] : ready
            for index in batch {
                let before = prerequisites[index].compactMap { plans[$0] }
                let pickup = 600 + random.unit() * 6600
                let duration = Self.duration(limitText: items[index].limitText, unit: random.unit())
                let refusedHere = random.unit() < refusalRate || refuseItems.contains(items[index].code)
                let reasonIndex = Int(random.next() % UInt64(Self.refusals.count))
                let names = prerequisites[index].filter { plans[$0]?.refusal != nil }.map { items[$0].title }
                let readyAt = before.map(\.completesAfter).max() ?? 0
                var plan = Plan(dependsOn: prerequisites[index].map { items[$0].code }, startsAfter: readyAt + pickup,
                                completesAfter: readyAt + pickup + duration, refusal: nil)
                if let first = names.first, let refusedAt = before.filter({ $0.refusal != nil }).map(\.completesAfter).min() {
                    plan.refusal = Refusal(reason: "前置事项「\(first)」不予受理，本事项无法办理",
                                           basis: "本地区军人退役\"一件事一次办\"串并联办理规定")
                    plan.startsAfter = refusedAt
                    plan.completesAfter = refusedAt
                } else if refusedHere {
                    plan.refusal = Self.refusals[reasonIndex]
                    plan.completesAfter = plan.startsAfter
                }
                plans[index] = plan
            }
            remaining.removeAll { batch.contains($0) }
        }
        return plans.map { $0! }
    }

    /// The state of an item `now`, and when it entered that state.
    func state(of plan: Plan, acceptedAt: Date, now: Date) -> (ItemState, Date) {
        let elapsed = max(0, now.timeIntervalSince(acceptedAt)) * speed
        let real = { (simulated: TimeInterval) in acceptedAt.addingTimeInterval(simulated / speed) }
        if plan.refusal != nil {
            return elapsed >= plan.completesAfter ? (.refused, real(plan.completesAfter)) : (.accepted, acceptedAt)
        }
        if elapsed >= plan.completesAfter { return (.completed, real(plan.completesAfter)) }
        if elapsed >= plan.startsAfter { return (.processing, real(plan.startsAfter)) }
        return (.accepted, acceptedAt)
    }

    /// Simulated working time for a limit: 即办 takes minutes, "N个工作日" up to N days.
    static func duration(limitText: String, unit: Double) -> TimeInterval {
        // The profiles say 即时办结 (KioskDomain's limit text); 即办 is the halls' short form.
        if limitText.contains("即办") || limitText.contains("即时办结") { return 300 + unit * 1500 }
        if let days = DueDates.workingDays(in: limitText) { return Double(max(days, 1)) * 86_400 * (0.3 + 0.7 * unit) }
        return 86_400 * (1 + 4 * unit)
    }

    static func fold(_ id: UUID) -> UInt64 {
        withUnsafeBytes(of: id.uuid) { raw in
            raw.load(fromByteOffset: 0, as: UInt64.self) ^ raw.load(fromByteOffset: 8, as: UInt64.self).byteSwapped
        }
    }
}
