/// Order and due dates (串并联). An item starts when all its predecessors in the plan are due
/// (or at filing), and its limit runs from there; so a dependency pushes its successors' dates.
/// Limits without a number and years without a published holiday calendar travel down the chain
/// as explicit states (`DueDate`), never as a guessed date.
extension Planner {
    /// Processing order: by dependency depth (items nothing waits on first), ties in the profile's
    /// order — a topological order that reads the way the hall works (报到 and 预备役登记 at the
    /// window first, then 落户, then what needs the new household). The loader has already refused
    /// cycles, so every depth is finite.
    static func order(_ items: [ServiceItem]) -> [ServiceItem] {
        let byCode = Dictionary(items.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var depth: [String: Int] = [:]
        func depthOf(_ code: String, _ seen: Set<String>) -> Int {
            if let known = depth[code] { return known }
            guard let item = byCode[code], !seen.contains(code) else { return 0 }
            let d = item.after.filter { byCode[$0] != nil }.map { depthOf($0, seen.union([code])) + 1 }.max() ?? 0
            depth[code] = d
            return d
        }
        return items.enumerated()
            .map { (index: $0.offset, depth: depthOf($0.element.code, []), item: $0.element) }
            .sorted { ($0.depth, $0.index) < ($1.depth, $1.index) }
            .map(\.item)
    }

    struct Schedule {
        var items: [PlannedItem]
        var overall: DueDate
    }

    func schedule(_ ordered: [ServiceItem], profile: RegionProfile, filing: CivilDate) -> Schedule {
        let overall = due(after: .on(filing), limit: profile.overallLimit, overall: .perDepartment, filing: filing)
        var dues: [String: DueDate] = [:]
        var planned: [PlannedItem] = []
        let codes = Set(ordered.map(\.code))
        for item in ordered {
            let predecessors = item.after.filter(codes.contains)
            let starts = start(after: predecessors, dues: dues, filing: filing)
            let itemDue = due(after: starts, limit: item.limit, overall: overall, filing: filing)
            dues[item.code] = itemDue
            planned.append(PlannedItem(
                code: item.code, name: item.name, department: item.department,
                departmentName: profile.department(item.department)?.name ?? item.department,
                channel: item.channel, limit: item.limit, mandatory: item.mandatory, addedAsMandatory: false,
                after: predecessors, starts: starts, due: itemDue, note: item.note))
        }
        let bundle: DueDate
        if profile.overallLimit.kind == .perDepartment {
            // No limit for the bundle: the latest item date when every item has one, otherwise
            // the departments' own notices decide.
            let latest = Self.latest(planned.map(\.due), codes: planned.map(\.code))
            if case .waiting = latest { bundle = .perDepartment } else { bundle = latest }
        } else {
            bundle = overall
        }
        return Schedule(items: planned, overall: bundle)
    }

    /// When an item can start: at filing, or when the last of its predecessors is due.
    private func start(after predecessors: [String], dues: [String: DueDate], filing: CivilDate) -> DueDate {
        guard !predecessors.isEmpty else { return .on(filing) }
        return Self.latest(predecessors.map { dues[$0] ?? .perDepartment }, codes: predecessors)
    }

    /// The latest of several dues; when some are not dates, the most serious unknown state, or
    /// "after those items" when they merely lack a number.
    static func latest(_ dues: [DueDate], codes: [String]) -> DueDate {
        var latest: CivilDate?
        var unknown: [String] = []
        var worst: DueDate?
        for (due, code) in zip(dues, codes) {
            switch due {
            case let .on(date): latest = max(latest ?? date, date)
            case .calendarUnknown, .calendarNotLoaded:
                if (worst?.severity ?? 0) < due.severity { worst = due }
            case .perDepartment, .waiting, .afterEvent: unknown.append(code)
            }
        }
        if let worst { return worst }
        if !unknown.isEmpty { return .waiting(days: 0, after: unknown) }
        return latest.map { .on($0) } ?? .perDepartment
    }

    /// The due date of a limit that starts at `start`. A missing year up to the filing year was
    /// published before it began (the kiosk merely lacks it); a later one may not be out yet.
    private func due(after start: DueDate, limit: TimeLimit, overall: DueDate, filing: CivilDate) -> DueDate {
        switch limit.kind {
        case .perDepartment: return .perDepartment
        case .overall: return overall
        case .workingDays, .instant:
            let days = limit.kind == .instant ? 0 : (limit.days ?? 0)
            if limit.startsOnEvent, let event = limit.startsWhen {
                if start.severity == DueDate.calendarUnknown(year: 0).severity { return start }
                return .afterEvent(days: days, event: event)
            }
            switch start {
            case let .on(date):
                do {
                    return .on(limit.kind == .instant
                        ? try calendar.firstWorkingDay(onOrAfter: date)
                        : try calendar.adding(workingDays: days, to: date))
                } catch {
                    guard case let .unknownYear(year, _) = error else { return .perDepartment }
                    return year <= filing.year ? .calendarNotLoaded(year: year) : .calendarUnknown(year: year)
                }
            case let .waiting(_, after): return .waiting(days: days, after: after)
            case .perDepartment, .calendarUnknown, .calendarNotLoaded, .afterEvent: return start
            }
        }
    }
}
