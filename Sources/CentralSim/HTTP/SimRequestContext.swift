import Hummingbird

/// Per-request context: Hummingbird's core storage plus the terminal whose signature was
/// verified, so handlers can check that a terminal only touches what is its own.
struct SimRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var terminalID: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Room for a case with its photo (60 KB JPEG, base64) and more.
    var maxUploadSize: Int { 1 << 20 }
}
