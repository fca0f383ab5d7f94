import Foundation
import KioskDomain
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

/// Templates, case files and printer descriptors come from outside the program: whatever they
/// contain, loading them either works or fails with a `DataFileError` naming the file — never a
/// crash, never a half-filled receipt.
@Suite(.computeBound) struct InputFuzzTests {
    @Test func templateTextWithRandomBracesNeverCrashes() throws {
        var rng = SeededRandom(seed: 99)
        let pieces = ["{", "}", "{{", "}}", "{case_number}", "{nope}", "受理", "a", " ", "{index"]
        let context = TemplateContext(values: ["case_number": "CQ01"], lists: [:])
        for _ in 0..<3_000 {
            let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let json = try JSONSerialization.data(withJSONObject: ["document": "x", "blocks": [["kind": "text", "text": text]]])
            let template = try JSONDecoder().decode(ReceiptTemplate.self, from: json)
            do {
                let document = try template.render(context)
                // Without escapes, whatever renders has every placeholder filled and no brace left.
                if !text.contains("{{") && !text.contains("}}") {
                    #expect(!document.allText.joined().contains { $0 == "{" || $0 == "}" }, "\(text)")
                }
            } catch {
                #expect(error.file == "receipts/x.json")
                #expect(error.key == "blocks[0].text")
            }
        }
    }

    @Test func mutatedCaseFilesFailWithTheFileName() throws {
        let original = try Data(contentsOf: RepositoryPaths.assets.url("receipts/sample-case.json"))
        var rng = SeededRandom(seed: 1234)
        var failures = 0
        for _ in 0..<400 {
            var bytes = [UInt8](original)
            for _ in 0..<Int(1 + rng.next() % 4) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: at)
                default: bytes.insert(Array("{}[],:\"0".utf8)[Int(rng.next() % 8)], at: at)
                }
            }
            do {
                let filed = try CaseFile.decode(Data(bytes), file: "mutated.json")
                // A mutation that still decodes must still print without leaking the ID number.
                let out = try ReceiptRendering.acknowledgement(filed, printedAt: Date(), model: .standard80mm,
                                                               assets: RepositoryPaths.assets, format: .text)
                #expect(!String(decoding: out, as: UTF8.self).contains(filed.applicant.idNumber) || filed.applicant.idNumber.count <= 7)
            } catch {
                failures += 1
                #expect(error.file == "mutated.json")
            }
        }
        #expect(failures > 100)
    }
}
