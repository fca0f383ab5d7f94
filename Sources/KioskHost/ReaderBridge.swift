import Foundation
import IDCardReader
import KioskApp
import KioskDomain
import KioskOperations

/// Turns the card reader's events into the flow's: a card read while the identify screen waits
/// becomes `cardRead` (or a clear refusal for an expired or non-resident card); a card leaving
/// the reader is reported whenever it happens (the take-card screen waits for it). The reader
/// itself runs all the time so its state is known for the home banner.
public actor ReaderBridge {
    let reader: CardReader
    private var armed: (@Sendable (KioskEvent) -> Void)?
    private var always: (@Sendable (KioskEvent) -> Void)?
    private var task: Task<Void, Never>?
    private var follow: Task<Void, Never>?
    /// A diagnostics run waiting for the next card (`ReaderBridge+Diagnostics.swift`).
    var diagnosticWaiter: CheckedContinuation<DiagnosticRead?, Never>?
    /// Where each reading went (`card-reader-outcome`): a reading no prompt was waiting for is
    /// dropped, and the log is how a technician tells that from a reader that never read.
    private let events: EventLog?

    public init(reader: CardReader, events: EventLog? = nil) {
        self.reader = reader
        self.events = events
    }

    /// Starts the reader and forwards its events; `send` receives removals and reader status.
    public func start(send: @escaping @Sendable (KioskEvent) -> Void) {
        always = send
        let reader = self.reader
        task = Task { await reader.run() }
        follow = Task { [weak self] in
            for await event in reader.events { await self?.handle(event) }
        }
    }

    public func stop() {
        task?.cancel()
        follow?.cancel()
    }

    func arm(_ send: @escaping @Sendable (KioskEvent) -> Void) { armed = send }
    func disarm() { armed = nil }

    private func handle(_ event: ReaderEvent) {
        switch event {
        case .connected:
            always?(.readerStatus(ready: true))
        case .disconnected:
            always?(.readerStatus(ready: false))
            armed?(.cardRejected("读卡器暂时无法使用，请手工输入身份证号码"))
        case .cardRemoved:
            always?(.cardRemoved)
        case .readFailed(let failure) where diagnosticWaiter != nil:
            note("failed", to: "diagnostics")
            finishDiagnosticRead(.failed(failure))
        case .cardRead(let reading) where diagnosticWaiter != nil:
            note("read", to: "diagnostics")
            finishDiagnosticRead(.read(reading))
        case .readFailed(let failure):
            note("failed", to: armed == nil ? "nobody" : "screen")
            armed?(.cardRejected(failure.chineseMessage + "，请重新放置身份证"))
        case .cardRead(let reading):
            let event = Self.event(for: reading)
            let outcome = if case .cardRead = event { "read" } else { "rejected" }
            note(outcome, to: armed == nil ? "nobody" : "screen")
            armed?(event)
        }
    }

    private func note(_ outcome: String, to destination: String) {
        events?.log(.cardReaderOutcome, ["outcome": outcome, "delivered_to": destination])
    }

    /// A reading as the flow needs it: a resident card that is valid today, or why not.
    static func event(for reading: CardReading) -> KioskEvent {
        guard reading.card.kind == .residentID else {
            return .cardRejected("这张证件不是居民身份证。请放置居民身份证，或手工输入号码。")
        }
        if reading.expired {
            return .cardRejected("您的身份证已过有效期。可手工输入身份证号码继续办理，或先到公安窗口换领。")
        }
        guard let number = reading.idNumber else {
            return .cardRejected(reading.idNumberProblem?.chineseMessage ?? "身份证号码无法识别，请手工输入号码")
        }
        let card = reading.card
        return .cardRead(CardHolder(name: card.name, idNumber: number.value, sex: card.sex.sex, ethnicity: card.ethnicity?.name,
                                    birthDate: card.birthDate, address: card.address, fromCard: true))
    }
}
