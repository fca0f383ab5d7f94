import KioskTime
import Foundation
import KioskDomain

/// Loads the region catalog and the calendar for the domain subcommands; a broken or missing data
/// file is "could not run" (exit 2) with the file and key.
enum DomainData {
    static func catalog(assets: String?) throws -> RegionCatalog {
        try loading { try RegionCatalog.load(from: AssetDirectory.locate(explicit: assets)) }
    }

    static func calendar(assets: String?) throws -> WorkingDayCalendar {
        try loading { try WorkingDayCalendar.load(from: AssetDirectory.locate(explicit: assets)) }
    }

    static func divisions(assets: String?) throws -> DivisionCodes {
        try loading { try DivisionCodes.load(from: AssetDirectory.locate(explicit: assets)) }
    }

    /// A data file that cannot be read is "could not run", with the file and key it names.
    private static func loading<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch {
            throw CLIFailure.cannotRun(String(describing: error))
        }
    }

    /// `--date`/`--today`: the given day, or today in China when the option is absent.
    static func date(_ text: String?, option: String) throws -> CivilDate {
        guard let text else { return SystemClock().today }
        guard let date = CivilDate(iso: text) else { throw CLIFailure.usage("\(option): expected YYYY-MM-DD, found \(text)") }
        return date
    }

    static func profile(_ code: String, in catalog: RegionCatalog) throws -> RegionProfile {
        guard let profile = catalog.profile(code) else {
            throw CLIFailure.usage("--region: unknown region \"\(code)\" (known: \(catalog.codes.joined(separator: ", ")))")
        }
        return profile
    }

    static func category(_ code: String, in profile: RegionProfile) throws -> VeteranCategory {
        guard let category = profile.category(code) else {
            throw CLIFailure.usage("--category: \(profile.code) does not serve \"\(code)\" (serves: \(profile.categories.map(\.code).joined(separator: ", ")))")
        }
        return category
    }
}
