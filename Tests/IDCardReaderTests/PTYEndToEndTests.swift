import Foundation
import IDCardReader
import IDCardSimulator
import KioskDomain
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// End to end through the real serial transport (termios on a pty) and the simulator speaking
/// the reader side of the protocol, with wire-time emulation at 115200 baud.
@Suite("end to end: serial transport and pty simulator", .serialized, .realTime)
struct PTYEndToEndTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!
    /// 2026-11-23 09:00 China time: the reader checks expiry against this day.
    static let todayMorning = Date(timeIntervalSince1970: 1_795_395_600)

    static var fast: CardReader.Configuration {
        var c = CardReader.Configuration()
        c.pollInterval = .milliseconds(20)
        // Generous: the simulator shares two loaded cores with the whole parallel suite; only the
        // silent-reader test waits these out. In one parallel run two commands reached the
        // simulator 2.2 s after the first was written, together in one read (the pty's delivery
        // or the simulator's thread was late; the host had gone on polling), and 1 s find
        // timeouts had the host give up on a reader that then answered: 3 s leaves room for that.
        c.timeouts = SAMTimeouts(control: .seconds(3), find: .seconds(3), read: .seconds(3),
                                 readWithFingerprint: .seconds(3), appendedAddress: .seconds(3))
        c.reconnect = Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))
        return c
    }

    static let quickDelays = SAMDelays(control: .milliseconds(1), find: .milliseconds(2), select: .milliseconds(2),
                                       read: .milliseconds(20), readWithFingerprint: .milliseconds(30), appendedAddress: .milliseconds(2))

    /// Starts the simulator and a reader actor on it; returns both and the event log.
    static func start(_ cards: [ScriptedCard], fingerprint: Bool = false,
                      cardTime: ManualClock? = nil) async throws -> (SimulatedReaderRig, CardReader, ReaderEventLog, Task<Void, Never>) {
        let script = SimulatorScript(cards: cards, samDelays: quickDelays)
        let rig = try cardTime.map { clock in
            try SimulatedReaderRig(script: script, wireTime: true, now: { clock.now.offset })
        } ?? SimulatedReaderRig(script: script, wireTime: true)
        var config = fast
        config.readFingerprint = fingerprint
        let reader = CardReader(connector: rig.connector, verifier: try SimulatedReaderRig.verifier(),
                                configuration: config, clock: ScaledClock(factor: 1, startingAt: todayMorning))
        let log = ReaderEventLog()
        await log.follow(reader.events)
        let task = Task(executorPreference: TestExecutors.realTime) { await reader.run() }
        return (rig, reader, log, task)
    }

    static func finish(_ rig: SimulatedReaderRig, _ task: Task<Void, Never>) async {
        task.cancel()
        await task.value
        rig.stop()
    }

    static func reading(_ events: [ReaderEvent]) -> CardReading? {
        for case let .cardRead(r) in events { return r }
        return nil
    }

    @Test("a full read of each card type", arguments: CardKind.allCases)
    func eachCardType(_ kind: CardKind) async throws {
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: kind)])
        let events = await log.wait { $0.contains { $0.kind == "cardRead" } }
        await Self.finish(rig, task)
        #expect(events.map(\.kind).prefix(2) == ["connected", "cardRead"], "\(events.map(\.detail)) line: \(rig.simulator.trafficLog)")
        let reading = try #require(Self.reading(events))
        #expect(reading.card.kind == kind)
        #expect(reading.isAcceptable, "\(reading)")
        #expect(reading.card.photo.bytes.count == 1024)
        #expect(reading.card == (try ScriptedCard(type: kind).identityCard()))
    }

    @Test("the fingerprint read is accepted and its templates skipped")
    func fingerprintVariant() async throws {
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: .residentID, fingerprint: true)], fingerprint: true)
        let events = await log.wait { $0.contains { $0.kind == "cardRead" } }
        await Self.finish(rig, task)
        let reading = try #require(Self.reading(events))
        #expect(reading.card.fingerprintTemplates == 2)
        #expect(rig.engine.answeredCommands["read text+photo+fingerprint (30 10)"] == 1)
    }

    @Test("an expired card is read and reported as expired")
    func expired() async throws {
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: .residentID, expired: true)])
        let events = await log.wait { $0.contains { $0.kind == "cardRead" } }
        await Self.finish(rig, task)
        let reading = try #require(Self.reading(events))
        #expect(reading.expired)
        #expect(!reading.isAcceptable)
        #expect(reading.idNumberProblem == nil)
    }

    @Test("read failures are reported, then the retry succeeds")
    func readFailuresWithRetry() async throws {
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: .residencePermit, failNextReads: 2)])
        let events = await log.wait { $0.contains { $0.kind == "cardRead" } }
        await Self.finish(rig, task)
        #expect(events.map(\.kind) == ["connected", "readFailed", "readFailed", "cardRead"], "\(events.map(\.detail)) line: \(rig.simulator.trafficLog)")
    }

    @Test("a scripted card taken away after T is reported removed")
    func scriptedRemoval() async throws {
        _ = try SimulatedReaderRig.verifier()
        // The cards' time is stepped by the test: on a loaded machine the host can take longer
        // than T to connect or to read, and a card gone before it is read is never reported.
        let cardTime = ManualClock()
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: .residentID, removeAfterSeconds: 1.0)], cardTime: cardTime)
        await log.wait { $0.contains { $0.kind == "cardRead" } }
        #expect(rig.engine.isCardPresent)
        cardTime.advance(by: .milliseconds(999))
        #expect(rig.engine.isCardPresent, "still there just before T")
        cardTime.advance(by: .milliseconds(1))
        let events = await log.wait { $0.contains { $0.kind == "cardRemoved" } }
        await Self.finish(rig, task)
        #expect(events.map(\.kind) == ["connected", "cardRead", "cardRemoved"], "\(events.map(\.detail)) line: \(rig.simulator.trafficLog)")
    }

    @Test("a card taken away is reported removed, and the next card placed is read")
    func removalThenNextCard() async throws {
        let (rig, _, log, task) = try await Self.start([ScriptedCard(type: .residentID)])
        await log.wait { $0.contains { $0.kind == "cardRead" } }
        rig.engine.removeCard()
        await log.wait { $0.contains { $0.kind == "cardRemoved" } }
        try rig.engine.place(ScriptedCard(type: .foreignPermanentResident))
        let events = await log.wait { $0.filter { $0.kind == "cardRead" }.count == 2 }
        await Self.finish(rig, task)
        #expect(events.map(\.kind) == ["connected", "cardRead", "cardRemoved", "cardRead"], "\(events.map(\.detail)) line: \(rig.simulator.trafficLog)")
        if case let .cardRead(reading) = events.last { #expect(reading.card.kind == .foreignPermanentResident) }
    }

    @Test("a reader that stops answering is reported disconnected, and reconnected when it answers")
    func stopsAnswering() async throws {
        let (rig, reader, log, task) = try await Self.start([])
        await log.wait { $0.contains { $0.kind == "connected" } }
        rig.engine.setAnswering(false)
        let down = await log.wait { $0.contains { $0.kind == "disconnected" } }
        #expect(down.map(\.kind) == ["connected", "disconnected"])
        if case let .disconnected(fault) = down.last { #expect(fault == .notAnswering(2)) }
        if case .disconnected = await reader.status {} else { Issue.record("status should be disconnected") }
        rig.engine.setAnswering(true)
        let up = await log.wait { $0.filter { $0.kind == "connected" }.count == 2 }
        await Self.finish(rig, task)
        #expect(up.map(\.kind) == ["connected", "disconnected", "connected"])
    }

    @Test("unplugging the reader (pty closed) is a disconnect, with the card counted as removed")
    func unplug() async throws {
        let (rig, reader, log, task) = try await Self.start([ScriptedCard(type: .residentID)])
        await log.wait { $0.contains { $0.kind == "cardRead" } }
        rig.stop()
        let events = await log.wait { $0.contains { $0.kind == "disconnected" } }
        task.cancel()
        await task.value
        #expect(events.map(\.kind) == ["connected", "cardRead", "cardRemoved", "disconnected"], "\(events.map(\.detail)) line: \(rig.simulator.trafficLog)")
        if case let .disconnected(.transport(error)) = events.last {
            if case .disconnected = error {} else { Issue.record("expected a transport disconnect, got \(error)") }
        } else {
            Issue.record("expected a transport fault")
        }
        _ = reader
    }

    @Test("the simulator answers a corrupt command with SW3 10 and an unknown one with 21")
    func corruptCommand() throws {
        let rig = try SimulatedReaderRig(cards: [])
        defer { rig.stop() }
        let port = try SerialPort(path: rig.devicePath)
        let link = SAMLink(transport: port)
        defer { link.close() }
        var bad = SAMCommand.findCard.frame
        bad[bad.count - 1] ^= 0xFF
        try port.send(frame: bad, timeout: .seconds(1))
        var decoder = SAMFrameDecoder.responses()
        var bodies: [[UInt8]] = []
        while bodies.isEmpty {
            let chunk = try port.receive(timeout: .seconds(10))
            if chunk.isEmpty { break }
            bodies = decoder.feed(chunk)
        }
        #expect(bodies.first.flatMap { SAMResponse(body: $0) }?.status == .checksumError)
        #expect(try link.transact(.setMaxFrameSize(0x50)).status == .success)
        try port.send(frame: SAMFrame.encode(body: [0x99, 0x01]), timeout: .seconds(1))
        var unknown: [[UInt8]] = []
        decoder.reset()
        while unknown.isEmpty {
            let chunk = try port.receive(timeout: .seconds(10))
            if chunk.isEmpty { break }
            unknown = decoder.feed(chunk)
        }
        #expect(unknown.first.flatMap { SAMResponse(body: $0) }?.status == .badCommand)
    }

    @Test("a second owner cannot open the same reader")
    func exclusiveOwner() throws {
        let rig = try SimulatedReaderRig(cards: [])
        defer { rig.stop() }
        let first = try SerialPort(path: rig.devicePath)
        defer { first.close() }
        #expect(throws: TransportError.self) { try SerialPort(path: rig.devicePath) }
    }

    @Test("a stopped simulator's path cannot reach the pty's next owner")
    func stalePathIsGone() throws {
        let first = try SimulatedReaderRig(cards: [])
        let stale = first.devicePath
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: stale) == first.simulator.ptyPath)
        first.stop()
        // The kernel usually gives the freed pty number to the next pty: the old path must not follow it.
        let second = try SimulatedReaderRig(cards: [])
        defer { second.stop() }
        #expect(second.devicePath != stale)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(throws: TransportError.self) { try SerialPort(path: stale) }
        let port = try SerialPort(path: second.devicePath)
        port.close()
    }

    @Test("probing finds the simulated reader on its tty and skips a silent one")
    func probe() async throws {
        let rig = try SimulatedReaderRig(cards: [])
        defer { rig.stop() }
        let mute = try SimulatedReaderRig(cards: [])
        defer { mute.stop() }
        mute.engine.setAnswering(false)
        let models = try ReaderModelCatalog.load(directory: RepositoryPaths.root.appendingPathComponent("Devices/readers"))
        let ttys = [rig.devicePath, mute.devicePath, "/nonexistent/tty"]
        let findings = try await Spawn.offPool { ReaderProbe.probe(models: models, usb: try USBContext(), ttys: ttys) }
        let found = try #require(findings.first { $0.endpoint == .serial(path: rig.devicePath, baud: 115_200) })
        #expect(found.answered)
        #expect(found.samIdentity == "05.01-20101129-0001228293-0296863149")
        #expect(found.model.contains("serial line"))
        #expect(findings.first { $0.endpoint == .serial(path: mute.devicePath, baud: 115_200) }?.answered == false)
        #expect(findings.first { $0.endpoint == .serial(path: "/nonexistent/tty", baud: 115_200) }?.problem?.contains("cannot open") == true)
    }
}
