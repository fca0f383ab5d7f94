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

/// The libusb path: the library initialises and enumerates for real; SAM framing over bulk
/// endpoints is checked through the `USBBulkIO` seam against recorded transfers.
@Suite("USB bulk transport", .computeBound)
struct USBTransportTests {
    @Test("libusb initialises and enumerates the buses for real")
    func libusbForReal() throws {
        let context = try USBContext()
        let devices = try context.devices()
        // A VM may have no USB controller at all; whatever is listed must carry sane numbers.
        for d in devices { #expect(d.address > 0 || d.bus == 0) }
        // Opening an id nobody has fails with a clear reason instead of trapping.
        #expect(throws: TransportError.self) { try context.open(USBID(vendor: 0xFFFE, product: 0xFFFE)) }
        _ = context.hasHotplug
    }

    @Test("USB ids parse and print as VVVV:PPPP")
    func usbIDs() {
        #expect(USBID("0400:C35A") == USBID(vendor: 0x0400, product: 0xC35A))
        #expect(USBID("0400:c35a")?.description == "0400:c35a")
        #expect(USBID("400:c35a") == nil)
        #expect(USBID("0400-c35a") == nil)
    }

    static let selectOK = SAMResponse(status: .success, data: [UInt8](repeating: 0, count: 8)).frame
    static let findOK = SAMResponse(status: .findSuccess, data: [0, 0, 0, 0]).frame

    @Test("split layout: header and body go to their own endpoints both ways")
    func splitLayout() throws {
        let card = try ScriptedCard(type: .residentID).identityCard()
        let readAnswer = SAMResponse(status: .success, data: ReadPayload.encode(
            text: CardTextEncoder.encode(card), photo: card.photo.bytes, fingerprint: nil)).frame
        #expect(readAnswer.count == 1295)
        func exchange(_ command: SAMCommand, _ answer: [UInt8]) -> [RecordedUSBBulkIO.Transfer] {
            [.out(endpoint: 0x02, bytes: Array(command.frame.prefix(7))), .out(endpoint: 0x06, bytes: Array(command.frame.dropFirst(7))),
             .in(endpoint: 0x81, bytes: Array(answer.prefix(7))), .in(endpoint: 0x85, bytes: Array(answer.dropFirst(7)))]
        }
        let io = RecordedUSBBulkIO(exchange(.findCard, Self.findOK) + exchange(.selectCard, Self.selectOK) + exchange(.readText, readAnswer))
        let link = SAMLink(transport: USBBulkTransport(io: io, layout: .split(headerOut: 0x02, bodyOut: 0x06, headerIn: 0x81, bodyIn: 0x85)))
        guard case let .read(payload) = try ReadSequence.attempt(link) else {
            Issue.record("expected a read")
            return
        }
        #expect(try payload.card() == card)
        #expect(io.mismatches.isEmpty, "\(io.mismatches)")
        #expect(io.remaining.isEmpty)
        link.close()
        #expect(io.closed)
    }

    @Test("single-pair layout: whole frames, answers may arrive in several transfers")
    func singleLayout() throws {
        let status = SAMResponse(status: .success).frame
        let samID = SAMResponse(status: .success, data: SAMReaderEngine.samIdentity).frame
        let io = RecordedUSBBulkIO([
            .out(endpoint: 0x01, bytes: SAMCommand.samStatus.frame), .in(endpoint: 0x81, bytes: status),
            .out(endpoint: 0x01, bytes: SAMCommand.samID.frame),
            .in(endpoint: 0x81, bytes: Array(samID.prefix(10))), .in(endpoint: 0x81, bytes: Array(samID.dropFirst(10))),
        ])
        let link = SAMLink(transport: USBBulkTransport(io: io, layout: .single(out: 0x01, in: 0x81)))
        let identity = try ReadSequence.handshake(link)
        #expect(identity?.description == "05.01-20101129-0001228293-0296863149")
        #expect(io.mismatches.isEmpty, "\(io.mismatches)")
    }

    @Test("a silent device times out; a vanished device is a disconnect")
    func failures() throws {
        let silent = RecordedUSBBulkIO([.out(endpoint: 0x01, bytes: SAMCommand.findCard.frame), .inTimeout(endpoint: 0x81)])
        let link = SAMLink(transport: USBBulkTransport(io: silent, layout: .single(out: 0x01, in: 0x81)))
        #expect(throws: ReaderFault.timeout(.findCard)) { try link.transact(.findCard, timeout: .milliseconds(50)) }
        let gone = RecordedUSBBulkIO([])
        let link2 = SAMLink(transport: USBBulkTransport(io: gone, layout: .single(out: 0x01, in: 0x81)))
        #expect(throws: ReaderFault.transport(.disconnected("USB device gone"))) { try link2.transact(.findCard) }
    }

    @Test("garbage on the header endpoint is dropped and the real answer still read")
    func garbageHeader() throws {
        let status = SAMResponse(status: .success).frame
        let io = RecordedUSBBulkIO([
            .out(endpoint: 0x02, bytes: Array(SAMCommand.samStatus.frame.prefix(7))),
            .out(endpoint: 0x06, bytes: Array(SAMCommand.samStatus.frame.dropFirst(7))),
            .in(endpoint: 0x81, bytes: [0x00, 0x13, 0x37]),
            .in(endpoint: 0x81, bytes: Array(status.prefix(7))), .in(endpoint: 0x85, bytes: Array(status.dropFirst(7))),
        ])
        let link = SAMLink(transport: USBBulkTransport(io: io, layout: .split(headerOut: 0x02, bodyOut: 0x06, headerIn: 0x81, bodyIn: 0x85)))
        #expect(try link.transact(.samStatus).status == .success)
        #expect(io.mismatches.isEmpty, "\(io.mismatches)")
    }
}

/// The shipped model descriptors and udev rules.
@Suite("reader model descriptors", .computeBound)
struct ReaderModelTests {
    static var readers: URL { RepositoryPaths.root.appendingPathComponent("Devices/readers") }

