import ArgumentParser
import Foundation
import RimePinyin
import TerminalUI

/// `kioskctl ui keyboard`: the on-screen pinyin keyboard alone, for technicians (is the engine
/// installed, does the touchscreen reach every key) and for the end-to-end tests. Prints the
/// confirmed text on standard output after the terminal is restored; exit 1 when left with Esc.
struct UIKeyboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyboard",
        abstract: "显示屏幕拼音键盘；点按「确认」后输出所输入的文字（Esc 放弃）。"
    )

    @Option(help: "librime 的共享数据目录（Debian: rime-data-luna-pinyin）。")
    var rimeSharedData = "/usr/share/rime-data"

    @Option(help: "librime 的用户数据目录（可写，存放编译后的方案）。")
    var rimeUserData = RimeConfiguration.defaultUserDataDirectory

    @Option(help: "librime 共享库。")
    var rimeLibrary = "librime.so.1"

    @Option(name: .customLong("type"), help: "启动时先按下这些键（字母按拼音、数字照输），用于演示和截图。")
    var preset = ""

    func run() async throws {
        let configuration = RimeConfiguration(library: rimeLibrary, sharedDataDirectory: rimeSharedData, userDataDirectory: rimeUserData)
        var engine: RimePinyinEngine?
        var unavailable: PinyinEngineUnavailable?
        do {
            engine = try RimePinyinEngine.open(configuration)
        } catch {
            unavailable = error
            FileHandle.standardError.write(Data("kioskctl ui keyboard: \(error.description)\n".utf8))
        }
        defer { engine?.close() }
        let app = KeyboardDemo(engine: engine, unavailable: unavailable)
        let exit: RuntimeExit
        let model: KeyboardDemo.Model
        do {
            var start = KeyboardDemo.Model()
            for character in preset {
                let key: PinyinKey = character.wholeNumberValue.map { .digit($0) } ?? .letter(character)
                start.keyboard.press(key, engine: engine, field: &start.field)
            }
            (exit, model) = try await TerminalRuntime(app: app).run(model: start)
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("kioskctl ui keyboard: \(error)\n".utf8))
            throw ExitCode(2)
        }
        engine?.close()
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
        guard model.confirmed else { throw ExitCode(1) }
        print(model.field.text)
    }
}
