import Foundation
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

@Suite(.computeBound) struct PersonalDataScrubberTests {
    @Test func knownValuesAndLongDigitRunsAreRemoved() {
        let text = "422: 申请人王建国 证件11010519491231002X 电话13800138000 账号6222020200112233445 退役时间2021年"
        let scrubbed = PersonalDataScrubber.scrub(text, knownValues: ["王建国"])
        #expect(!scrubbed.contains("王建国"))
        #expect(!scrubbed.contains("11010519491231002X"))
        #expect(!scrubbed.contains("13800138000"))
        #expect(!scrubbed.contains("6222020200112233445"))
        #expect(scrubbed.contains("2021年"))
        #expect(scrubbed.hasPrefix("422: 申请人[已隐去]"))
    }

    @Test func controlCharactersAreDroppedAndLengthIsCapped() {
        let scrubbed = PersonalDataScrubber.scrub("bad\u{1B}[2Jgateway\n\u{7}" + String(repeating: "x", count: 2000))
        #expect(!scrubbed.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) })
        #expect(scrubbed.count <= PersonalDataScrubber.maximumLength + 1)
    }

    /// Property: whatever surrounds it, no run of six or more digits survives.
    @Test(arguments: 0..<200) func noLongDigitRunSurvives(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed))
        let alphabet = Array("0123456789０１２３４５６７８９Xx 姓名:-/abc")
        let text = String((0..<Int(generator.next() % 80)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let scrubbed = PersonalDataScrubber.scrub(text)
        #expect(scrubbed.firstMatch(of: #/[0-9０-９]{6,}/#) == nil, "\(text) -> \(scrubbed)")
    }

    /// Property: the hand-written digit-run pass replaces exactly what the rule written with a
    /// regular expression replaces: a run of digit groups joined by single spaces or dashes
    /// (`[0-9０-９]+([ -][0-9０-９]+)*`, then an optional X) goes when a group has six digits or
    /// the run has eleven.
    @Test(arguments: 0..<300) func digitRunPassMatchesTheRegularExpression(seed: Int) {
        var generator = SeededRandom(seed: UInt64(10_000 + seed))
        let alphabet = Array("0123456789０１２３４５６７８９Xxx 王:-/a号")
        let text = String((0..<Int(generator.next() % 60)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let oracle = text.replacing(#/([0-9０-９]+(?:[ \-][0-9０-９]+)*)([Xx]?)/#) { match in
            let run = String(match.output.1)
            let groups = run.split(whereSeparator: { $0 == " " || $0 == "-" })
            let long = groups.contains { $0.count >= 6 } || groups.reduce(0) { $0 + $1.count } >= 11
            return long ? PersonalDataScrubber.replacement : run + match.output.2
        }
        #expect(PersonalDataScrubber.replacingDigitRuns(text) == oracle, "\(text)")
    }

    @Test func digitsBrokenBySpacesOrDashesAreRemoved() {
        let text = "电话 138 0013 8000，手机138-0013-8000，卡号 6222-0202-0011-2233-445，证件 110105 19491231 002X，受理日期 2026-11-23"
        let scrubbed = PersonalDataScrubber.scrub(text)
        for fragment in ["138 0013 8000", "138-0013-8000", "6222-0202", "0011-2233", "110105", "19491231", "002X"] {
            #expect(!scrubbed.contains(fragment), "\(fragment) in \(scrubbed)")
        }
        #expect(scrubbed.contains("2026-11-23"))
        #expect(scrubbed.hasPrefix("电话 [已隐去]，手机[已隐去]，"))
    }

    @Test func shortDigitRunsAndTextWithoutDigitsAreKept() {
        #expect(PersonalDataScrubber.scrub("central=YJS-50 items=9 HTTP 503") == "central=YJS-50 items=9 HTTP 503")
        #expect(PersonalDataScrubber.scrub("12345X") == "12345X")
        #expect(PersonalDataScrubber.scrub("123456X号") == "[已隐去]号")
        #expect(PersonalDataScrubber.scrub("１２３４５６７") == "[已隐去]")
    }
}
