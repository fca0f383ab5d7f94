import CentralService
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// A case or a submission interpolated into a log line, dumped or reflected shows no personal value.
@Suite(.realTime) struct MaskedDescriptionTests {
    static func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test func casesAndSubmissionsDescribeThemselvesMasked() {
        let filed = CaseFixtures.withBankAccountAndPhoto(index: 7)
        let bank = filed.fields.first { $0.code == "bank_account" }!.value
        let secrets = [filed.applicant.name, filed.applicant.idNumber, filed.applicant.phone ?? "13800138000", bank]
            + (filed.applicant.address.map { [$0] } ?? [])
        let values: [Any] = [filed, filed.applicant, filed.fields, CaseSubmission(filed), CaseSubmission(filed).applicant,
                             CaseSubmission(filed).fields]
        for value in values {
            for text in Self.renderings(value) {
                for secret in secrets { #expect(!text.contains(secret), "\(secret) in \(text.prefix(200))") }
                #expect(!text.contains("JFIF-test-photo"))
            }
        }
        // What is left still identifies the case for a technician.
        #expect("\(filed)".contains(filed.localReference))
        #expect("\(filed.applicant)".contains(Masking.idNumber(filed.applicant.idNumber)))
        #expect("\(filed)".contains("enlist_date=2021-09-10"))
    }
}
