import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Secret files (the store key, a terminal's signing key) and the database: created private from
/// the first byte, and checked on every load without following links.
///
/// Why not Foundation: `createFile(attributes:)` writes the file with the umask's mode and
/// chmods it afterwards, so a key is briefly world-readable; `fileExists` then create races
/// another creator; `stat` follows a symlink planted in the key's place. Here a file is created
/// with `O_CREAT | O_EXCL | O_NOFOLLOW` and mode 0600, and loaded with `O_NOFOLLOW` + `fstat`
/// on the opened descriptor: a regular file, owned by this process's effective user, with no
/// group or other permission bits.
public enum PrivateFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists
        case symbolicLink
        case notRegular
        case tooOpen(mode: String)
        case wrongOwner(owner: UInt32, expected: UInt32)
        case system(String)

        public var description: String {
            switch self {
            case .exists: "the file already exists (a key is never overwritten)"
            case .symbolicLink: "the path is a symbolic link (refused: a key is read only from a regular file)"
            case .notRegular: "not a regular file"
            case .tooOpen(let mode): "mode 0\(mode) lets group or others in; expected 0600"
            case let .wrongOwner(owner, expected): "owned by uid \(owner), expected the running user (uid \(expected))"
            case .system(let message): message
            }
        }
    }

    /// Creates `path` with mode 0600 (never an existing file, never through a link), writes
    /// `contents` and syncs it.
    public static func create(_ path: String, contents: Data) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw errno == EEXIST ? .exists : .system("create \(path): \(lastError())") }
        defer { close(fd) }
        // The umask can only remove bits; this makes the mode exactly 0600 whatever it is.
        guard fchmod(fd, 0o600) == 0 else { throw .system("fchmod \(path): \(lastError())") }
        let written = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == contents.count, fsync(fd) == 0 else { throw .system("write \(path): \(lastError())") }
    }

    /// Creates an empty private file if nothing is at `path` yet (the database before SQLite
    /// opens it: its -wal and -shm files take the same mode). An existing file is left alone.
    public static func createEmptyIfMissing(_ path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            throw .system("create \(path): \(lastError())")
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw .system("fchmod \(path): \(lastError())") }
    }

    /// Creates `path` and missing parents with mode 0700; an existing directory is left alone.
    public static func createDirectory(_ path: String) throws(Failure) {
        guard !path.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .system("\(path) exists and is not a directory") }
            return
        }
        try createDirectory((path as NSString).deletingLastPathComponent)
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw .system("mkdir \(path): \(lastError())") }
        _ = chmod(path, 0o700)
    }

    /// Reads a private file whole, after checking what the descriptor really is.
    public static func load(_ path: String) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ELOOP ? .symbolicLink : .system("open \(path): \(lastError())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system("fstat \(path): \(lastError())") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else { throw .tooOpen(mode: String(mode, radix: 8)) }
        guard info.st_uid == geteuid() else { throw .wrongOwner(owner: info.st_uid, expected: geteuid()) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 { throw .system("read \(path): \(lastError())") }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > 1 << 20 { throw .system("\(path) is larger than any key file") }
        }
        return data
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