    @Test("every descriptor loads and names its transport")
    func load() throws {
        let models = try ReaderModelCatalog.load(directory: Self.readers)
        #expect(models.map(\.id) == ["generic-0483-5652", "routon-idr200", "serial-sam-v", "synjones-0316-5020"])
        let routon = try #require(models.first { $0.id == "routon-idr200" })
        #expect(try routon.endpointLayout() == .split(headerOut: 0x02, bodyOut: 0x06, headerIn: 0x81, bodyIn: 0x85))
        #expect(routon.usb == USBID("0400:c35a"))
        #expect(models.first { $0.transport == .serial }?.baud == 115_200)
    }

    @Test("every USB model has a udev rule giving the kiosk access")
    func udevCoversModels() throws {
        let rules = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Devices/udev/60-onestop-idcard-reader.rules"), encoding: .utf8)
        for model in try ReaderModelCatalog.load(directory: Self.readers) {
            guard let id = model.usb else { continue }
            let hex = id.description.split(separator: ":")
            #expect(rules.contains("ATTRS{idVendor}==\"\(hex[0])\", ATTRS{idProduct}==\"\(hex[1])\""), "\(model.id)")
        }
    }

    @Test("a bad descriptor names the file, the key and what was expected")
    func badDescriptor() throws {
        let dir = try RepositoryPaths.temporaryDirectory("reader-models")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"name":"x","transport":"usb-bulk","usb":"0400:c35a","endpoints":{"layout":"split","headerOut":"0x02","bodyOut":"0x06","headerIn":"0x01","bodyIn":"0x85"},"confirmed":false,"source":"t"}"#.utf8)
            .write(to: dir.appendingPathComponent("bad.json"))
        #expect {
            try ReaderModelCatalog.load(directory: dir)
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            return e.file.hasSuffix("bad.json") && e.key == "endpoints.headerIn" && e.found == "0x01"
        }
        try Data(#"{"name":"x","transport":"serial","baud":12345,"confirmed":false,"source":"t"}"#.utf8).write(to: dir.appendingPathComponent("bad.json"))
        #expect(throws: DataFileError.self) { try ReaderModelCatalog.load(directory: dir) }
        try Data(#"{"name":"x","transport":"usb-bulk","usb":"zz","confirmed":false,"source":"t"}"#.utf8).write(to: dir.appendingPathComponent("bad.json"))
        #expect(throws: DataFileError.self) { try ReaderModelCatalog.load(directory: dir) }
    }
}
