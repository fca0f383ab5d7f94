import KioskDomain

/// Loads the region catalog and the calendar for the domain subcommands; a broken or missing data
/// file is "could not run" (exit 2) with the file and key.
enum DomainData {
    static func catalog(assets: String?) throws -> RegionCatalog {
        do {
            return try RegionCatalog.load(from: AssetDirectory.locate(explicit: assets))
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
    }

    static func calendar(assets: String?) throws -> WorkingDayCalendar {
        do {
            return try WorkingDayCalendar.load(from: AssetDirectory.locate(explicit: assets))
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
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
