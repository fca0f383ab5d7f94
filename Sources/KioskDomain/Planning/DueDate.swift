/// When an item (or the bundle) is due. Only `.on` is a date; the other states say explicitly
/// why there is none, so a receipt never prints a guessed date.
public enum DueDate: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Due on this date (for "instant": the first working day on or after the start).
    case on(CivilDate)
    /// The seed sets no limit: 以部门通知为准.
    case perDepartment
    /// `days` working days after predecessors whose own dates are not known.
    case waiting(days: Int, after: [String])
    /// `days` working days after an outside event the kiosk cannot date (Jiangxi: 转移基金匹配到账后).
    case afterEvent(days: Int, event: String)
    /// The date falls in a year after the kiosk's calendar assets: its schedule may or may not
    /// be published yet (国务院办公厅 publishes it in the autumn before), so the wording says only
    /// what the terminal knows: it has not loaded it.
    case calendarUnknown(year: Int)
    /// The date falls in a year whose schedule was certainly published (the year has begun, or it
    /// lies before the loaded ones) but is not in the kiosk's calendar assets.
    case calendarNotLoaded(year: Int)

    public var date: CivilDate? { if case let .on(d) = self { d } else { nil } }

    public var description: String {
        switch self {
        case let .on(date): date.description
        case .perDepartment: "per department"
        case let .waiting(days, after): "\(days) working days after \(after.joined(separator: ", "))"
        case let .afterEvent(days, event): "\(days) working days after event \(event)"
        case let .calendarUnknown(year): "calendar unknown (\(year))"
        case let .calendarNotLoaded(year): "calendar not loaded (\(year))"
        }
    }

    /// How screens and receipts word it; `names` maps item codes to the region's wording.
    public func chinese(names: [String: String] = [:]) -> String {
        switch self {
        case let .on(date): date.chinese
        case .perDepartment: "以部门通知为准"
        case let .waiting(days, after):
            after.map { names[$0] ?? $0 }.joined(separator: "、") + "办结后" + (days == 0 ? "即时办结" : "\(days)个工作日内")
        case let .afterEvent(days, event): event + (days == 0 ? "即时办结" : "\(days)个工作日内")
        case let .calendarUnknown(year), let .calendarNotLoaded(year): "本机未载入\(year)年节假日安排，以部门通知为准"
        }
    }

    /// The year whose holiday schedule the kiosk lacks, when that is why there is no date: a
    /// screen with a narrow date column says 以部门通知为准 there and gives the reason once.
    public var missingCalendarYear: Int? {
        switch self {
        case let .calendarUnknown(year), let .calendarNotLoaded(year): year
        default: nil
        }
    }

    /// Which of two unknown states dominates when both feed a successor: a calendar gap is the
    /// most serious (no date can be computed at all), then a limit-less predecessor.
    var severity: Int {
        switch self {
        case .on: 0
        case .waiting, .afterEvent: 1
        case .perDepartment: 2
        case .calendarUnknown, .calendarNotLoaded: 3
        }
    }

    enum CodingKeys: String, CodingKey { case state, date, days, after, event, year }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .state) {
        case "date": self = .on(try c.decode(CivilDate.self, forKey: .date))
        case "perDepartment": self = .perDepartment
        case "waiting": self = .waiting(days: try c.decode(Int.self, forKey: .days), after: try c.decode([String].self, forKey: .after))
        case "afterEvent": self = .afterEvent(days: try c.decode(Int.self, forKey: .days), event: try c.decode(String.self, forKey: .event))
        case "calendarUnknown": self = .calendarUnknown(year: try c.decode(Int.self, forKey: .year))
        case "calendarNotLoaded": self = .calendarNotLoaded(year: try c.decode(Int.self, forKey: .year))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .state, in: c,
                                                   debugDescription: "one of date, perDepartment, waiting, afterEvent, calendarUnknown, calendarNotLoaded (found \(other))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .on(date):
            try c.encode("date", forKey: .state)
            try c.encode(date, forKey: .date)
        case .perDepartment:
            try c.encode("perDepartment", forKey: .state)
        case let .waiting(days, after):
            try c.encode("waiting", forKey: .state)
            try c.encode(days, forKey: .days)
            try c.encode(after, forKey: .after)
        case let .afterEvent(days, event):
            try c.encode("afterEvent", forKey: .state)
            try c.encode(days, forKey: .days)
            try c.encode(event, forKey: .event)
        case let .calendarUnknown(year):
            try c.encode("calendarUnknown", forKey: .state)
            try c.encode(year, forKey: .year)
        case let .calendarNotLoaded(year):
            try c.encode("calendarNotLoaded", forKey: .state)
            try c.encode(year, forKey: .year)
        }
    }
}
