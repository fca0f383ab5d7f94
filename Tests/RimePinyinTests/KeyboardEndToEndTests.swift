#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TerminalUITesting
import TestSupport
import KioskTime
import Testing
import TestTraits
import TerminalUI

extension RimeTests {
    /// `kioskctl ui keyboard` in a real pseudo-terminal, driven only by SGR mouse touches on what
    /// it draws, through the real engine; every touch is counted.
    @Suite("kioskctl ui keyboard in a pseudo-terminal", .realTime(.kiosk))
    struct KeyboardEndToEndTests {
        /// The running keyboard and the terminal model fed from its output.
        final class Session {
            let terminal: TerminalSession
            var pty: PseudoTerminal { terminal.pty }
            var screen: VTScreen { terminal.screen }
            var size: Size { terminal.size }
            var touches: Int { terminal.touches }

            init(size: Size, arguments: [String] = ["--rime-user-data", RimeTests.userData]) async throws {
                terminal = try TerminalSession(try BuiltProducts.path("kioskctl"), arguments: ["ui", "keyboard"] + arguments, size: size)
                // The first start on a machine compiles the schema (seconds, more under load).
                try await wait("first frame", timeout: .seconds(120)) { $0.screenText.contains("已触按 0 次") }
            }

            func wait(_ what: String, timeout: Duration = .seconds(20), _ condition: (VTScreen) -> Bool) async throws {
                try await terminal.wait(what, timeout: timeout, condition)
            }

            /// The row of the syllable line; the candidate bar is below it, then the key rows.
            var syllableRow: Int { screen.find("拼音")?.y ?? screen.find("英文输入")?.y ?? 4 }
            var rowHeight: Int { PinyinKeyboard<Never>.rowHeight(for: size.rows - TextField<Never>.height - 1) }
            var barRows: Range<Int> { (syllableRow + 1)..<(syllableRow + 1 + rowHeight) }
            var keyRows: Range<Int> { barRows.upperBound..<(size.rows - 1) }

            /// Where `label` stands alone (blank on both sides, as on a key face) within `rows`.
            func key(_ label: String, in rows: Range<Int>) -> Point? {
                screen.findAll(label).first { point in
                    guard rows.contains(point.y) else { return false }
                    let end = point.x + DisplayWidth.of(label)
                    let left = point.x > 0 ? screen.buffer[point.x - 1, point.y].character : " "
                    let right = end < size.columns ? screen.buffer[end, point.y].character : " "
                    return left == " " && right == " "
                }
            }

            /// One finger tap (SGR press and release, 1-based) on `label`; waits until the program
            /// has counted it.
            func tap(_ label: String, in rows: Range<Int>) async throws {
                guard let point = key(label, in: rows) else {
                    throw PseudoTerminalError.timedOut("key \(label) on screen", output: screen.screenText)
                }
                try terminal.tap(at: point)
                let expected = "已触按 \(touches) 次"
                try await wait(expected) { $0.screenText.contains(expected) }
            }

            func tapKeys(_ labels: String) async throws {
                for label in labels { try await tap(String(label), in: keyRows) }
            }

            /// Taps the candidate `text`, turning pages with 下页 until it is on screen.
            func choose(_ text: String) async throws {
                for _ in 0..<15 {
                    if key(text, in: barRows) != nil { return try await tap(text, in: barRows) }
                    try await tap("下页", in: barRows)
                }
                Issue.record("\(text) not among the candidates:\n\(screen.screenText)")
            }

            /// Taps 确认 with nothing composing: the program ends and prints the text.
            func confirm() async throws -> String {
                guard let point = key("确认", in: keyRows) else { throw PseudoTerminalError.timedOut("确认", output: screen.screenText) }
                try terminal.tap(at: point)
                let status = try await pty.waitForExit()
                #expect(status == .exited(0))
                #expect(try pty.isCookedMode())
                let text = pty.outputText
                let after = text.range(of: "\u{1B}[?1049l", options: .backwards).map { String(text[$0.upperBound...]) } ?? text
                let plain = after.replacingOccurrences(of: "\u{1B}\\[[0-9;?$]*[A-Za-z]", with: "", options: .regularExpression)
                return plain.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }

        @Test("欧阳晓明 by touch: the syllables shown segmented, a phrase then the rest")
        func name() async throws {
            let session = try await Session(size: Size(columns: 80, rows: 24))
            try await session.tapKeys("ouyangxiaoming")
            try await session.wait("segmented syllables") { $0.screenText.contains("拼音：ou yang xiao ming") }
            try await session.choose("欧阳")
            try await session.wait("partial selection") { $0.screenText.contains("拼音：欧阳xiao ming") }
            try await session.choose("晓明")
            try await session.wait("committed into the field") { $0.screenText.contains("欧阳晓明") && !$0.screenText.contains("拼音：欧阳") }
            let printed = try await session.confirm()
            #expect(printed == "欧阳晓明")
            print("touches for 欧阳晓明 (80x24): \(session.touches)")
            #expect(session.touches == 17)
        }

