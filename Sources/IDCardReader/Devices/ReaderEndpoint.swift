/// Where one reader is and how to open it: the result of probing or of a command-line flag.
public enum ReaderEndpoint: Sendable, Equatable, CustomStringConvertible {
    case serial(path: String, baud: Int)
    case usb(USBID, layout: USBEndpointLayout, interface: Int32)

    /// Opens the transport. USB needs the process's single libusb context.
    public func open(usb context: USBContext?) throws(TransportError) -> any SAMTransport {
        switch self {
        case let .serial(path, baud):
            return try SerialPort(path: path, baud: baud)
        case let .usb(id, layout, interface):
            guard let context else { throw .cannotOpen(device: "usb \(id)", reason: "libusb is not initialised") }
            return USBBulkTransport(io: try context.open(id, interface: interface), layout: layout)
        }
    }

    public var description: String {
        switch self {
        case let .serial(path, baud): "\(path) @ \(baud)"
        case let .usb(id, _, _): "usb \(id)"
        }
    }
}
