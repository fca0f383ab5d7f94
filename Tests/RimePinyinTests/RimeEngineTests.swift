import Foundation
import TerminalUITesting
import TestSupport
import KioskTime
import RimePinyin
import Testing
import TestTraits
import TerminalUI

extension RimeTests {
    /// The engine through the ``PinyinEngine`` protocol, on Debian's librime and Luna Pinyin.
    @Suite("Engine", .computeBound)
    struct EngineTests {
        @Test("ouyangxiaoming is segmented into syllables; 欧阳 then 晓明 commits 欧阳晓明")
        func name() throws {
            let engine = try RimePinyinEngine.open(RimeTests.configuration)
            defer { engine.close() }
            var composition = PinyinComposition.empty
            for letter in "ouyangxiaoming" { composition = engine.type(letter) }
            #expect(composition.syllables == "ou yang xiao ming")
            #expect(composition.candidates.prefix(2) == ["欧阳小明", "欧阳"])
            #expect(composition.candidates.count > 10)
            let ouyang = try #require(composition.candidates.firstIndex(of: "欧阳"))
            composition = engine.select(ouyang)
            #expect(composition.committed == "")
            #expect(composition.syllables == "欧阳xiao ming")
            let xiaoming = try #require(composition.candidates.firstIndex(of: "晓明"))
            composition = engine.select(xiaoming)
            #expect(composition.committed == "欧阳晓明")
            #expect(!composition.isComposing)
        }

        @Test("Address phrases come from the engine: 渝北区 龙溪 街道 金龙路 号 栋 单元")
        func addressPhrases() throws {
            let engine = try RimePinyinEngine.open(RimeTests.configuration)
            defer { engine.close() }
            for (pinyin, phrase) in [("yubeiqu", "渝北区"), ("longxi", "龙溪"), ("jiedao", "街道"), ("jinlonglu", "金龙路"),
                                     ("hao", "号"), ("dong", "栋"), ("danyuan", "单元"), ("shi", "室")] {
                var composition = engine.reset()
                for letter in pinyin { composition = engine.type(letter) }
                #expect(composition.candidates.prefix(10).contains(phrase), "\(pinyin): \(composition.candidates.prefix(10))")
            }
        }

        @Test("Delete, commit as typed, commit preferred, reset")
        func editing() throws {
            let engine = try RimePinyinEngine.open(RimeTests.configuration)
            defer { engine.close() }
            _ = engine.reset()
            for letter in "haox" { _ = engine.type(letter) }
            var composition = engine.deleteBackward()
            #expect(composition.syllables == "hao")
            composition = engine.commitLetters()
            #expect(composition.committed == "hao" && !composition.isComposing)
            for letter in "jiedao" { _ = engine.type(letter) }
            composition = engine.commitPreferred()
            #expect(composition.committed == "接到") // the engine's first choice, as a phone would
            for letter in "yu" { composition = engine.type(letter) }
            #expect(composition.candidates.count == 120 && composition.hasMoreCandidates) // capped fetch
            composition = engine.reset()
            #expect(!composition.isComposing && composition.committed.isEmpty)
            #expect(engine.type("1") == PinyinComposition.empty) // not a letter: ignored
        }

        @Test("Nothing typed is learned: no user dictionary is written")
        func noLearning() throws {
            let engine = try RimePinyinEngine.open(RimeTests.configuration)
            defer { engine.close() }
            for letter in "ouyangxiaoming" { _ = engine.type(letter) }
            _ = engine.select(1)
            _ = engine.select(1)
            let files = try FileManager.default.contentsOfDirectory(atPath: RimeTests.userData)
            #expect(!files.contains { $0.hasSuffix(".userdb") || $0.hasSuffix(".userdb.txt") }, "\(files)")
        }

        @Test("A missing dictionary is reported in one line, not a crash")
        func missingData() throws {
            let empty = try RepositoryPaths.temporaryDirectory("rime-empty")
            defer { try? FileManager.default.removeItem(at: empty) }
            let configuration = RimeConfiguration(sharedDataDirectory: empty.path, userDataDirectory: RimeTests.userData)
            #expect(throws: PinyinEngineUnavailable.self) { try RimePinyinEngine.open(configuration) }
            do {
                _ = try RimePinyinEngine.open(configuration)
            } catch {
                #expect(error.message == "拼音词库未安装")
                #expect(error.detail.contains("rime-data-luna-pinyin"))
            }
        }
    }
}
