import CoreMetrics
import Foundation
import NIOConcurrencyHelpers
import Prometheus

/// The terminal's metrics in the Prometheus text format, through swift-metrics with
/// swift-prometheus as the backend.
///
/// Status gauges are set from a fresh `StatusSnapshot` at each scrape rather than pushed as things
/// change: a scrape then always agrees with `/v1/status`, and the parts of kioskd only have to
/// feed the `StatusBoard`. The same `factory` can be given to `MetricsSystem.bootstrap` by the
/// daemon so the libraries' own metrics appear on the same page.
///
/// Names are the contract of `Devices/monitoring/` (alert rules and dashboard) and of
/// docs/deploy.md; no label carries personal data (device, state, check and route names only).
public final class StatusMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory
    /// Every (family, labels) series ever set to 1, so a state left is set back to 0 instead of
    /// staying 1 forever in the registry.
    private let raised = NIOLockedValueBox<Set<[String]>>([])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Sets every status gauge from `snapshot` and renders the whole registry.
    public func render(_ snapshot: StatusSnapshot) -> [UInt8] {
        update(snapshot)
        return registry.emitToBuffer()
    }

    func update(_ snapshot: StatusSnapshot) {
        gauge("kiosk_info", ["version": snapshot.version, "region": snapshot.region, "terminal": snapshot.terminal], 1)
        gauge("kiosk_uptime_seconds", [:], snapshot.uptimeSeconds)
        oneOf("kiosk_state", key: "state", current: snapshot.state.rawValue,
              all: StatusSnapshot.OverallState.allCases.map(\.rawValue), extra: [:])
        for device in snapshot.devices {
            gauge("kiosk_device_up", ["device": device.name], device.isHealthy ? 1 : 0)
            oneOf("kiosk_device_state", key: "state", current: device.state, all: [], extra: ["device": device.name])
            if let change = device.lastChange {
                gauge("kiosk_device_last_change_timestamp_seconds", ["device": device.name], change.timeIntervalSince1970)
            }
        }
        gauge("kiosk_central_reachable", [:], snapshot.central.reachable == true ? 1 : 0)
        gauge("kiosk_heartbeat_last_success_timestamp_seconds", [:], snapshot.central.lastHeartbeatAt?.timeIntervalSince1970 ?? 0)
        gauge("kiosk_outbox_pending", [:], Double(snapshot.outbox.pending))
        gauge("kiosk_outbox_oldest_age_seconds", [:], snapshot.outbox.oldestAgeSeconds ?? 0)
        gauge("kiosk_outbox_refused", [:], Double(snapshot.outbox.refused))
        gauge("kiosk_storage_free_bytes", [:], Double(snapshot.storage.freeBytes ?? -1))
        gauge("kiosk_storage_reserve_bytes", [:], Double(snapshot.storage.reserveBytes))
        gauge("kiosk_preflight_passing", [:], snapshot.preflight.passed == false ? 0 : 1)
        oneOf("kiosk_preflight_check_failing", key: "check", current: nil, all: [],
              extra: [:], raisedNow: Set(snapshot.preflight.failures.map(\.check)))
        gauge("kiosk_session_active", [:], snapshot.session.active ? 1 : 0)
    }

    /// Counts one answered status API request (route pattern, never the raw path).
    public func countRequest(route: String, status: Int) {
        Counter(label: "kiosk_status_requests_total", dimensions: [("route", route), ("status", "\(status)")], factory: factory)
            .increment()
    }

    private func gauge(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        Gauge(label: name, dimensions: labels.map { ($0.key, $0.value) }, factory: factory).record(value)
    }

    /// A one-hot family: the series for the current value(s) at 1, every series raised before at 0.
    private func oneOf(_ name: String, key: String, current: String?, all: [String], extra: [String: String],
                       raisedNow: Set<String>? = nil) {
        let now = raisedNow ?? Set([current].compactMap { $0 })
        let fixed = extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let family = ([name] + fixed.flatMap { [$0.0, $0.1] }).joined(separator: "\u{1F}")
        let previous = raised.withLockedValue { set -> [String] in
            set.compactMap { $0.count == 2 && $0[0] == family ? $0[1] : nil }
        }
        for value in Set(all).union(now).union(previous).sorted() {
            let on = now.contains(value)
            Gauge(label: name, dimensions: fixed + [(key, value)], factory: factory).record(on ? 1.0 : 0.0)
            if on { _ = raised.withLockedValue { $0.insert([family, value]) } }
        }
    }
}
