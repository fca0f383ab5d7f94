import Foundation
import NIOConcurrencyHelpers

/// The status token as its file holds it now: re-read whenever the file changes (its inode,
/// size or modification time), so a technician rotating the token locks out the old one
/// without restarting kioskd — a stale token is refused from the next request on.
final class TokenFile: Sendable {
    let path: String
    private let cache = NIOLockedValueBox<(stamp: [Int]?, token: StatusToken?)>((nil, nil))
    private let onUnreadable: @Sendable (String) -> Void

    init(path: String, onUnreadable: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.onUnreadable = onUnreadable
    }

    /// The current token, or nil when the file is missing or unusable (everything is refused).
    func current() -> StatusToken? {
        var info = stat()
        let stamp: [Int]? = stat(path, &info) == 0
            ? [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)] : nil
        if let cached = cache.withLockedValue({ $0.stamp == stamp && stamp != nil ? $0 : nil }) { return cached.token }
        let token: StatusToken?
        switch StatusToken.load(from: path) {
        case .success(let loaded): token = loaded
        case .failure(let error):
            token = nil
            onUnreadable(error.description)
        }
        cache.withLockedValue { $0 = (stamp, token) }
        return token
    }
}
