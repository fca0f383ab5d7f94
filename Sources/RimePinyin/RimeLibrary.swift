import CRime
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// librime opened at run time. The program links no librime, so a terminal without it still
/// starts; the keyboard then reports the engine as unavailable.
enum RimeLibrary {
    typealias GetAPI = @convention(c) () -> UnsafeMutablePointer<RimeApi>?

    /// The library's function table, or why it could not be had.
    static func load(_ path: String) throws(PinyinEngineUnavailable) -> UnsafeMutablePointer<RimeApi> {
        func missing(_ detail: String) -> PinyinEngineUnavailable {
            PinyinEngineUnavailable(message: "未安装拼音输入引擎", detail: "\(detail) (Debian package librime1)")
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw missing(dlerror().map { String(cString: $0) } ?? path)
        }
        guard let symbol = dlsym(handle, "rime_get_api") else { throw missing("\(path) has no rime_get_api") }
        guard let api = unsafeBitCast(symbol, to: GetAPI.self)() else { throw missing("\(path): rime_get_api returned nothing") }
        return api
    }
}
