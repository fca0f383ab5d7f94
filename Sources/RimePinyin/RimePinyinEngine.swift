import CRime
import Foundation
import Synchronization
import TerminalUI

/// The pinyin engine on librime (中州韵) with Debian's Luna Pinyin dictionary, simplified output
/// and no learning. See docs/decisions/0006-pinyin-engine.md for why librime.
///
/// librime is one per process: the first ``open(_:)`` loads the library, points it at the data
/// directories and compiles the schema if needed (about 4 s the first time on a terminal, then
/// well under a second); every engine after that only opens a session. Close engines (or let
/// them go) before the process exits: librime's own exit-time clean-up crashes on sessions still
/// open.
public final class RimePinyinEngine: PinyinEngine {
    public let name: String
    private let limit: Int
    private let session: Mutex<Session?>

    /// librime's function table is static for the process; the session id is only used under
    /// the mutex.
    private struct Session: @unchecked Sendable {
        let api: UnsafeMutablePointer<RimeApi>
        let id: RimeSessionId
    }

    private init(name: String, limit: Int, session: Session) {
        self.name = name
        self.limit = limit
        self.session = Mutex(session)
    }

    deinit { close() }

    /// Opens an engine, or says in one line why there is none (library missing, dictionary
    /// missing, data directory not writable).
    public static func open(_ configuration: RimeConfiguration = RimeConfiguration()) throws(PinyinEngineUnavailable) -> RimePinyinEngine {
        let api = try RimeProcess.start(configuration)
        let id = api.pointee.create_session()
        guard id != 0 else { throw unavailable("拼音输入引擎无法启动", "create_session failed") }
        let selected = configuration.schema.withCString { api.pointee.select_schema(id, $0) } != 0
        var current = [CChar](repeating: 0, count: 128)
        _ = api.pointee.get_current_schema(id, &current, current.count)
        let currentName = String(decoding: current.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard selected, currentName == configuration.schema else {
            _ = api.pointee.destroy_session(id)
            throw unavailable("拼音词库未安装", "schema \(configuration.schema) not available in \(configuration.sharedDataDirectory) (Debian package rime-data-luna-pinyin)")
        }
        let version = api.pointee.get_version.flatMap { $0() }.map { String(cString: $0) } ?? "?"
        return RimePinyinEngine(name: "中州韵 librime \(version) · 朙月拼音", limit: configuration.candidateLimit,
                                session: Session(api: api, id: id))
    }

    static func unavailable(_ message: String, _ detail: String) -> PinyinEngineUnavailable {
        PinyinEngineUnavailable(message: message, detail: detail)
    }

    /// Ends the session (idempotent).
    public func close() {
        session.withLock { session in
            if let open = session { _ = open.api.pointee.destroy_session(open.id) }
            session = nil
        }
    }

    public func type(_ letter: Character) -> PinyinComposition {
        guard let code = letter.asciiValue, letter.isLetter else { return current() }
        return act { api, id in _ = api.pointee.process_key(id, Int32(code), 0) }
    }

    public func deleteBackward() -> PinyinComposition {
        act { api, id in _ = api.pointee.process_key(id, 0xFF08, 0) } // XK_BackSpace
    }

    public func select(_ index: Int) -> PinyinComposition {
        act { api, id in _ = api.pointee.select_candidate(id, index) }
    }

    public func commitPreferred() -> PinyinComposition {
        act { api, id in _ = api.pointee.commit_composition(id) }
    }

    public func commitLetters() -> PinyinComposition {
        var letters = ""
        var result = act { api, id in
            letters = Self.preedit(api, id).filter { $0 != " " }
            api.pointee.clear_composition(id)
        }
        result.committed += letters
        return result
    }

    public func reset() -> PinyinComposition {
        act { api, id in api.pointee.clear_composition(id) }
    }

    private func current() -> PinyinComposition { act { _, _ in } }

    /// Runs `step` on the session and reads back the composition and any committed text.
    private func act(_ step: (UnsafeMutablePointer<RimeApi>, RimeSessionId) -> Void) -> PinyinComposition {
        session.withLock { session in
            guard let open = session else { return .empty }
            step(open.api, open.id)
            return snapshot(open.api, open.id)
        }
    }

    private func snapshot(_ api: UnsafeMutablePointer<RimeApi>, _ id: RimeSessionId) -> PinyinComposition {
        var result = PinyinComposition()
        var commit = RimeCommit.sized()
        if api.pointee.get_commit(id, &commit) != 0 {
            if let text = commit.text { result.committed = String(cString: text) }
            _ = api.pointee.free_commit(&commit)
        }
        result.syllables = Self.preedit(api, id)
        guard result.isComposing else { return result }
        var iterator = RimeCandidateListIterator()
        if api.pointee.candidate_list_begin(id, &iterator) != 0 {
            while api.pointee.candidate_list_next(&iterator) != 0 {
                if result.candidates.count == limit { result.hasMoreCandidates = true; break }
                if let text = iterator.candidate.text { result.candidates.append(String(cString: text)) }
            }
            api.pointee.candidate_list_end(&iterator)
        }
        return result
    }

    private static func preedit(_ api: UnsafeMutablePointer<RimeApi>, _ id: RimeSessionId) -> String {
        var context = RimeContext.sized()
        guard api.pointee.get_context(id, &context) != 0 else { return "" }
        defer { _ = api.pointee.free_context(&context) }
        return context.composition.preedit.map { String(cString: $0) } ?? ""
    }
}
