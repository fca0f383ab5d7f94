import Foundation

/// The official working-day calendar (工作日): Monday–Friday, minus the statutory days off, plus
/// the make-up working days (调休) that the State Council publishes each year.
///
/// Every time limit in the seeds is in working days, so a due date depends on the published
/// holiday schedule. A year without a published schedule is an error, never a silent
/// weekdays-only count: a receipt that promises a wrong date is worse than one that says
/// "以部门通知为准".
public struct WorkingDayCalendar: Sendable {
    /// One year's published schedule.
    public struct Year: Sendable, Codable, Equatable {
        public struct Holiday: Sendable, Codable, Equatable {
            public var name: String
            public var from: CivilDate
            public var to: CivilDate
        }
        public struct MakeUpDay: Sendable, Codable, Equatable {
            public var date: CivilDate
            public var reason: String
        }
        public var year: Int
        /// The notice that published the schedule (e.g. 国办发明电〔2024〕12号).
        public var source: String
        public var holidays: [Holiday]
        public var workdays: [MakeUpDay]
    }

    public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
        /// No published holiday schedule covers this year.
        case unknownYear(Int, covered: ClosedRange<Int>?)

        public var description: String {
            switch self {
            case let .unknownYear(year, covered):
                let range = covered.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "none"
                return "calendar unknown: no published holiday schedule for \(year) (covered: \(range))"
            }
        }

        /// What the veteran reads when a date cannot be computed.
        public var chineseMessage: String {
            switch self {
            case let .unknownYear(year, _):
                // Whether the schedule is out is not known here (a later year's is published in
                // the autumn before): say only what the terminal knows.
                return "本机未载入\(year)年节假日安排，办结时间以部门通知为准"
            }
        }
    }

    private var daysOff: Set<CivilDate> = []
    private var makeUpDays: Set<CivilDate> = []
    public private(set) var years: [Int: Year] = [:]

    public init(years: [Year]) throws(DataFileError) {
        for y in years {
            guard self.years[y.year] == nil else {
                throw DataFileError(file: "calendar", key: "year", expected: "one schedule per year", found: "\(y.year) twice")
            }
            self.years[y.year] = y
            for (i, h) in y.holidays.enumerated() {
                guard h.from <= h.to, h.from.year == y.year || h.to.year == y.year else {
                    throw DataFileError(file: "calendar \(y.year)", key: "holidays[\(i)]",
                                        expected: "from ≤ to, within \(y.year)", found: "\(h.from)…\(h.to)")
                }
                var d = h.from
                while d <= h.to { daysOff.insert(d); d = d.adding(days: 1) }
            }
            for (i, w) in y.workdays.enumerated() {
                guard w.date.isWeekend else {
                    throw DataFileError(file: "calendar \(y.year)", key: "workdays[\(i)].date",
                                        expected: "a Saturday or Sunday (a make-up working day)", found: w.date.description)
                }
                makeUpDays.insert(w.date)
            }
        }
    }

    /// Loads every `calendar/<year>.json` under the assets.
    public static func load(from assets: AssetDirectory) throws(DataFileError) -> WorkingDayCalendar {
        let dir = assets.url("calendar")
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw DataFileError(file: dir.path, key: "", expected: "a folder of <year>.json files")
        }
        var years: [Year] = []
        for file in files {
            let year = try DataFileError.decodeJSON(Year.self, at: file)
            guard file.deletingPathExtension().lastPathComponent == String(year.year) else {
                throw DataFileError(file: file.path, key: "year", expected: "the year in the file name",
                                    found: String(year.year))
            }
            years.append(year)
        }
        do {
            return try WorkingDayCalendar(years: years)
        } catch {
            throw DataFileError(file: dir.path + "/" + error.file.replacingOccurrences(of: "calendar ", with: "") + ".json",
                                key: error.key, expected: error.expected, found: error.found)
        }
    }

    /// The years with a published schedule.
    public var coveredYears: ClosedRange<Int>? {
        guard let lo = years.keys.min(), let hi = years.keys.max() else { return nil }
        return lo...hi
    }

    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        guard years[date.year] != nil else { throw .unknownYear(date.year, covered: coveredYears) }
        if makeUpDays.contains(date) { return true }
        if daysOff.contains(date) { return false }
        return !date.isWeekend
    }

    /// The date on which a limit of `n` working days, started on `start`, runs out.
    ///
    /// The filing day itself is not counted (the count starts the next day, as 行政许可法 counts
    /// periods); `n == 0` means "on the spot" and returns `start`.
    public func adding(workingDays n: Int, to start: CivilDate) throws(CalendarError) -> CivilDate {
        precondition(n >= 0, "a time limit is never negative")
        var date = start
        var left = n
        while left > 0 {
            date = date.adding(days: 1)
            if try isWorkingDay(date) { left -= 1 }
        }
        return date
    }

    /// The first working day on or after `date` (a case filed on a Sunday starts on Monday).
    public func firstWorkingDay(onOrAfter date: CivilDate) throws(CalendarError) -> CivilDate {
        var d = date
        while try !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// Working days in one whole year (248 for both 2025 and 2026).
    public func workingDays(in year: Int) throws(CalendarError) -> Int {
        guard var d = CivilDate(year: year, month: 1, day: 1) else { return 0 }
        var count = 0
        while d.year == year {
            if try isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }
}
