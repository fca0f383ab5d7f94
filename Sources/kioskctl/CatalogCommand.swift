import ArgumentParser
import KioskDomain

/// `kioskctl catalog --region R [--category C] [--json]`: the items a region offers, as its
/// profile encodes them from the seed (wording, department, channel, limit, flags).
struct CatalogCommand: ParsableCommand {
    /// A constant, not a computed property: ArgumentParser reads every subcommand's
    /// configuration several times per run, and the discussion loads all region profiles.
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "列出地区的联办事项目录 — list a region's service catalog.",
        discussion: discussion)

    /// Regions and their categories, read from the profiles so the help never drifts from the data.
    private static var discussion: String {
        var lines = ["--json 输出与 Assets/regions/<地区>.json 相同结构的目录（指定 --category 时只含该类型可选事项）。",
                     "地区 (--region) 与退役类型 (--category)："]
        guard let catalog = try? RegionCatalog.load(from: AssetDirectory.locate()) else {
            return (lines + ["（未找到 Assets；用 --assets PATH 指定）"]).joined(separator: "\n")
        }
        for profile in catalog.profiles {
            lines.append("  \(profile.code)（\(profile.name)）：" + profile.categories.map { "\($0.code) \($0.name)" }.joined(separator: "，"))
        }
        return lines.joined(separator: "\n")
    }

    @Option(help: "Region code (see the list above).")
    var region: String

    @Option(help: "Veteran category code; default: every category of the region.")
    var category: String?

    @Option(help: "The Assets folder (default: found beside the program, or $KIOSK_ASSETS).")
    var assets: String?

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func run() throws {
        let catalog = try DomainData.catalog(assets: assets)
        var profile = try DomainData.profile(region, in: catalog)
        var chosen: VeteranCategory?
        if let category {
            let found = try DomainData.category(category, in: profile)
            chosen = found
            if json { profile = profile.restricted(to: found) }
        }
        if json {
            try printJSON(profile)
        } else {
            print(profile.catalogText(category: chosen))
        }
    }
}
