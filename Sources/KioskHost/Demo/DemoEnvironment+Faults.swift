import CentralSim
import Foundation
import ReceiptPrinter

/// A fault the demo world can be told to have, for practice (a technician learning the remedies)
/// and for tests (each fault must show as the right failed check, and pass again once cleared).
/// Each acts on the device tier itself, so the kiosk's real drivers meet it as they would meet
/// the real fault.
public enum DemoFault: String, Sendable, CaseIterable, Codable {
    /// The reader's device file is gone and the reader stops answering (unplugged).
    case readerAbsent = "reader-absent"
    /// The reader answers line noise instead of SAM frames.
    case readerGarbage = "reader-garbage"
    /// The printer reports `media-empty-error` and holds jobs.
    case printerOutOfPaper = "printer-paper-out"
    /// The embedded central-sim is stopped (connection refused).
    case centralDown = "central-down"
    /// The data file system has less free space than the reserve.
    case diskNearlyFull = "disk-nearly-full"

    /// Parses `reader-absent,printer-paper-out` with a clear message for an unknown name.
    public static func parseList(_ text: String) throws(UnknownName) -> Set<DemoFault> {
        var faults = Set<DemoFault>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let fault = DemoFault(rawValue: name) else {
                throw UnknownName(name: name)
            }
            faults.insert(fault)
        }
        return faults
    }
}

extension DemoFault {
    /// A fault name that is none of the known ones.
    public struct UnknownName: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var description: String {
            "--fault: expected \(DemoFault.allCases.map(\.rawValue).joined(separator: ", ")), found \(name)"
        }
    }
}

extension DemoEnvironment {
    /// The faults switched on now.
    public var activeFaults: Set<DemoFault> { faults.withLock { $0 } }

    /// Switches `fault` on.
    public func inject(_ fault: DemoFault) async {
        let added = faults.withLock { $0.insert(fault).inserted }
        guard added else { return }
        switch fault {
        case .readerAbsent: simulator.engine.setAnswering(false)
        case .readerGarbage: simulator.engine.setGarbage(true)
        case .printerOutOfPaper: await printer.inject(.paperOut)
        case .centralDown:
            await central?.stop()
            if let centralConfiguration {
                let hold = PortReservation(host: centralConfiguration.host, port: centralConfiguration.port)
                centralPortHold.withLock { $0 = hold }
            }
        case .diskNearlyFull: break
        }
    }

    /// Switches `fault` off: the device tier behaves again (central-sim starts again on its port).
    public func clear(_ fault: DemoFault) async {
        let removed = faults.withLock { $0.remove(fault) != nil }
        guard removed else { return }
        switch fault {
        case .readerAbsent: simulator.engine.setAnswering(true)
        case .readerGarbage: simulator.engine.setGarbage(false)
        case .printerOutOfPaper: await printer.inject(nil)
        case .centralDown:
            guard let centralConfiguration else { break }
            centralPortHold.withLock { $0?.release(); $0 = nil }
            // The port was held; tries over five seconds cover the moment between release and
            // bind, even on a machine so loaded that the server's own start is slow.
            for attempt in 1...25 {
                do {
                    let restarted = try await CentralSimServer.start(centralConfiguration, logger: logger)
                    centralBox.withLock { $0 = restarted }
                    break
                } catch {
                    logger.error("demo central-sim did not start again", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                    try? await Task.sleep(for: .milliseconds(200))
                }
            }
        case .diskNearlyFull: break
        }
    }

    /// The reader's device path as the kiosk's connector should open it: gone while the reader
    /// is "unplugged".
    public var readerDevicePath: String {
        activeFaults.contains(.readerAbsent) ? simulator.devicePath + ".unplugged" : simulator.devicePath
    }

    /// Free bytes to keep in reserve on the data file system (`normal`); with "disk nearly full",
    /// 1 GiB more than there is free now, so the disk reads as below its reserve.
    public func reserveBytes(normal: Int64) -> Int64 {
        guard activeFaults.contains(.diskNearlyFull) else { return normal }
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.path)[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
        return free + (1 << 30)
    }
}