        @Test("A fresh data folder: the schema is compiled with learning off, words an earlier start learned are removed, nothing typed is kept")
        func nothingLearned() async throws {
            let folder = try RepositoryPaths.temporaryDirectory("rime-fresh")
            defer { try? FileManager.default.removeItem(at: folder) }
            let learned = folder.appendingPathComponent("luna_pinyin.userdb")
            try FileManager.default.createDirectory(at: learned, withIntermediateDirectories: true)
            try Data("欧阳晓明".utf8).write(to: learned.appendingPathComponent("000001.ldb"))

            let session = try await Session(size: Size(columns: 80, rows: 24), arguments: ["--rime-user-data", folder.path])
            #expect(!FileManager.default.fileExists(atPath: learned.path), "the earlier start's user dictionary is gone")
            try await session.tapKeys("ouyangxiaoming")
            try await session.choose("欧阳")
            try await session.choose("晓明")
            try await session.wait("committed into the field") { $0.screenText.contains("欧阳晓明") && !$0.screenText.contains("拼音：欧阳") }
            #expect(try await session.confirm() == "欧阳晓明")

            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!files.contains { $0.contains(".userdb") }, "\(files)")
            let compiled = try String(contentsOf: folder.appendingPathComponent("build/luna_pinyin_simp.schema.yaml"), encoding: .utf8)
            #expect(compiled.contains("enable_user_dict: false"))
        }

        @Test("Without rime-prelude the schema cannot be compiled with learning off: the keyboard refuses pinyin rather than learn")
        func learningCannotBeSwitchedOff() async throws {
            // Debian's data without rime-prelude's files: librime would fall back to the
            // prebuilt schema, which keeps a user dictionary.
            let shared = try RepositoryPaths.temporaryDirectory("rime-no-prelude")
            let user = try RepositoryPaths.temporaryDirectory("rime-user")
            defer {
                try? FileManager.default.removeItem(at: shared)
                try? FileManager.default.removeItem(at: user)
            }
            let prelude: Set = ["default.yaml", "key_bindings.yaml", "punctuation.yaml", "symbols.yaml"]
            for name in try FileManager.default.contentsOfDirectory(atPath: "/usr/share/rime-data") where !prelude.contains(name) {
                try FileManager.default.createSymbolicLink(atPath: shared.appendingPathComponent(name).path,
                                                           withDestinationPath: "/usr/share/rime-data/\(name)")
            }
            let session = try await Session(size: Size(columns: 80, rows: 24),
                                            arguments: ["--rime-shared-data", shared.path, "--rime-user-data", user.path])
            #expect(session.screen.screenText.contains("拼音输入法无法关闭学习功能"))
            try await session.tapKeys("li")
            #expect(try await session.confirm() == "li")
            let files = try FileManager.default.contentsOfDirectory(atPath: user.path)
            #expect(!files.contains { $0.contains(".userdb") }, "\(files)")
        }

        /// A phone's full-pinyin keyboard needs the same letters and candidate taps, plus the
        /// 123/ABC layout switches around each run of digits (docs/benchmarks/pinyin-keyboard.md
        /// counts them key by key): 63 touches for this address.
        static let phoneTouchesForAddress = 63

        @Test("The address by touch at each kiosk size, within 1.5× a phone keyboard's touches",
              arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 160, rows: 50)])
        func address(size: Size) async throws {
            let session = try await Session(size: size)
            for (pinyin, phrase) in [("yubeiqu", "渝北区"), ("longxi", "龙溪"), ("jiedao", "街道"), ("jinlonglu", "金龙路")] {
                try await session.tapKeys(pinyin)
                try await session.choose(phrase)
            }
            try await session.tapKeys("88hao")
            try await session.choose("号")
            try await session.tapKeys("3dong")
            try await session.choose("栋")
            try await session.tapKeys("2danyuan")
            try await session.choose("单元")
            try await session.tapKeys("501")
            let printed = try await session.confirm()
            #expect(printed == "渝北区龙溪街道金龙路88号3栋2单元501")
            print("touches for the address (\(size)): \(session.touches), phone: \(Self.phoneTouchesForAddress)")
            #expect(Double(session.touches) <= 1.5 * Double(Self.phoneTouchesForAddress))
        }

        @Test("Without librime the keyboard says so, letters and input-method text still reach the field",
              arguments: [["--rime-library", "/nonexistent/librime.so.1"], ["--rime-shared-data", "/nonexistent/rime-data"]])
        func engineMissing(arguments: [String]) async throws {
            let session = try await Session(size: Size(columns: 80, rows: 24), arguments: arguments + ["--rime-user-data", RimeTests.userData])
            #expect(session.screen.screenText.contains("拼音输入法不可用"))
            #expect(session.screen.screenText.contains(arguments[0] == "--rime-library" ? "未安装拼音输入引擎" : "拼音词库未安装"))
            try await session.tap("l", in: session.keyRows)
            try await session.tap("i", in: session.keyRows)
            try session.pty.write("王") // UTF-8, as a system input method sends it
            try await session.wait("input-method text") { $0.screenText.contains("li王") }
            #expect(try await session.confirm() == "li王")
        }
    }
}
