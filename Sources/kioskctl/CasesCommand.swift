import ArgumentParser
import Foundation
import KioskStore

/// `kioskctl cases list|show`: the stored cases, personal data masked (never printed in clear).
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "查看本机已受理的案件（个人信息脱敏）— list and show stored cases, masked.",
        subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出案件，最新的在前 — list cases, newest first.")

        @OptionGroup var store: StoreOptions

        @Option(help: "At most this many cases.")
        var limit = 100

        func run() async throws {
            let caseStore = try store.open()
            let listings = try await storeCall { try await caseStore.caseListings(limit: limit) }
            if store.json {
                try printJSON(CaseListDocument(count: listings.count, cases: listings))
            } else {
                print(CaseListing.chineseTable(listings))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示一个案件 — show one case (by UUID, local reference or central case number).")

        @Argument(help: "The case: its UUID, local reference (e.g. CQ01-20261123-0007) or central case number.")
        var caseKey: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open()
            let id = try await store.caseID(caseKey, in: caseStore)
            let masked = try await storeCall { try await caseStore.maskedCase(id: id) }
            if store.json {
                try printJSON(masked)
            } else {
                print(masked.chineseText)
            }
        }
    }
}

/// `kioskctl cases list --json`.
struct CaseListDocument: Encodable {
    var count: Int
    var cases: [CaseListing]
}
