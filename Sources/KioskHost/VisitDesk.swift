import CentralService
import Foundation
import KioskApp
import KioskDomain
import KioskStore
import KioskTime
import Logging
import ReceiptPrinter

/// Performs the effects of the visit after filing: asks the central service where the cases
/// stand (signed, as the outbox is) and falls back on the store's own knowledge when it cannot
/// be reached; prints the progress slip and 补打 copies (audited in the store); stores 好差评
/// ratings and sends them through their outbox. Logs name no person: case numbers at most.
public struct VisitDesk: Sendable {
    public let store: CaseStore
    public let central: CentralClient?
    public let ratings: RatingDrainer?
    public let receipts: ReceiptService
    public let context: KioskContext
    public let clock: any KioskClock
    let logger: Logger

    public init(store: CaseStore, central: CentralClient?, receipts: ReceiptService, context: KioskContext, clock: any KioskClock,
                logger: Logger) {
        self.store = store
        self.central = central
        self.receipts = receipts
        self.context = context
        self.clock = clock
        self.logger = logger
        ratings = central.map { RatingDrainer(store: store, submitter: $0, clock: clock, logger: logger) }
    }

    public func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {
        switch effect {
        case .queryProgress(let key):
            send(await query(key))
        case .printProgressSlip(let report):
            send(.slipPrinted(await printSlip(report)))
        case .listReprints(let key):
            send(.reprintsListed(await reprintChoices(key)))
        case .reprint(let id):
            send(.printed(await reprint(id)))
        case .submitRating(let rating):
            await submit(rating)
        default:
            break
        }
    }

    // MARK: Progress

    /// The central answer when there is one; the store's knowledge (said so, with its age) when
    /// the service cannot be reached.
    func query(_ key: ProgressLookupKey) async -> KioskEvent {
        let local = await localCases(key)
        if let central {
            do {
                let numbers: [String]
                switch key {
                case .idNumber(let id): numbers = try await central.search(idNumber: id).cases.map(\.caseNumber)
                case .caseNumber(let number): numbers = [local.first?.centralCaseNumber ?? number]
                }
                var entries: [ProgressReport.CaseEntry] = []
                for number in numbers {
                    do {
                        let progress = try await central.progress(caseNumber: number)
                        try? await store.cacheProgress(caseNumber: number, progress: try Wire.encoder.encode(progress), fetchedAt: clock.wallTime)
                        entries.append(Self.entry(progress, filed: local.first { $0.centralCaseNumber == number }))
                    } catch let problem as Problem where problem.error == "http_404" || problem.error == "not_found" {
                        continue
                    }
                }
                // Cases still in this kiosk's outbox are not at the centre yet: shown from the store.
                for filed in local where filed.centralCaseNumber == nil { entries.append(Self.entry(filed)) }
                logger.info("progress queried", metadata: ["cases": "\(entries.count)", "source": "central"])
                if entries.isEmpty, case .caseNumber = key { return .progressFailed(context.strings("progress.none")) }
                return .progressLoaded(ProgressReport(source: .central, cases: entries))
            } catch {
                logger.notice("progress query fell back to the store", metadata: ["error": "\(type(of: error))"])
            }
        }
        var entries: [ProgressReport.CaseEntry] = []
        var asOf: Date?
        for filed in local {
            if let number = filed.centralCaseNumber, let cached = try? await store.cachedProgress(caseNumber: number),
               let progress = try? Wire.decoder.decode(CaseProgress.self, from: cached.progress) {
                entries.append(Self.entry(progress, filed: filed))
                asOf = min(asOf ?? cached.fetchedAt, cached.fetchedAt)
            } else {
                entries.append(Self.entry(filed))
                asOf = min(asOf ?? filed.filedAt, filed.filedAt)
            }
        }
        if entries.isEmpty { return .progressFailed(context.strings("progress.offline.none")) }
        return .progressLoaded(ProgressReport(source: .local(asOf: asOf ?? clock.wallTime), cases: entries))
    }

    /// The applicant's cases in this kiosk's store (by ID number, or the one case a number names).
    func localCases(_ key: ProgressLookupKey) async -> [FiledCase] {
        switch key {
        case .idNumber(let id):
            return (try? await store.applicantCases(idNumber: id, limit: 10)) ?? []
        case .caseNumber(let number):
            guard let id = try? await store.findCaseID(number), let filed = await storedCase(id) else { return [] }
            return [filed]
        }
    }

