import Foundation
import KioskDomain

/// What central-sim checks a submission against, per region, taken from the region profiles
/// (`Assets/regions/*.json` through `RegionCatalog`): the division code used in case numbers, the
/// categories served, the items each category may file (display-only ones excluded), the items
/// that must always be there, and which item waits for which (串并联, the profile's `after`).
///
/// Department names and form-field codes are not checked against the profile: a filed case
/// carries its hall's own wording of them (its snapshot), and each department's view is routed
/// by the case's own field list.
struct RegionDirectory: Sendable {
    struct Region: Sendable {
        var code: String
        var divisionCode: String
        /// Category → the item codes it may file.
        var categories: [String: Set<String>]
        /// Items listed in the profile but never submitted (e.g. Sichuan's pension transfer).
        var displayOnly: Set<String>
        var mandatory: Set<String>
        /// Item code → codes that must complete first.
        var after: [String: [String]]
        /// Departments that receive the form without handling an item: the hall's 综合窗口
        /// (一窗受理), by the profile's wording and by its code.
        var windows: Set<String> = []
    }

    var regions: [String: Region]

    func region(_ code: String) -> Region? { regions[code] }

    /// The prerequisites of `code` among the items of one case.
    func prerequisites(of code: String, region: String, among present: Set<String>) -> [String] {
        (regions[region]?.after[code] ?? []).filter { $0 != code && present.contains($0) }
    }

    init(regions: [String: Region]) {
        self.regions = regions
    }

    init(catalog: RegionCatalog) {
        var regions: [String: Region] = [:]
        for profile in catalog.profiles {
            var categories: [String: Set<String>] = [:]
            for category in profile.categories {
                categories[category.code] = Set(profile.items(for: category).filter { !$0.isDisplayOnly }.map(\.code))
            }
            regions[profile.code] = Region(
                code: profile.code, divisionCode: profile.divisionCode, categories: categories,
                displayOnly: Set(profile.items.filter(\.isDisplayOnly).map(\.code)),
                mandatory: Set(profile.items.filter(\.mandatory).map(\.code)),
                after: Dictionary(profile.items.map { ($0.code, $0.after) }, uniquingKeysWith: { a, _ in a }),
                windows: Set(profile.departments.filter { $0.code == "window" }.flatMap { [$0.name, $0.code] }))
        }
        self.init(regions: regions)
    }
}
