import KioskDomain
import KioskOperations

extension KioskDaemon {
    /// Opens technician mode on this kiosk when the configuration has `[technician] pin_hash`
    /// (nil: the mode stays off). The gate audits into the kiosk's own store; the desk runs the
    /// same diagnostics as `kioskctl diag` through kioskd.
    public func enableTechnicianMode(pinHash: String?, file: String, diagnostics: any DiagnosticsRunner) async throws(DataFileError) {
        guard let pinHash else { return }
        let pin = try TechnicianPIN.parse(pinHash, file: file)
        let store = host.devices.store
        let gate = TechnicianGate(pin: pin, store: store, clock: clock)
        await host.enableTechnicianMode(TechnicianDesk(gate: gate, diagnostics: diagnostics, store: store, drainer: host.devices.drainer,
                                                       preflight: preflight, clock: clock))
    }
}
