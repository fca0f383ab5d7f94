import ArgumentParser
import Foundation
import TerminalUI

/// `kioskctl ui`: terminal UI tools for technicians.
struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "触摸屏界面工具 — terminal UI tools.",
        subcommands: [UIDemoCommand.self, UIKeyboardCommand.self]
    )
}

/// `kioskctl ui demo`: every TerminalUI widget on two screens, to check a touchscreen and for the
/// end-to-end tests. Quits on `q`, the 退出 button, or SIGINT/SIGTERM/SIGHUP (exit 128 + signal).
struct UIDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "显示全部界面组件的演示程序（按 q 或点按「退出」结束）。"
    )

    func run() async throws {
        do {
            let (exit, _) = try await TerminalRuntime(app: WidgetDemo()).run(model: WidgetDemo.Model())
            if case .signal(let number) = exit { throw ExitCode(128 + number) }
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("kioskctl ui demo: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
