import ArgumentParser
import Foundation
import KioskDomain

/// `kioskctl plan --region R --category C --items a,b,… [--settlement …] [--answer q=v …]
/// [--date YYYY-MM-DD] [--json]`: the items in order with departments and due dates, the one set
/// of materials and the one form. Exit 0 ready to file, 1 a clear "no" (a blocking question or an
/// item the category may not choose), 2 bad arguments or unreadable data.
struct PlanCommand: ParsableCommand {
    /// A constant, not a computed property: ArgumentParser reads every subcommand's
    /// configuration several times per run, and the discussion loads all region profiles.
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "计算办理方案：事项顺序、办结日期、一套材料、一张表单 — compute a filing plan.",
        discussion: discussion)

    /// The help lists every region's conditional questions, read from the profiles themselves so
    /// it can never drift from the data.
    private static var discussion: String {
        let intro = """
            退出码：0 可以提交；1 明确的“不行”（有待回答的问题、未满足的前置条件、该类型不可选的事项）；2 参数错误或数据文件无法读取。
            事项代码：\(ItemCode.all.joined(separator: ", "))（各地区实际提供的事项见 kioskctl catalog --region R）。
            条件问题用 --answer 代码=取值 回答（可重复）；--settlement 取值 等同于 --answer settlement=取值。
            未回答而又影响本次方案的问题会列为待回答问题（退出码 1），不会被猜测。
            例：kioskctl plan --region chongqing --category self_employed_soldier
                --items report,household,idcard --settlement spouse
                --answer household_mode=join --answer enlisted_elsewhere=no
                --answer idcard_action=lost --date 2026-02-12
            各地区的条件问题、可选取值及影响的事项：
            """
        guard let catalog = try? RegionCatalog.load(from: AssetDirectory.locate()) else {
            return intro + "\n（未找到 Assets，无法列出；请用 kioskctl plan --questions --region R --assets PATH）"
        }
        return intro + "\n" + catalog.questionGuide
    }

    @Option(help: "Region code (kioskctl catalog --help lists them).")
    var region: String

    @Option(help: "Veteran category code (e.g. self_employed_soldier).")
    var category: String?

    @Option(help: "Selected item codes, comma-separated (e.g. report,household,idcard).")
    var items: String?

    @Option(help: "落户类型 settlement: own | spouse | parents (the values the region's profile accepts).")
    var settlement: String?

    @Option(name: .customLong("answer"), help: "Answer a conditional question: CODE=VALUE (repeatable).")
    var answers: [String] = []

    @Option(help: "Filing date YYYY-MM-DD; default: today in China time.")
    var date: String?

    @Flag(help: "List the region's conditional questions and their accepted values, then exit.")
    var questions = false

    @Option(help: "The Assets folder (default: found beside the program, or $KIOSK_ASSETS).")
    var assets: String?

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func run() throws {
        let catalog = try DomainData.catalog(assets: assets)
        let profile = try DomainData.profile(region, in: catalog)
        if questions {
            if json { try printJSON(profile.questions) } else { print(profile.questionLines().joined(separator: "\n")) }
            return
        }
        guard let category else { throw CLIFailure.usage("--category is required (serves: \(profile.categories.map(\.code).joined(separator: ", ")))") }
        guard let items else { throw CLIFailure.usage("--items is required (e.g. --items report,household)") }
        var answered: [String: String] = [:]
        for pair in answers {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw CLIFailure.usage("--answer: expected CODE=VALUE, found \(pair)") }
            answered[parts[0]] = parts[1]
        }
        if let settlement { answered[QuestionCode.settlement] = settlement }
        let filing = try DomainData.date(date, option: "--date")
        let request = PlanRequest(
            region: profile.code, category: category,
            items: items.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            answers: answered, filingDate: filing)
        let planner = Planner(catalog: catalog, calendar: try DomainData.calendar(assets: assets))
        let plan: Plan
        do {
            plan = try planner.plan(request)
        } catch {
            if error.isUsageError { throw CLIFailure.usage("\(error.chineseMessage) — \(error.description)") }
            if json { try printJSON(PlanRefusal(code: "item_not_offered", message: error.chineseMessage, detail: error.description)) }
            throw CLIFailure.refused(error.chineseMessage)
        }
        if json {
            try printJSON(PlanDocument(ready: plan.isReady, plan: plan))
        } else {
            print(plan.chineseText())
        }
        if !plan.isReady { throw ExitCode(1) }
    }
}

/// The JSON shape of `kioskctl plan --json`.
struct PlanDocument: Encodable {
    var ready: Bool
    var plan: Plan
}

/// The JSON shape of a refused plan (exit 1).
struct PlanRefusal: Encodable {
    var ready = false
    var code: String
    var message: String
    var detail: String
}