    /// A stored case with the central number its outbox entry learned.
    func storedCase(_ id: UUID) async -> FiledCase? {
        guard var filed = try? await store.loadCase(id: id) else { return nil }
        if filed.centralCaseNumber == nil,
           let entry = (try? await store.outboxEntries(states: [.delivered], limit: 1000))?.first(where: { $0.caseID == id }) {
            filed.centralCaseNumber = entry.centralCaseNumber
        }
        return filed
    }

    static func entry(_ progress: CaseProgress, filed: FiledCase?) -> ProgressReport.CaseEntry {
        let byCode = Dictionary(progress.items.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let items = progress.items.map { item in
            // Only the prerequisites still open are what the item waits for.
            let open = item.dependsOn.compactMap { byCode[$0] }.filter { $0.state != .completed }.map(\.title)
            return ProgressReport.Item(code: item.code, title: item.title, department: item.department,
                                state: ProgressItemState(rawValue: item.state.rawValue) ?? .accepted, dueDate: item.dueDate,
                                waitsFor: item.state == .accepted ? open : [],
                                reason: item.reason, basis: item.basis)
        }
        return ProgressReport.CaseEntry(caseNumber: progress.caseNumber, storedID: filed?.id,
                                        categoryTitle: filed?.categoryTitle ?? "军人退役“一件事一次办”", acceptedAt: progress.acceptedAt, items: items)
    }

    /// What the kiosk knows of a case it filed and never heard back about: each item 已受理.
    static func entry(_ filed: FiledCase) -> ProgressReport.CaseEntry {
        let items = filed.items.filter { !$0.displayOnly }.map {
            ProgressReport.Item(code: $0.code, title: $0.title, department: $0.department, state: .accepted, dueDate: $0.dueDate)
        }
        return ProgressReport.CaseEntry(caseNumber: filed.centralCaseNumber ?? filed.localReference, storedID: filed.id,
                                        categoryTitle: filed.categoryTitle, acceptedAt: filed.filedAt, items: items)
    }

    // MARK: Paper

    func printSlip(_ report: ProgressReport) async -> PrintState {
        let slip = ProgressSlipBuilder(strings: context.strings, hall: context.terminal.hall,
                                       consultationPhone: context.consultationPhone ?? "").slip(report, idNumber: nil, now: clock.wallTime)
        do {
            let outcome = try await receipts.printProgressSlip(slip)
            logger.info("progress slip printed", metadata: ["printed": "\(outcome.printed)"])
            return outcome.printed ? .printed : .failed(outcome.status.message)
        } catch {
            return .failed(error.description)
        }
    }

    func reprintChoices(_ key: ProgressLookupKey) async -> [ReprintChoice] {
        await localCases(key).prefix(5).map {
            ReprintChoice(id: $0.id, caseNumber: $0.centralCaseNumber ?? $0.localReference, categoryTitle: $0.categoryTitle, filedAt: $0.filedAt)
        }
    }

    func reprint(_ id: UUID) async -> PrintState {
        guard let filed = await storedCase(id) else { return .failed("案件未找到") }
        let outcome = await receipts.reprint(filed)
        try? await store.recordReprint(caseID: id, printed: outcome.printed, at: clock.wallTime)
        logger.info("acknowledgement reprinted", metadata: ["case": "\(filed.localReference)", "printed": "\(outcome.printed)"])
        return outcome.printed ? .printed : .failed(outcome.status.message)
    }

    // MARK: 好差评

    func submit(_ rating: CaseRating) async {
        let caseID = try? await store.findCaseID(rating.caseNumber)
        let stored = StoredRating(id: UUID(), caseID: caseID, caseNumber: rating.caseNumber, score: rating.score,
                                  reasons: rating.reasons, ratedAt: clock.wallTime)
        do {
            try await store.storeRating(stored)
        } catch {
            logger.error("rating not stored", metadata: ["error": "\(type(of: error))"])
            return
        }
        _ = try? await ratings?.drainOnce()
    }
}
