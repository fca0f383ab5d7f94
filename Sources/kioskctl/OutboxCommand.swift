import KioskTime
import ArgumentParser
import Foundation
import KioskStore

/// `kioskctl outbox list|retry`: the delivery queue to the central service, for an operator.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "查看或重试待报送队列 — inspect the outbox or retry a case.",
        subcommands: [List.self, Retry.self, OutboxDrainCommand.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出报送队列，最早的在前 — list entries, oldest first.")

        enum StateFilter: String, ExpressibleByArgument, CaseIterable {
            case pending, delivered, dead, all
        }

        @OptionGroup var store: StoreOptions

        @Option(help: "Which entries: \(StateFilter.allCases.map(\.rawValue).joined(separator: ", ")).")
        var state: StateFilter = .all

        @Option(help: "At most this many entries.")
        var limit = 1000

        func run() async throws {
            let caseStore = try store.open()
            let states: Set<OutboxState> = state == .all ? [] : [OutboxState(rawValue: state.rawValue)!]
            let (entries, stats) = try await storeCall {
                (try await caseStore.outboxEntries(states: states, limit: limit), try await caseStore.outboxStats(now: SystemClock().wallTime))
            }
            let report = OutboxReport(stats: stats, entries: entries)
            if store.json {
                try printJSON(report)
            } else {
                print(report.chineseText)
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "让被拒收或多次失败的案件立即重新报送 — make a dead or failing entry due now.")

        @Argument(help: "The case: its UUID, local reference or central case number.")
        var caseKey: String?

        @Option(name: .customLong("all-refused"), help: ArgumentHelp(
            "Instead of one case: every case refused for this reason — the service's code (wrong_terminal, validation_failed) or an HTTP status (403).",
            valueName: "kind"))
        var allRefused: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard (caseKey == nil) != (allRefused == nil) else {
                throw ValidationError("give one case, or --all-refused KIND (not both)")
            }
            if let allRefused, allRefused.isEmpty || !allRefused.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
                throw ValidationError("--all-refused: expected a problem code such as wrong_terminal or an HTTP status such as 403, found \(allRefused)")
            }
        }

        func run() async throws {
            let caseStore = try store.open()
            if let allRefused {
                let references = try await storeCall { try await caseStore.retryRefused(kind: allRefused) }
                if store.json {
                    try printJSON(RetryAllDocument(kind: allRefused, retried: references))
                } else {
                    print("已安排立即重新报送 \(references.count) 件因 \(allRefused) 被拒收的案件" + (references.isEmpty ? "" : "：" + references.joined(separator: "、")))
                }
                return
            }
            guard let caseKey else { return }
            let id = try await store.caseID(caseKey, in: caseStore)
            let reference = try await storeCall { try await caseStore.retry(caseID: id) }
            if store.json {
                try printJSON(RetryDocument(caseID: id.uuidString, localReference: reference, state: .pending))
            } else {
                print("已安排立即重新报送：\(reference)（\(id.uuidString)）")
            }
        }
    }
}

/// `kioskctl outbox retry --json`.
struct RetryDocument: Encodable {
    var caseID: String
    var localReference: String
    var state: OutboxState
}

/// `kioskctl outbox retry --all-refused KIND --json`.
struct RetryAllDocument: Encodable {
    var kind: String
    var retried: [String]
}
