import Foundation
import KioskDomain

/// What the flow knows that never changes while it runs: the region's profile and planner, the
/// screens' strings, how fields are entered, the division codes for place pickers, this
/// terminal's identity and the delay table. Loaded once at start; the reducer only reads it.
public struct KioskContext: Sendable {
    public struct Terminal: Sendable, Equatable {
        public var id: String
        /// The hall, printed on receipts (`渝北区政务服务中心`).
        public var hall: String
        public init(id: String, hall: String) { self.id = id; self.hall = hall }
    }

    public let profile: RegionProfile
    public let planner: Planner
    public let strings: Strings
    public let fields: FieldInputs
    public let divisions: DivisionCodes
    public let terminal: Terminal
    public let delays: KioskDelays

    public init(profile: RegionProfile, planner: Planner, strings: Strings, fields: FieldInputs, divisions: DivisionCodes,
                terminal: Terminal, delays: KioskDelays = KioskDelays()) {
        self.profile = profile
        self.planner = planner
        self.strings = strings
        self.fields = fields
        self.divisions = divisions
        self.terminal = terminal
        self.delays = delays
    }

    /// Loads everything for `region` from the assets; every problem names its file and key.
    public static func load(region: String, terminal: Terminal, assets: AssetDirectory, delays: KioskDelays = KioskDelays()) throws(DataFileError) -> KioskContext {
        let catalog = try RegionCatalog.load(from: assets)
        guard let profile = catalog.profile(region) else {
            throw DataFileError(file: assets.url("regions").path, key: "region", expected: "one of \(catalog.codes.joined(separator: ", "))", found: region)
        }
        let calendar = try WorkingDayCalendar.load(from: assets)
        return KioskContext(profile: profile, planner: Planner(catalog: catalog, calendar: calendar),
                            strings: try Strings.load(from: assets), fields: try FieldInputs.load(from: assets),
                            divisions: try DivisionCodes.load(from: assets), terminal: terminal, delays: delays)
    }

    /// The hall's consultation phone (the first the profile lists).
    public var consultationPhone: String? { profile.phones.first(where: { $0.kind == "consultation" })?.number ?? profile.phones.first?.number }
}
