import Foundation

/// Finds readers attached to this machine: known USB ids first (from the model descriptors),
/// then serial lines that answer the SAM status command (`11 FF`) — as hev-idcard-reader does.
public enum ReaderProbe {
    /// One candidate and what it said.
    public struct Finding: Sendable, Equatable {
        public var endpoint: ReaderEndpoint
        /// The descriptor's name, or "" for a tty matched only by its answer.
        public var model: String
        /// Whether it answered `11 FF` with `90`.
        public var answered: Bool
        /// The SAM identity, when it answered `12 FF`.
        public var samIdentity: String?
        /// Why it did not answer, for the technician.
        public var problem: String?
    }

    /// The ttys a USB-serial reader appears as.
    public static func defaultTTYs() -> [String] {
        let dev = (try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []
        return dev.filter { $0.hasPrefix("ttyUSB") || $0.hasPrefix("ttyACM") }.sorted().map { "/dev/" + $0 }
    }

    public static func probe(models: [ReaderModel], usb context: USBContext?, ttys: [String],
                             timeouts: SAMTimeouts = .probe) -> [Finding] {
        var findings: [Finding] = []
        if let context, let devices = try? context.devices() {
            for model in models where model.transport == .usbBulk {
                guard let id = model.usb, devices.contains(where: { $0.id == id }),
                      let layout = try? model.endpointLayout() else { continue }
                let endpoint = ReaderEndpoint.usb(id, layout: layout, interface: Int32(model.interface ?? 0))
                findings.append(ask(endpoint, model: model.name, usb: context, timeouts: timeouts))
            }
        }
        let bauds = Set(models.filter { $0.transport == .serial }.compactMap(\.baud)).sorted(by: >)
        for path in ttys {
            var best: Finding?
            for baud in bauds.isEmpty ? [115_200] : bauds {
                let finding = ask(.serial(path: path, baud: baud), model: "", usb: nil, timeouts: timeouts)
                best = finding
                if finding.answered { break }
            }
            if let best {
                var named = best
                if named.answered, case let .serial(_, baud) = named.endpoint {
                    named.model = models.first { $0.transport == .serial && $0.baud == baud }?.name ?? "SAM_V serial reader"
                }
                findings.append(named)
            }
        }
        return findings
    }

    static func ask(_ endpoint: ReaderEndpoint, model: String, usb: USBContext?, timeouts: SAMTimeouts) -> Finding {
        var finding = Finding(endpoint: endpoint, model: model, answered: false)
        do {
            let link = SAMLink(transport: try endpoint.open(usb: usb), timeouts: timeouts)
            defer { link.close() }
            finding.samIdentity = try ReadSequence.handshake(link)?.description
            finding.answered = true
        } catch {
            finding.problem = String(describing: error)
        }
        return finding
    }
}

extension SAMTimeouts {
    /// Short limits for probing ttys that may not be readers at all.
    public static let probe = SAMTimeouts(control: .milliseconds(400), find: .milliseconds(400), read: .seconds(3),
                                          readWithFingerprint: .seconds(4), appendedAddress: .milliseconds(400))
}
