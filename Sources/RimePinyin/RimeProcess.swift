import CRime
import Foundation
import Synchronization
import TerminalUI

/// librime's process-wide start: load the library, write the kiosk's schema settings, set the
/// directories, and compile the schema when it is missing or stale. Done once per process;
/// librime cannot be pointed elsewhere afterwards.
enum RimeProcess {
    private struct Started: @unchecked Sendable {
        let api: UnsafeMutablePointer<RimeApi>
        let configuration: RimeConfiguration
    }

    /// What this process's librime is: running, or set up and refused (`NoLearning`). A refusal
    /// is kept, because librime cannot be set up twice in one process (its logging aborts the
    /// process on a second start).
    private enum State: @unchecked Sendable {
        case running(Started)
        case refused(PinyinEngineUnavailable)
    }

    private static let state = Mutex<State?>(nil)

    static func start(_ configuration: RimeConfiguration) throws(PinyinEngineUnavailable) -> UnsafeMutablePointer<RimeApi> {
        let schemaFile = "\(configuration.sharedDataDirectory)/\(configuration.schema).schema.yaml"
        guard FileManager.default.fileExists(atPath: schemaFile) else {
            throw RimePinyinEngine.unavailable("拼音词库未安装", "\(schemaFile) not found (Debian package rime-data-luna-pinyin)")
        }
        let result: Result<UnsafeMutablePointer<RimeApi>, PinyinEngineUnavailable> = state.withLock { state in
            switch state {
            case .running(let started):
                guard started.configuration.userDataDirectory == configuration.userDataDirectory,
                      started.configuration.sharedDataDirectory == configuration.sharedDataDirectory else {
                    return .failure(RimePinyinEngine.unavailable("拼音输入引擎配置冲突",
                        "librime already started with \(started.configuration.userDataDirectory)"))
                }
                return .success(started.api)
            case .refused(let refusal):
                return .failure(refusal)
            case nil:
                break
            }
            let api: UnsafeMutablePointer<RimeApi>
            do throws(PinyinEngineUnavailable) { api = try launch(configuration) } catch { return .failure(error) }
            do throws(PinyinEngineUnavailable) {
                try NoLearning.ensure(api, configuration)
            } catch {
                api.pointee.finalize()
                state = .refused(error)
                return .failure(error)
            }
            state = .running(Started(api: api, configuration: configuration))
            return .success(api)
        }
        return try result.get()
    }

    private static func launch(_ configuration: RimeConfiguration) throws(PinyinEngineUnavailable) -> UnsafeMutablePointer<RimeApi> {
        let shared = configuration.sharedDataDirectory
        let user = configuration.userDataDirectory
        do {
            try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
            for (name, text) in configuration.customFiles {
                let path = "\(user)/\(name)"
                // Rewritten only when different, so librime's up-to-date check stays cheap.
                if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                }
            }
        } catch {
            throw RimePinyinEngine.unavailable("拼音输入法的数据目录不可写", "\(user): \(error)")
        }
        let api = try RimeLibrary.load(configuration.library)
        var traits = RimeTraits.sized()
        // librime keeps some of these pointers (glog keeps the app name): they live as long as
        // the process, once.
        traits.shared_data_dir = UnsafePointer(strdup(shared))
        traits.user_data_dir = UnsafePointer(strdup(user))
        traits.distribution_name = UnsafePointer(strdup("OneStop Kiosk"))
        traits.distribution_code_name = UnsafePointer(strdup("onestop-kiosk"))
        traits.distribution_version = UnsafePointer(strdup("1"))
        traits.app_name = UnsafePointer(strdup("rime.onestop-kiosk"))
        // Only fatal messages, and none on the terminal: stderr is the kiosk's screen.
        traits.min_log_level = 3
        traits.log_dir = UnsafePointer(strdup(user))
        api.pointee.setup(&traits)
        api.pointee.initialize(&traits)
        if api.pointee.start_maintenance(0) != 0 {
            api.pointee.join_maintenance_thread()
        }
        return api
    }
}
