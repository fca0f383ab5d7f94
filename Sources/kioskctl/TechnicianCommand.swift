import ArgumentParser
import Foundation
import KioskHost

/// `kioskctl technician pin-hash`: turns a PIN read from standard input into the salted slow hash
/// the configuration keeps (`technician.pin_hash`); the PIN is never an argument (it would stay
/// in the shell's history and in `ps`).
struct TechnicianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "technician", abstract: "技术员模式 — technician mode settings.", subcommands: [PINHash.self])

    struct PINHash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pin-hash", abstract: "由标准输入的 PIN 生成配置用的哈希 — hash a PIN read from stdin.")

        func run() async throws {
            guard let line = readLine(strippingNewline: true) else { throw CLIFailure.usage("expected the PIN on standard input") }
            do {
                print(try TechnicianPIN.make(pin: line.trimmingCharacters(in: .whitespaces)).text)
            } catch {
                throw CLIFailure.usage(error.description)
            }
        }
    }
}
