import ArgumentParser
import Foundation
import KioskDomain
import PhotoCheck

/// `kioskctl photo check|fix`: the 制卡相片 checks and the fixer (behaviour in `PhotoCheck`).
struct PhotoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photo",
        abstract: "制卡相片检查与修正 — check or fix an applicant photo.",
        subcommands: [Check.self, Fix.self]
    )

    struct Options: ParsableArguments {
        @Option(help: "Region code whose photo rule applies (Assets/photo/specs.json).")
        var region = "sichuan"
        @Option(help: "A specs file instead of Assets/photo/specs.json.")
        var specs: String?
        @Option(help: "The Assets folder (default: found beside the program, or $KIOSK_ASSETS).")
        var assets: String?
        @Option(help: "The Haar cascade XML (default: $KIOSK_HAAR_CASCADE or opencv-data's path).")
        var cascade: String?
        @Flag(help: "Print one JSON document on stdout.")
        var json = false

        func checker() throws -> PhotoChecker {
            do {
                return try PhotoCheckSetup.checker(region: region, specsFile: specs, assets: assets, cascadePath: cascade)
            } catch {
                throw CLIFailure.cannotRun("photo: \(error)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check photos; exit 0 all accepted, 1 any refused, 2 any unreadable.")
        @OptionGroup var options: Options
        @Argument(help: "JPEG files to check.") var files: [String]

        func run() throws {
            let checker = try options.checker()
            let reports = files.map(checker.checkFile)
            if options.json {
                try printJSON(CheckOutput(region: options.region, reports: reports))
            } else {
                print(reports.map { $0.renderText() }.joined(separator: "\n"))
            }
            let unreadable = reports.filter { $0.verdict == .unreadable }.count
            let refused = reports.filter { $0.verdict == .refused }.count
            if unreadable > 0 { throw CLIFailure.cannotRun("photo: \(unreadable) of \(reports.count) file(s) unreadable") }
            if refused > 0 { throw CLIFailure.refused("photo: \(refused) of \(reports.count) photo(s) refused") }
        }
    }

    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-frame, resize and re-encode a photo whose only problems are mechanical.")
        @OptionGroup var options: Options
        @Argument(help: "The JPEG to fix.") var file: String
        @Option(help: "Where to write the fixed JPEG.") var output: String

        func run() throws {
            let checker = try options.checker()
            let data: [UInt8]
            switch PhotoChecker.readFile(file) {
            case .success(let bytes): data = bytes
            case .failure(let problem): throw CLIFailure.cannotRun("photo: \(file): \(problem.reason)")
            }
            let outcome = PhotoFixer(checker: checker).fix(data, file: file)
            if let fixed = outcome.data {
                do { try Data(fixed).write(to: URL(fileURLWithPath: output)) } catch {
                    throw CLIFailure.cannotRun("photo: \(output): cannot write (\(error.localizedDescription))")
                }
            }
            if options.json {
                try printJSON(FixOutput(fixed: outcome.fixed, output: outcome.fixed ? output : nil,
                                                     steps: outcome.steps, blocking: outcome.blocking,
                                                     input: outcome.input, result: outcome.output))
            } else if outcome.fixed {
                print("已修正并通过复检：\(output)\n" + outcome.steps.map { "  - \($0)" }.joined(separator: "\n"))
            } else {
                let reasons = outcome.blocking.isEmpty ? (outcome.output?.failures ?? outcome.input.failures) : outcome.blocking
                print("无法自动修正，请重新拍摄：\n" + reasons.map { "  ✘ \($0.code.rawValue): \($0.message)" }.joined(separator: "\n"))
            }
            if outcome.input.verdict == .unreadable { throw CLIFailure.cannotRun("photo: \(file) is unreadable") }
            if !outcome.fixed { throw CLIFailure.refused("photo: \(file) cannot be fixed automatically") }
        }
    }

    struct CheckOutput: Encodable { var region: String; var reports: [PhotoReport] }
    struct FixOutput: Encodable {
        var fixed: Bool; var output: String?; var steps: [String]; var blocking: [CheckResult]
        var input: PhotoReport; var result: PhotoReport?
    }
}
