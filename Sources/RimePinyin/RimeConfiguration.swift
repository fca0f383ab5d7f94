import Foundation

/// Where librime and its data are. The defaults are Debian's: librime1 for the library,
/// rime-data-luna-pinyin (and its dependencies) under /usr/share/rime-data for the dictionary,
/// and a per-user cache directory for the schema librime compiles on first use.
public struct RimeConfiguration: Sendable, Hashable {
    /// The shared library, as `dlopen` finds it.
    public var library: String
    /// Debian's read-only data: schemas, dictionaries, prebuilt tables.
    public var sharedDataDirectory: String
    /// Writable: the kiosk's schema settings and what librime compiles from them (a few
    /// hundred kilobytes). Nothing typed is ever stored here: learning is switched off.
    public var userDataDirectory: String
    /// The schema used: Luna Pinyin with simplified output.
    public var schema: String
    /// How many candidates one composition fetches (the keyboard pages them by width).
    public var candidateLimit: Int

    public init(library: String = "librime.so.1", sharedDataDirectory: String = "/usr/share/rime-data",
                userDataDirectory: String = RimeConfiguration.defaultUserDataDirectory,
                schema: String = "luna_pinyin_simp", candidateLimit: Int = 120) {
        self.library = library
        self.sharedDataDirectory = sharedDataDirectory
        self.userDataDirectory = userDataDirectory
        self.schema = schema
        self.candidateLimit = candidateLimit
    }

    /// `$XDG_CACHE_HOME/onestop-kiosk/rime`, else `~/.cache/onestop-kiosk/rime`.
    public static var defaultUserDataDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        return cache + "/onestop-kiosk/rime"
    }

    /// The settings the kiosk writes into the user data directory before librime compiles the
    /// schema: only the one schema is built (seconds, not a minute for every installed one),
    /// and the user dictionary is off — a shared terminal must never learn one veteran's name
    /// and offer it to the next.
    var customFiles: [String: String] {
        [
            "default.custom.yaml": """
            # Written by OneStop Kiosk: build only the schema the on-screen keyboard uses.
            patch:
              schema_list:
                - schema: \(schema)
            """,
            "\(schema).custom.yaml": """
            # Written by OneStop Kiosk: a shared terminal learns nothing from what people type.
            patch:
              translator/enable_user_dict: false
            """,
        ]
    }
}
