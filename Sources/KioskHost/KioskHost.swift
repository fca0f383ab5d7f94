import CentralService
import Foundation
import KioskApp
import KioskDomain
import KioskStore
import KioskTime
import Logging
import ReceiptPrinter
import VoiceGuidance

/// The kiosk's hands: owns the store, the outbox drainer, the receipt printer, the card reader
/// bridge and the photo desk, and performs the flow's effects with them. Devices and services
/// answer as events; nothing here decides what the veteran sees next (the reducer does).
public actor KioskHost: KioskEffectPerformer {
    public struct Devices: Sendable {
        public var store: CaseStore
        public var drainer: OutboxDrainer?
        public var receipts: ReceiptService
        public var reader: ReaderBridge?
        public var photos: PhotoDesk?
        /// The central service's client for progress queries and ratings (nil: the store only).
        public var central: CentralClient?
        public init(store: CaseStore, drainer: OutboxDrainer?, receipts: ReceiptService, reader: ReaderBridge?, photos: PhotoDesk?,
                    central: CentralClient? = nil) {
            self.central = central
            self.store = store
            self.drainer = drainer
            self.receipts = receipts
            self.reader = reader
            self.photos = photos
        }
    }

    public let context: KioskContext
    public let devices: Devices
    public let clock: any KioskClock
    private let logger: Logger
    /// The demo's hands: take the simulated card away when the kiosk asks.
    private let onTakeCard: @Sendable () async -> Void
    /// Text copies of printed receipts (the demo keeps them beside the ESC/POS files).
    private let receiptText: (@Sendable (String, String) -> Void)?
    private var sequence: Int
    /// Spoken prompts (off unless configured); never blocks: it only queues.
    private let voice: VoiceGuide?
    /// Progress, 补打 and 好差评 (the visit after filing).
    public let visits: VisitDesk
    /// Technician mode's hands; nil (no PIN configured): the hidden gesture does nothing.
    private var technician: TechnicianDesk?

    public init(context: KioskContext, devices: Devices, clock: any KioskClock, logger: Logger = Logger(label: "kioskd"),
                onTakeCard: @escaping @Sendable () async -> Void = {}, receiptText: (@Sendable (String, String) -> Void)? = nil,
                voice: VoiceGuide? = nil) async throws {
        self.voice = voice
        self.context = context
        self.devices = devices
        self.clock = clock
        self.logger = logger
        self.onTakeCard = onTakeCard
        self.receiptText = receiptText
        sequence = try await devices.store.caseCount()
        visits = VisitDesk(store: devices.store, central: devices.central, receipts: devices.receipts, context: context, clock: clock,
                           logger: logger)
    }

    public func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {
        switch effect {
        case .armReader:
            await devices.reader?.arm(send)
        case .disarmReader:
            await devices.reader?.disarm()
        case .askToTakeCard:
            await onTakeCard()
        case .file(let draft):
            await file(draft, send: send)
        case .printAcknowledgement(let id):
            await printAcknowledgement(id, send: send)
        case .printRefusal(let id, let reason, let basis):
            await printRefusal(id, reason: reason, basis: basis, send: send)
        case .listPhotos:
            send(.photosListed(devices.photos?.list() ?? []))
        case .checkPhoto(let file, let fix):
            if let desk = devices.photos { send(.photoChecked(desk.check(file, fix: fix))) }
        case .announce(let text):
            // The screens' words; the catalog holds the ones that are spoken.
            let spoken = text.trimmingCharacters(in: CharacterSet(charactersIn: "…."))
            if let announcement = Announcement.all.first(where: { $0.text == spoken }) { voice?.announce(announcement) }
        case .wipe:
            await devices.reader?.disarm()
            logger.info("session wiped")
        case .queryProgress, .printProgressSlip, .listReprints, .reprint, .submitRating:
            await visits.perform(effect, send: send)
        case .technician(let request):
            await technician?.perform(request, send: send)
        case .after:
            break
        }
    }

    /// Turns technician mode on (kioskd does, when the configuration has a PIN hash).
    public func enableTechnicianMode(_ desk: TechnicianDesk) {
        technician = desk
    }

    /// The next local reference: terminal, China date, sequence (`CQ-YB-01-20261205-0007`).
    private func nextReference() -> String {
        sequence += 1
        let day = clock.today
        return String(format: "%@-%04d%02d%02d-%04d", context.terminal.id, day.year, day.month, day.day, sequence)
    }

    /// Commits the case to the store first (the confirmed snapshot survives anything after), then
    /// drains the outbox once so the answer comes back while the veteran waits.
    private func file(_ draft: FiledCase, send: @escaping @Sendable (KioskEvent) -> Void) async {
        var filed = draft
        filed.id = UUID()
        filed.localReference = nextReference()
        filed.filedAt = clock.wallTime
        do {
            try await devices.store.confirm(filed)
        } catch {
            let message = (error as? any PersonReadableError)?.chineseMessage ?? "申请未能保存，请到人工窗口办理"
            logger.error("case not stored", metadata: ["error": "\((error as? any PersonReadableError)?.technicalDescription ?? "\(type(of: error))")"])
            send(.caseNotStored(message))
            return
        }
        logger.info("case stored", metadata: ["case": "\(filed.localReference)"])
        send(.caseStored(filed))
        guard let drainer = devices.drainer else { send(.submitted(.queued)); return }
        _ = try? await drainer.drainOnce()
        let entries = (try? await devices.store.outboxEntries(limit: 200)) ?? []
        guard let entry = entries.first(where: { $0.caseID == filed.id }) else { send(.submitted(.queued)); return }
        switch entry.state {
        case .delivered:
            send(.submitted(.accepted(caseNumber: entry.centralCaseNumber ?? filed.localReference)))
        case .dead:
            send(.submitted(.refused(reason: entry.lastError ?? "中心平台未受理", basis: "省一体化政务服务平台受理校验")))
        default:
            send(.submitted(.queued))
        }
    }

    private func storedCase(_ id: UUID) async -> FiledCase? {
        guard var filed = try? await devices.store.loadCase(id: id) else { return nil }
        if filed.centralCaseNumber == nil,
           let entry = (try? await devices.store.outboxEntries(states: [.delivered], limit: 200))?.first(where: { $0.caseID == id }) {
            filed.centralCaseNumber = entry.centralCaseNumber
        }
        return filed
    }

    private func printAcknowledgement(_ id: UUID, send: @escaping @Sendable (KioskEvent) -> Void) async {
        guard let filed = await storedCase(id) else { send(.printed(.failed("案件未找到"))); return }
        let outcome = await devices.receipts.printAcknowledgement(filed)
        if let receiptText, let text = try? await devices.receipts.acknowledgementText(filed, printedAt: clock.wallTime) {
            receiptText(filed.localReference, text)
        }
        logger.info("acknowledgement printed", metadata: ["case": "\(filed.localReference)", "printed": "\(outcome.printed)"])
        send(.printed(outcome.printed ? .printed : .failed(outcome.status.message)))
    }

    private func printRefusal(_ id: UUID, reason: String, basis: String, send: @escaping @Sendable (KioskEvent) -> Void) async {
        guard let filed = await storedCase(id) else { send(.printed(.failed("案件未找到"))); return }
        let notice = RefusalNotice(caseNumber: filed.centralCaseNumber ?? filed.localReference, applicantName: filed.applicant.name,
                                   applicantIDNumber: filed.applicant.idNumber, itemTitles: filed.items.filter { !$0.displayOnly }.map(\.title),
                                   department: context.profile.departments.first { $0.code == context.profile.leadDepartment }?.name ?? context.profile.leadDepartment, decidedOn: filed.filedOn, reason: reason, basis: basis,
                                   remedy: "补正后可重新申请，或到人工窗口咨询。", hall: filed.hall,
                                   consultationPhone: filed.consultationPhone ?? "", printedAt: clock.wallTime)
        let outcome = (try? await devices.receipts.printRefusal(notice))
        send(.printed(outcome?.printed == true ? .printed : .failed(outcome?.status.message ?? "打印失败")))
    }
}
