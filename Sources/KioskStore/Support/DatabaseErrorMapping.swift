import Foundation
import GRDB

/// Turns SQLite errors into `StoreError`s that name the database file: SQLITE_FULL becomes
/// `diskFull`, NOTADB/CORRUPT become `notADatabase`, a clash on the local reference becomes
/// `duplicateLocalReference`.
enum DatabaseErrorMapping {
    static func map(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .database(path: path, code: -1, detail: String(describing: error))
        }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_FULL:
            return .diskFull(database: path, detail: detail)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, detail: detail)
        default:
            return .database(path: path, code: error.resultCode.rawValue, detail: detail)
        }
    }

    /// Runs `body`, rethrowing any failure as a `StoreError`.
    static func mapping<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw map(error, path: path)
        }
    }
}
