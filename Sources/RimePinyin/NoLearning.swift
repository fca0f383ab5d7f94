import CRime
import Foundation
import TerminalUI

/// Makes sure the schema librime loads learns nothing, or refuses to start the engine.
///
/// librime loads a compiled schema from the user data directory's `build/` first and from the
/// shared data's `build/` second. Debian's rime-data-luna-pinyin ships a prebuilt schema there
/// (without the kiosk's `enable_user_dict: false`), and librime's own maintenance compiles the
/// user copy only for the schemas `default.yaml` lists — a file Debian puts in rime-prelude,
/// which the package does not pull in. Without a user copy the prebuilt one is used and every
/// committed word goes into `luna_pinyin.userdb`: one veteran's name offered to the next. So
/// the kiosk compiles its schema itself when the user copy is missing or learns, checks the
/// result, and removes any user dictionary an earlier start left behind.
enum NoLearning {
    static func ensure(_ api: UnsafeMutablePointer<RimeApi>, _ configuration: RimeConfiguration) throws(PinyinEngineUnavailable) {
        let compiled = compiledSchema(configuration)
        if !forgetsTyping(compiled) {
            let source = "\(configuration.sharedDataDirectory)/\(configuration.schema).schema.yaml"
            _ = source.withCString { api.pointee.deploy_schema($0) }
        }
        guard forgetsTyping(compiled) else {
            throw RimePinyinEngine.unavailable("拼音输入法无法关闭学习功能",
                "\(compiled): translator/enable_user_dict is not false after deploying the schema; the keyboard stays off rather than remember what people type")
        }
        removeUserDictionaries(in: configuration.userDataDirectory)
    }

    /// Where librime puts the schema it compiles for the user data directory.
    static func compiledSchema(_ configuration: RimeConfiguration) -> String {
        "\(configuration.userDataDirectory)/build/\(configuration.schema).schema.yaml"
    }

    /// True when the compiled schema exists and switches the user dictionary off.
    static func forgetsTyping(_ path: String) -> Swift.Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "enable_user_dict: false" }
    }

    /// Deletes `*.userdb` (librime's learned words) and their text snapshots.
    static func removeUserDictionaries(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(".userdb") || name.hasSuffix(".userdb.txt") {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
    }
}
