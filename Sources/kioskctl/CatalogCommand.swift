import ArgumentParser
import KioskDomain

/// `kioskctl catalog --region R [--category C] [--json]`: the items a region offers, as its
/// profile encodes them from the seed (wording, department, channel, limit, flags).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "列出地区的联办事项目录 — list a region's service catalog.",
        discussion: "地区 (--region)：chongqing 重庆市, sichuan 四川省, jiangxi 江西省, hebei 河北省, ordos 鄂尔多斯市。\n"
            + "退役类型 (--category)：self_employed_soldier 自主就业退役士兵, assigned_job_soldier 安排工作退役士兵, "
            + "demobilized_officer 复员军官, monthly_pension_veteran 逐月领取退役金退役军人（后三类仅四川）。\n"
            + "--json 输出与 Assets/regions/<地区>.json 相同结构的目录（指定 --category 时只含该类型可选事项）。")

    @Option(help: "Region code (chongqing, sichuan, jiangxi, hebei, ordos).")
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
