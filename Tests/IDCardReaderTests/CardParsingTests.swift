import IDCardReader
import IDCardSimulator
import KioskDomain
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// Text-block layouts (reference §4) through the encoder the simulator uses and the parser the
/// reader uses; names and numbers are synthetic and never printed unmasked.
@Suite("card text parsing", .computeBound)
struct CardParsingTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    static func block(_ card: IdentityCard) -> [UInt8] { CardTextEncoder.encode(card) }

    static func residentCard(name: String = "测试甲", validTo: CardExpiry = .date(CivilDate(year: 2036, month: 5, day: 1)!),
                             ethnicity: String = "01") throws -> IdentityCard {
        var fields = ScriptedCard.Fields()
        fields.name = name
        fields.ethnicity = ethnicity
        fields.birthDate = CivilDate(year: 1985, month: 2, day: 28)
        fields.validTo = validTo.description
        return try ScriptedCard(type: .residentID, fields: fields).identityCard()
    }

    @Test("a resident ID card parses field by field at the reference's offsets")
    func resident() throws {
        let card = try Self.residentCard()
        let text = Self.block(card)
        #expect(text.count == 256)
        // Offsets: sex at 30 ("1"), ethnicity at 32 ("01"), birth date at 36.
        #expect(Array(text[30..<32]) == [0x31, 0x00])
        #expect(Array(text[32..<36]) == [0x30, 0x00, 0x31, 0x00])
        #expect(UCS2Text.decode(text[36..<52]) == "19850228")
        let parsed = try CardTextParser.parse(text: text, photo: card.photo)
        #expect(parsed == card)
        #expect(parsed.kind == .residentID)
        #expect(parsed.ethnicity?.name == "汉族")
        #expect(parsed.ethnicity?.shortName == "汉")
        #expect(parsed.sex == .male)
        #expect(parsed.birthDate == CivilDate(year: 1985, month: 2, day: 28))
    }

    @Test("an HK/Macao/Taiwan residence permit ('J') parses its pass number and issue count")
    func permit() throws {
        var fields = ScriptedCard.Fields()
        fields.passNumber = "H60000001"
        fields.issueCount = 3
        fields.sex = "female"
        let card = try ScriptedCard(type: .residencePermit, fields: fields).identityCard()
        let text = Self.block(card)
        #expect(UCS2Text.decode(text[248..<250]) == "J")
        #expect(UCS2Text.decode(text[32..<36]).isEmpty)
        let parsed = try CardTextParser.parse(text: text, photo: card.photo)
        #expect(parsed == card)
        #expect(parsed.kind == .residencePermit)
        #expect(parsed.passNumber == "H60000001")
        #expect(parsed.issueCount == 3)
        #expect(parsed.ethnicity == nil)
        #expect(parsed.sex == .female)
    }

    @Test("a foreigner permanent residence card ('I') has its own layout")
    func foreigner() throws {
        var fields = ScriptedCard.Fields()
        fields.englishName = "SYNTHETIC, TESTER"
        fields.nationality = "CAN"
        fields.birthDate = CivilDate(year: 1970, month: 12, day: 31)
        fields.validTo = "2030-06-30"
        let card = try ScriptedCard(type: .foreignPermanentResident, fields: fields).identityCard()
        let text = Self.block(card)
        #expect(UCS2Text.decode(text[248..<250]) == "I")
        #expect(UCS2Text.decode(text[220..<236]) == "19701231")
        let parsed = try CardTextParser.parse(text: text, photo: card.photo)
        #expect(parsed == card)
        #expect(parsed.englishName == "SYNTHETIC, TESTER")
        #expect(parsed.nationality == "CAN")
        #expect(parsed.address == nil)
    }

    @Test("the 2023 'Y' card is refused as unsupported, with a Chinese message")
    func unsupportedType() throws {
        var text = Self.block(try Self.residentCard())
        text.replaceSubrange(248..<250, with: [0x59, 0x00])
        #expect(throws: CardDataProblem.unsupportedCardType("Y")) { try CardTextParser.parse(text: text, photo: WLTPhoto(bytes: [])) }
        #expect(CardDataProblem.unsupportedCardType("Y").chineseMessage.contains("暂不支持"))
    }

    @Test("every ethnicity code maps to its name and back", arguments: Ethnicity.all)
    func ethnicities(_ e: Ethnicity) throws {
        let card = try Self.residentCard(ethnicity: e.code)
        #expect(try CardTextParser.parse(text: Self.block(card), photo: card.photo).ethnicity == e)
    }

    @Test("ethnicity table: 56 groups plus 97 and 98; unknown codes refused")
    func ethnicityTable() {
        #expect(Ethnicity.all.count == 58)
        #expect(Ethnicity(code: "98")?.name == "外国血统中国籍人士")
        #expect(Ethnicity(code: "57") == nil)
        #expect(Ethnicity(code: "1") == nil)
    }

    @Test("长期 validity never expires; a past date does")
    func validity() throws {
        let longTerm = try Self.residentCard(validTo: .longTerm)
        let parsed = try CardTextParser.parse(text: Self.block(longTerm), photo: longTerm.photo)
        #expect(parsed.validTo == .longTerm)
        #expect(!parsed.validTo.isExpired(on: CivilDate(year: 2999, month: 1, day: 1)!))
        let last = CivilDate(year: 2026, month: 11, day: 23)!
        #expect(!CardExpiry.date(last).isExpired(on: last))
        #expect(CardExpiry.date(last).isExpired(on: last.adding(days: 1)))
    }

    @Test("control and format characters are stripped from every field")
    func controlCharacters() throws {
        var text = Self.block(try Self.residentCard(name: "测试"))
        // Name field: "测", ESC, "[", "2", "J", bidi override, NUL, "试".
        let hostile: [UInt16] = [0x6D4B, 0x001B, 0x005B, 0x0032, 0x004A, 0x202E, 0x0000, 0x8BD5, 0x0007, 0xD800]
        var bytes: [UInt8] = []
        for u in hostile { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        text.replaceSubrange(0..<bytes.count, with: bytes)
        let parsed = try CardTextParser.parse(text: text, photo: WLTPhoto(bytes: []))
        #expect(parsed.name == "测[2J试")
        #expect(!parsed.name.unicodeScalars.contains { !UCS2Text.isPrintable($0) })
        #expect(UCS2Text.clean("a\u{1B}b\u{9B}c\u{200F}") == "abc")
    }

    @Test("malformed dates and codes name the field without echoing personal data")
    func malformed() throws {
        var text = Self.block(try Self.residentCard())
        text.replaceSubrange(36..<52, with: UCS2Text.encode("19851340", byteCount: 16))
        #expect(throws: CardDataProblem.self) { try CardTextParser.parse(text: text, photo: WLTPhoto(bytes: [])) }
        do {
            _ = try CardTextParser.parse(text: text, photo: WLTPhoto(bytes: []))
        } catch {
            #expect(error.description.contains("birthDate"))
            #expect(!error.description.contains("1985"))
        }
        #expect(throws: CardDataProblem.wrongTextLength(255)) { try CardTextParser.parse(text: Array(text.prefix(255)), photo: WLTPhoto(bytes: [])) }
    }

    @Test("the photo stays an opaque blob; the fingerprint variant is parsed far enough to skip")
    func payloads() throws {
        let card = try Self.residentCard()
        let text = Self.block(card)
        let plain = try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: nil), withFingerprint: false)
        #expect(plain.photo == card.photo.bytes)
        #expect(try plain.card().photo.description == "WLT photo, 1024 bytes (not decoded)")
        let fp = CardTextEncoder.syntheticFingerprints()
        let withFP = try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: fp), withFingerprint: true)
        #expect(withFP.fingerprintTemplates == 2)
        #expect(try withFP.card().fingerprintTemplates == 2)
        let oneFP = try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: Array(fp.prefix(512))), withFingerprint: true)
        #expect(oneFP.fingerprintTemplates == 1)
        let noFP = try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: []), withFingerprint: true)
        #expect(noFP.fingerprintTemplates == 0)
        // A template not starting with 'C', a length that is not 0/512/1024, lengths that lie.
        var bad = fp
        bad[512] = 0
        #expect(throws: CardDataProblem.self) { try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: bad), withFingerprint: true) }
        #expect(throws: CardDataProblem.self) { try ReadPayload(data: ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: Array(fp.prefix(300))), withFingerprint: true) }
        var lying = ReadPayload.encode(text: text, photo: card.photo.bytes, fingerprint: nil)
        lying[3] = 0xFF
        #expect(throws: CardDataProblem.self) { try ReadPayload(data: lying, withFingerprint: false) }
        #expect(throws: CardDataProblem.self) { try ReadPayload(data: [0x01], withFingerprint: false) }
    }

    @Test("random payload bytes never trap the parser", arguments: 0..<10)
    func fuzzPayload(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 777)
        for _ in 0..<200 {
            var data = rng.bytes(Int.random(in: 0...1400, using: &rng))
            if data.count >= 4, Bool.random(using: &rng) {
                // Make the length fields consistent so the text parser gets random blocks.
                data = ReadPayload.encode(text: rng.bytes(256), photo: rng.bytes(Int.random(in: 0...1024, using: &rng)), fingerprint: nil)
            }
            if let payload = try? ReadPayload(data: data, withFingerprint: false), let card = try? payload.card() {
                #expect(!card.name.unicodeScalars.contains { !UCS2Text.isPrintable($0) })
            }
        }
    }

    @Test("the card's number goes through the foundation's validator")
    func verifier() throws {
        let verifier = try SimulatedReaderRig.verifier()
        let good = verifier.verify(try Self.residentCard(), today: Self.today)
        #expect(good.isAcceptable)
        #expect(good.idNumber?.birthDate == CivilDate(year: 1985, month: 2, day: 28))
        #expect(good.idNumber?.sex == .male)
        // Masked in every description.
        #expect(!good.description.contains(good.card.number))
        #expect(!good.description.contains("测试甲"))

        var broken = try Self.residentCard()
        broken.number = String(broken.number.dropLast()) + (broken.number.hasSuffix("1") ? "2" : "1")
        let bad = verifier.verify(broken, today: Self.today)
        #expect(bad.idNumberProblem?.code == "wrong_check_character")
        #expect(!bad.isAcceptable)
        #expect(bad.chineseRefusal?.contains("校验") == true)

        var mismatched = try Self.residentCard()
        mismatched.birthDate = CivilDate(year: 1986, month: 1, day: 1)!
        mismatched.sex = .female
        #expect(verifier.verify(mismatched, today: Self.today).inconsistencies == [.birthDate, .sex])

        let expired = verifier.verify(try Self.residentCard(validTo: .date(CivilDate(year: 2020, month: 1, day: 1)!)), today: Self.today)
        #expect(expired.expired && !expired.isAcceptable)
        #expect(expired.chineseRefusal?.contains("有效期") == true)

        let permit = verifier.verify(try ScriptedCard(type: .residencePermit).identityCard(), today: Self.today)
        #expect(permit.isAcceptable && permit.idNumber?.divisionCode == "810000")
        let foreigner = verifier.verify(try ScriptedCard(type: .foreignPermanentResident).identityCard(), today: Self.today)
        #expect(foreigner.idNumber == nil && foreigner.idNumberProblem == nil && foreigner.isAcceptable)
    }

    @Test("random cards round-trip through encoder and parser", arguments: 0..<5)
    func roundTrip(_ seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) + 31)
        let alphabet = Array("测试用户王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤·")
        for _ in 0..<50 {
            var fields = ScriptedCard.Fields()
            fields.name = String((0..<Int.random(in: 1...15, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            fields.address = String((0..<Int.random(in: 0...35, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            fields.birthDate = CivilDate(dayNumber: Int.random(in: -20_000...20_000, using: &rng))
            fields.ethnicity = Ethnicity.all.randomElement(using: &rng)!.code
            fields.sex = ["male", "female", "0", "9"].randomElement(using: &rng)!
            fields.validTo = Bool.random(using: &rng) ? "长期" : "2031-07-15"
            let type = CardKind.allCases.randomElement(using: &rng)!
            let card = try ScriptedCard(type: type, fields: fields).identityCard()
            #expect(try CardTextParser.parse(text: CardTextEncoder.encode(card), photo: card.photo) == card)
        }
    }
}
