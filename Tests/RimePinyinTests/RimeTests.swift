import Foundation
import TerminalUITesting
import TestSupport
import KioskTime
import RimePinyin
import Testing
import TestTraits

/// Every librime test, serialized: librime is one per process and its schema compilation writes
/// into a shared data directory, so two tests must not start it at the same time.
@Suite("librime pinyin", .serialized, .computeBound)
struct RimeTests {
    /// One user data directory for all tests (inside .build, so it survives between runs and
    /// only the first run pays for compiling the schema).
    static let userData = RepositoryPaths.root.appendingPathComponent(".build/rime-test-data").path
    static let configuration = RimeConfiguration(userDataDirectory: userData)
}
