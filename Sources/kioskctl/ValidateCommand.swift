import ArgumentParser
import Foundation
import KioskDomain

/// `kioskctl validate id-number|phone|bank-card|date VALUE [--json]`: the same checks the
/// touchscreen applies. Values are echoed masked; exit 0 valid (warnings allowed), 1 invalid.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验身份证号码、手机号码、银行卡号或日期 — validate an input value.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case idNumber = "id-number", phone, bankCard = "bank-card", date
    }

    @Argument(help: "What to validate: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Argument(help: "The value, as typed or read (full-width digits and spaces are accepted).")
    var value: String

    @Option(help: "Today's date (YYYY-MM-DD) for birth-date and future-date checks; default: today in China time.")
    var today: String?

    @Option(help: "The Assets folder (default: found beside the program, or $KIOSK_ASSETS).")
    var assets: String?

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func run() throws {
        let todayDate = try DomainData.date(today, option: "--today")
        let report: ValidationReport
        switch kind {
        case .idNumber:
            let divisions = try DomainData.divisions(assets: assets)
            do {
                let id = try ResidentIDNumber(validating: value, today: todayDate, divisions: divisions)
                report = ValidationReport(kind: kind.rawValue, valid: true, value: id.masked, details: [
                    "division": divisions.fullName(of: id.divisionCode) ?? id.divisionCode, "sex": id.sex.chinese,
                ])
            } catch {
                report = .invalid(kind.rawValue, code: error.code, message: error.chineseMessage, detail: error.description)
            }
        case .phone:
            do {
                report = ValidationReport(kind: kind.rawValue, valid: true, value: try PhoneNumber(validating: value).masked)
            } catch {
                report = .invalid(kind.rawValue, code: error.code, message: error.chineseMessage, detail: error.description)
            }
        case .bankCard:
            do {
                let card = try BankCardNumber(validating: value)
                report = ValidationReport(kind: kind.rawValue, valid: true, value: card.masked,
                                          warnings: card.passesLuhn ? [] : [.init(code: "luhn", message: BankCardNumber.luhnWarning, detail: "Luhn check failed")])
            } catch {
                report = .invalid(kind.rawValue, code: error.code, message: error.chineseMessage, detail: error.description)
            }
        case .date:
            do {
                report = ValidationReport(kind: kind.rawValue, valid: true, value: try DateInput.parse(value, today: todayDate).description)
            } catch {
                report = .invalid(kind.rawValue, code: error.code, message: error.chineseMessage, detail: error.description)
            }
        }
        if json {
            try printJSON(report)
        } else {
            if report.valid {
                print("有效 valid: \(report.value ?? "")")
                for (k, v) in report.details.sorted(by: { $0.key < $1.key }) { print("  \(k): \(v)") }
            } else {
                print("无效 invalid")
            }
            for p in report.problems { print("  ✗ \(p.message) (\(p.code): \(p.detail))") }
            for w in report.warnings { print("  ! \(w.message) (\(w.code): \(w.detail))") }
        }
        if !report.valid { throw ExitCode(1) }
    }
}

/// The JSON shape of `kioskctl validate`.
struct ValidationReport: Encodable {
    struct Finding: Encodable { var code: String; var message: String; var detail: String }
    var kind: String
    var valid: Bool
    /// Masked for personal values; never the raw input.
    var value: String?
    var details: [String: String] = [:]
    var problems: [Finding] = []
    var warnings: [Finding] = []

    static func invalid(_ kind: String, code: String, message: String, detail: String) -> ValidationReport {
        ValidationReport(kind: kind, valid: false, value: nil, problems: [.init(code: code, message: message, detail: detail)])
    }
}
