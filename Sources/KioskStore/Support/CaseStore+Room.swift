import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Room for a new case: MOSIP's pre-flight idea applied to storage. A new case is refused while
/// there is still room, so delivering and acknowledging the queued ones keeps working.
public struct StoreRoom: Sendable, Equatable, Codable {
    /// Pages in use and the `max_page_count` limit (SQLite's own limit when not configured).
    public var pagesUsed: Int
    public var pageLimit: Int
    public var pageSize: Int
    /// Free bytes on the file system holding the database, nil when unknown.
    public var freeDiskBytes: Int64?
    /// Whether a new case would be accepted now.
    public var acceptsNewCases: Bool
    /// Why not, in technical terms; nil when accepted.
    public var refusal: String?
}

extension CaseStore {
    /// The current room for new cases (for the status API and the UI's pre-flight check).
    public func room() throws -> StoreRoom {
        let (used, free, limit, pageSize) = try mapping {
            try pool.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                 try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0,
                 try Int.fetchOne(db, sql: "PRAGMA max_page_count") ?? Int.max,
                 try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
            }
        }
        let disk = Self.freeDiskBytes(near: path)
        var refusal: String?
        if limit - used + free < configuration.reservedPages {
            refusal = "\(used - free) of \(limit) pages in use; \(configuration.reservedPages) pages are kept in reserve"
        } else if let disk, disk < configuration.reservedDiskBytes {
            refusal = "\(disk) bytes free on the file system; \(configuration.reservedDiskBytes) are kept in reserve"
        }
        return StoreRoom(pagesUsed: used - free, pageLimit: limit, pageSize: pageSize, freeDiskBytes: disk,
                         acceptsNewCases: refusal == nil, refusal: refusal)
    }

    func checkRoomForNewCase(_ id: UUID) throws {
        let room = try room()
        if let refusal = room.refusal {
            recordRefusal(id, at: configuration.now())
            throw StoreError.diskFull(database: path, detail: refusal)
        }
    }

    private static func freeDiskBytes(near path: String) -> Int64? {
        var info = statvfs()
        let directory = (path as NSString).deletingLastPathComponent
        guard statvfs(directory.isEmpty ? "." : directory, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }
}
