import KioskTime
import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

@Suite(.computeBound) struct ResidentIDNumberTests {
    static let divisions = try! DivisionCodes.load(from: RepositoryPaths.assets)
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    private func check(_ raw: String) throws(IDNumberProblem) -> ResidentIDNumber {
        try ResidentIDNumber(validating: raw, today: today, divisions: Self.divisions)
    }

    @Test(arguments: ["11010519491231002X", "440524188001010014", "360426199101010071"])
    func publicTestNumbersAreValid(_ number: String) throws {
        let id = try check(number)
        #expect(id.value == number)
    }

    @Test func decodedFields() throws {
        let a = try check("11010519491231002X")
        #expect(a.sex == .female)
        #expect(a.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(a.divisionCode == "110105")
        #expect(Self.divisions.fullName(of: "110105") == "北京市朝阳区")
        let b = try check("440524188001010014")
        #expect(b.sex == .male)
        #expect(Self.divisions.name(of: "440524") == "潮阳县") // abolished 1993, still valid in old numbers
    }

    @Test func residencePermitNumbersOfHongKongMacaoAndTaiwanAreAccepted() throws {
        // Residence permits carry 810000 / 820000 / 830000 as their address code; 830000 is not
        // an administrative division, so it is added beside the 民政部 list.
        for prefix in ["810000", "820000", "830000"] {
            let body = prefix + "19900101" + "003"
            let digits = body.map { Int(String($0))! }
            let number = body + String(ResidentIDNumber.checkCharacter(for: digits))
            #expect(try check(number).divisionCode == prefix)
        }
    }

    @Test func normalisesFullWidthLowerCaseAndSpaces() throws {
        #expect(try check("１１０１０５１９４９１２３１００２ｘ").value == "11010519491231002X")
        #expect(try check("110105 19491231 002x").value == "11010519491231002X")
    }

    @Test func eachSingleRuleViolationHasItsOwnMessage() {
        let cases: [(String, IDNumberProblem)] = [
            ("", .empty),
            ("110105491231002", .legacyFifteenDigits),
            ("11010519491231002", .wrongLength(17)),
            ("11010519491231002X1", .wrongLength(19)),
            ("1101051949123100AX", .invalidCharacter(position: 17, character: "A")),
            ("11010519491231002Y", .invalidCharacter(position: 18, character: "Y")),
            ("990105194912310023", .unknownDivision("990105")),
            ("110105194902300020", .invalidBirthDate("19490230")),
            ("110105194913310021", .invalidBirthDate("19491331")),
            ("110105209912310029", .birthDateInFuture(CivilDate(year: 2099, month: 12, day: 31)!)),
            ("110105194912310021", .wrongCheckCharacter(expected: "X", found: "1")),
        ]
        var messageByCode: [String: String] = [:]
        for (input, expected) in cases {
            #expect(throws: expected, "\(input)") { try check(input) }
            messageByCode[expected.code] = expected.chineseMessage
        }
        // Every kind of problem reads differently for the veteran.
        #expect(Set(messageByCode.values).count == messageByCode.count)
        #expect(messageByCode.count == 8)
    }

    @Test func problemDescriptionsCarryNoBirthDigits() {
        let problems: [IDNumberProblem] = [.invalidBirthDate("19490230"), .birthDateInFuture(CivilDate(year: 2099, month: 12, day: 31)!),
                                           .wrongCheckCharacter(expected: "X", found: "1")]
        for p in problems {
            #expect(!p.description.contains("1949") && !p.description.contains("2099"))
            #expect(!p.chineseMessage.contains("1949"))
        }
    }

    /// Property: changing any single digit of a valid number makes it invalid (MOD 11-2 detects
    /// every single-digit substitution), whichever rule catches it.
    @Test func anySingleDigitChangeIsRefused() {
        var rng = SeededRandom(seed: 0x5EED)
        let valid = ["11010519491231002X", "440524188001010014", "360426199101010071"]
        for _ in 0..<2_000 {
            var chars = Array(valid[Int(rng.next() % 3)])
            let position = Int(rng.next() % 17)
            let old = chars[position]
            var new: Character
            repeat { new = Character(String(rng.next() % 10)) } while new == old
            chars[position] = new
            let mutated = String(chars)
            #expect(throws: IDNumberProblem.self, "\(mutated)") { try check(mutated) }
        }
    }

    @Test func maskingHidesBirthDate() throws {
        let id = try check("11010519491231002X")
        #expect(id.masked == "110***********002X")
        #expect("\(id)" == "110***********002X")
        #expect(!id.masked.contains("19491231"))
    }
}

@Suite(.computeBound) struct OtherValidatorTests {
    @Test func phoneNumbers() throws {
        #expect(try PhoneNumber(validating: "+86 138-0013-8000").value == "13800138000")
        #expect(try PhoneNumber(validating: "13800138000").masked == "138****8000")
        #expect(throws: PhoneProblem.notMobile) { try PhoneNumber(validating: "12800138000") }
        #expect(throws: PhoneProblem.wrongLength(10)) { try PhoneNumber(validating: "1380013800") }
        #expect(throws: PhoneProblem.invalidCharacter) { try PhoneNumber(validating: "1380013800a") }
        #expect(throws: PhoneProblem.empty) { try PhoneNumber(validating: "  ") }
    }

    @Test func bankCards() throws {
        let good = try BankCardNumber(validating: "6212 3456 7890 1265")
        #expect(good.passesLuhn)
        #expect(good.masked == "****1265")
        let unionPayOdd = try BankCardNumber(validating: "6212345678901266")
        #expect(!unionPayOdd.passesLuhn) // a warning, not a refusal
        #expect(try BankCardNumber(validating: "6205500000000000004").passesLuhn)
        #expect(throws: BankCardProblem.wrongLength(15)) { try BankCardNumber(validating: "621234567890126") }
        #expect(throws: BankCardProblem.wrongLength(20)) { try BankCardNumber(validating: "62123456789012650000") }
        #expect(throws: BankCardProblem.invalidCharacter) { try BankCardNumber(validating: "6212-3456-7890-126X") }
    }

    @Test func dates() throws {
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        for text in ["2021-09-10", "2021/9/10", "2021.09.10", "20210910", "2021年9月10日"] {
            #expect(try DateInput.parse(text, today: today) == CivilDate(year: 2021, month: 9, day: 10))
        }
        #expect(throws: DateProblem.notARealDate) { try DateInput.parse("2026-02-29", today: today) }
        #expect(throws: DateProblem.inFuture) { try DateInput.parse("2026-11-24", today: today) }
        #expect(try DateInput.parse("2026-11-24", today: today, allowFuture: true) == CivilDate(year: 2026, month: 11, day: 24))
        #expect(throws: DateProblem.unrecognised) { try DateInput.parse("10/09/21", today: today) }
    }

    @Test func maskingNames() {
        #expect(Masking.name("王建国") == "王**")
        #expect(Masking.name("李四") == "李*")
        #expect(Masking.name("欧阳振华") == "欧阳**")
        #expect(Masking.name("欧阳") == "欧*")
        #expect(Masking.address("重庆市渝北区龙溪街道金龙路10号") == "重庆市渝北区****")
    }
}
