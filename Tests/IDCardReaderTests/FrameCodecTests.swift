import IDCardReader
import Testing
import TestTraits

/// The verified frames of the protocol reference (GA/T 467 SAM_V host protocol sheet, §2 and §6;
/// every checksum there was recomputed against the cited sources), preamble omitted as there.
@Suite("SAM frame codec", .computeBound)
struct FrameCodecTests {
    static let commandVectors: [(SAMCommand, String)] = [
        (.samReset, "00 03 10 FF EC"),
        (.samStatus, "00 03 11 FF ED"),
        (.samID, "00 03 12 FF EE"),
        (.findCard, "00 03 20 01 22"),
        (.selectCard, "00 03 20 02 21"),
        (.readText, "00 03 30 01 32"),
        (.readAppendedAddress, "00 03 30 03 30"),
        (.readTextAndFingerprint, "00 03 30 10 23"),
        (.setMaxFrameSize(0x50), "00 04 61 FF 50 CA"),
    ]

    static let responseVectors: [(String, SAMStatus, Int, String)] = [
        ("status OK", .success, 0, "00 04 00 00 90 94"),
        ("SAM id", .success, 16, "00 14 00 00 90 05 00 01 00 09 B8 32 01 05 BE 12 00 AD C5 B1 11 63"),
        ("find OK", .findSuccess, 4, "00 08 00 00 9F 00 00 00 00 97"),
        ("find failed", .findFailed, 0, "00 04 00 00 80 84"),
        ("select OK", .success, 8, "00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"),
        ("select failed", .selectFailed, 0, "00 04 00 00 81 85"),
        ("read failed", .readFailed, 0, "00 04 00 00 41 45"),
        ("self-test failed", .selfTestFailed, 0, "00 04 00 00 60 64"),
    ]

    static func bytes(_ hex: String) -> [UInt8] { hex.split(separator: " ").map { UInt8($0, radix: 16)! } }
    static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]

    @Test("every command of the reference encodes byte for byte", arguments: commandVectors.indices)
    func commandEncodes(_ i: Int) {
        let (command, hex) = Self.commandVectors[i]
        #expect(command.frame == Self.preamble + Self.bytes(hex), "\(command)")
    }

    @Test("every command decodes back from its body (the simulator's side)", arguments: commandVectors.indices)
    func commandDecodes(_ i: Int) {
        let (command, hex) = Self.commandVectors[i]
        var decoder = SAMFrameDecoder.commands()
        let bodies = decoder.feed(Self.preamble + Self.bytes(hex))
        #expect(bodies.count == 1)
        #expect(bodies.first.flatMap { SAMCommand(body: $0) } == command)
    }

    @Test("set-baud commands carry the rate code and round-trip")
    func setBaud() {
        for rate in SAMBaudRate.allCases {
            let frame = SAMCommand.setBaud(rate).frame
            #expect(Array(frame[5...]) == [0x00, 0x03, 0x60, rate.rawValue, 0x03 ^ 0x60 ^ rate.rawValue])
            #expect(SAMCommand(body: frame[7..<(frame.count - 1)]) == .setBaud(rate))
            #expect(SAMBaudRate(bitsPerSecond: rate.bitsPerSecond) == rate)
        }
        #expect(SAMCommand(body: [0x60, 0x09]) == nil)
        #expect(SAMCommand(body: [0x99, 0x01]) == nil)
    }

    @Test("every verified response decodes and re-encodes byte for byte", arguments: responseVectors.indices)
    func responseRoundTrip(_ i: Int) throws {
        let (name, status, dataCount, hex) = Self.responseVectors[i]
        let wire = Self.preamble + Self.bytes(hex)
        var decoder = SAMFrameDecoder.responses()
        let bodies = decoder.feed(wire)
        try #require(bodies.count == 1, "\(name)")
        let response = try #require(SAMResponse(body: bodies[0]))
        #expect(response.status == status, "\(name)")
        #expect(response.data.count == dataCount, "\(name)")
        #expect(response.frame == wire, "\(name)")
        #expect(decoder.rejectedFrames == 0)
    }

    @Test("the SAM id decodes to the reference's reading")
    func samIdentity() throws {
        let data = Array(Self.bytes(Self.responseVectors[1].3)[5..<21])
        let id = try #require(SAMIdentity(data: data))
        #expect(id.description == "05.01-20101129-0001228293-0296863149")
        #expect(SAMIdentity(data: Array(data.prefix(15))) == nil)
    }

    @Test("the 1295-byte text+photo answer has the reference's header and size")
    func readAnswerLayout() {
        let data = ReadPayload.encode(text: [UInt8](repeating: 0x20, count: 256), photo: [UInt8](repeating: 7, count: 1024), fingerprint: nil)
        let frame = SAMResponse(status: .success, data: data).frame
        #expect(frame.count == 1295)
        #expect(Array(frame.prefix(14)) == Self.bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"))
        let withFP = SAMResponse(status: .success, data: ReadPayload.encode(
            text: [UInt8](repeating: 0x20, count: 256), photo: [UInt8](repeating: 7, count: 1024),
            fingerprint: [UInt8](repeating: 0x43, count: 1024))).frame
        #expect(withFP.count == 2321)
        #expect(withFP[5] == 0x09 && withFP[6] == 0x0A)
    }

    @Test("a frame with the wrong constant seen in public code is rejected")
    func wrongPublicChecksum() {
        // One public snippet sends find as `…20 01 21`; the correct checksum is 22.
        var decoder = SAMFrameDecoder.commands()
        #expect(decoder.feed(Self.preamble + Self.bytes("00 03 20 01 21")).isEmpty)
        #expect(decoder.rejectedFrames == 1)
    }

    @Test("every status code maps to a typed result with both messages")
    func statusTable() {
        for status in SAMStatus.allKnown {
            #expect(SAMStatus(code: status.code) == status)
            #expect(!status.chineseMessage.isEmpty)
            #expect(status.technicalMessage.hasPrefix("SW3="))
        }
        #expect(SAMStatus(code: 0x80).chineseMessage == "请将身份证放在感应区")
        #expect(SAMStatus(code: 0x41).chineseMessage == "读卡失败，请重新放置")
        #expect(SAMStatus(code: 0x60).chineseMessage == "读卡器故障，请联系工作人员")
        #expect(SAMStatus(code: 0x77) == .other(0x77))
        #expect(SAMStatus(code: 0x77).code == 0x77)
        #expect(Set(SAMStatus.allKnown.map(\.code)).count == SAMStatus.allKnown.count)
    }
}
