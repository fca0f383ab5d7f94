import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The AES-256 key that seals personal data at rest, kept in its own file of 32 raw bytes with
/// mode 0600.
///
/// The key is created only when the store is new; for a database that already holds sealed data
/// a missing or different key is a start-up error, because a silently generated new key would
/// make every stored case unreadable.
struct SealingKey: Sendable {
    static let byteCount = 32

    let key: SymmetricKey
    /// A short public name for the key (16 hex digits of a domain-separated SHA-256), shown in
    /// errors so an operator can tell which backup key belongs to which database.
    let fingerprint: String

    init(key: SymmetricKey) {
        self.key = key
        var hasher = SHA256()
        hasher.update(data: Data("onestop-kiosk store key fingerprint v1".utf8))
        key.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        fingerprint = hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads an existing key file: a regular file (not a link) owned by this user, that group
    /// and others cannot read (see `PrivateFile`).
    static func load(from path: String) throws(StoreError) -> SealingKey {
        let data: Data
        do {
            data = try PrivateFile.load(path)
        } catch {
            if case .tooOpen(let mode) = error { throw .keyFilePermissions(keyFile: path, mode: mode) }
            throw .keyFileUnusable(keyFile: path, detail: error.description)
        }
        guard data.count == byteCount else {
            throw .keyFileInvalid(keyFile: path, expected: "\(byteCount) raw bytes (AES-256)", found: "\(data.count) bytes")
        }
        return SealingKey(key: SymmetricKey(data: data))
    }

    /// Creates a new random key file with mode 0600, atomically: the key is written and synced to
    /// a temporary file, then linked to its name, so a crash never leaves a short key behind and
    /// two processes starting together end up with the same key (the loser reads the winner's).
    static func create(at path: String) throws(StoreError) -> SealingKey {
        let directory = (path as NSString).deletingLastPathComponent
        do { try PrivateFile.createDirectory(directory) } catch {
            throw .keyFileUnusable(keyFile: path, detail: "cannot create directory \(directory): \(error)")
        }
        let key = SymmetricKey(size: .bits256)
        // Unique per attempt: two openers in one process must not share (and unlink) a temporary.
        let temporary = "\(path).tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .keyFileUnusable(keyFile: path, detail: "create \(temporary): \(lastError())") }
        defer { unlink(temporary) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fchmod(fd, 0o600) == 0 && fsync(fd) == 0
        close(fd)
        guard written == byteCount, synced else {
            throw .keyFileUnusable(keyFile: path, detail: "write \(temporary): \(lastError())")
        }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return try load(from: path) }
            throw .keyFileUnusable(keyFile: path, detail: "link: \(lastError())")
        }
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
        return SealingKey(key: key)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
