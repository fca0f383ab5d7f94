import Foundation
import IDCardReader
import KioskDomain

/// Turns `[devices] reader` into the card reader's connector: `auto` probes the known USB ids and
/// the USB-serial ttys at every connect (a reader plugged in after start is found at the next
/// attempt), a path opens that serial line, `usb:VVVV:PPPP` opens that USB device with the
/// layout its model descriptor gives.
enum ConfiguredReader {
    static func connector(for setting: String) throws -> CardReader.Connector {
        if setting.hasPrefix("/") {
            let baud = (try? models()).flatMap { $0.first { $0.transport == .serial }?.baud } ?? 115_200
            return { () throws(TransportError) -> any SAMTransport in try SerialPort(path: setting, baud: baud) }
        }
        let models = try models()
        // One libusb context for the process; none when libusb cannot start (then only ttys).
        let usb = try? USBContext()
        if setting == "auto" {
            return { () throws(TransportError) -> any SAMTransport in
                let found = ReaderProbe.probe(models: models, usb: usb, ttys: ReaderProbe.defaultTTYs())
                guard let reader = found.first(where: \.answered) else {
                    throw .cannotOpen(device: "auto", reason: "no reader answered (\(found.count) candidates tried)")
                }
                return try reader.endpoint.open(usb: usb)
            }
        }
        let text = setting.hasPrefix("usb:") ? String(setting.dropFirst(4)) : setting
        guard let id = USBID(text) else {
            throw DataFileError(file: "configuration", key: "devices.reader", expected: "auto, a device path or usb:VVVV:PPPP",
                                found: setting)
        }
        guard let model = models.first(where: { $0.usb == id }) else {
            throw DataFileError(file: "Devices/readers", key: "usb", expected: "a reader descriptor for \(id)",
                                found: "none of \(models.count) descriptors")
        }
        let layout = try model.endpointLayout()
        let endpoint = ReaderEndpoint.usb(id, layout: layout, interface: Int32(model.interface ?? 0))
        return { () throws(TransportError) -> any SAMTransport in try endpoint.open(usb: usb) }
    }

    static func models() throws -> [ReaderModel] {
        try ReaderModelCatalog.load(directory: ReaderModelCatalog.locate())
    }
}
