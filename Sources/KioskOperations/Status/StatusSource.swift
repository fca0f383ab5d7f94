/// Where the status API, the metrics and the heartbeat read the terminal's state from. kioskd
/// feeds a `StatusBoard`; tests and benchmarks may supply any other source.
public protocol StatusSource: Sendable {
    func snapshot() async -> StatusSnapshot
}
