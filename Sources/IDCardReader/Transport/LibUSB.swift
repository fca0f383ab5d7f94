import CLibUSB

/// A USB vendor:product pair, written `0400:c35a`.
public struct USBID: Sendable, Hashable, CustomStringConvertible, Codable {
    public var vendor: UInt16
    public var product: UInt16

    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    /// Parses `VVVV:PPPP` (hex, either case).
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
              let v = UInt16(parts[0], radix: 16), let p = UInt16(parts[1], radix: 16) else { return nil }
        self.init(vendor: v, product: p)
    }

    public var description: String {
        func h(_ n: UInt16) -> String {
            let s = String(n, radix: 16)
            return String(repeating: "0", count: 4 - s.count) + s
        }
        return "\(h(vendor)):\(h(product))"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = USBID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected VVVV:PPPP in hex, found \"\(text)\"")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A device seen on the bus.
public struct USBDeviceSummary: Sendable, Equatable {
    public var id: USBID
    public var bus: UInt8
    public var address: UInt8
}

/// One libusb context: initialised once, owned by one object (libusb handles are not Sendable;
/// the reference advises a single initialisation per process).
public final class USBContext: @unchecked Sendable {
    let context: OpaquePointer

    public init() throws(TransportError) {
        var ctx: OpaquePointer?
        let rc = libusb_init(&ctx)
        guard rc == 0, let ctx else { throw .cannotOpen(device: "libusb", reason: USBContext.text(rc)) }
        context = ctx
        _ = onestop_libusb_set_log_level(ctx, Int32(LIBUSB_LOG_LEVEL_NONE.rawValue))
    }

    deinit { libusb_exit(context) }

    /// Whether libusb can report plug events on this platform (otherwise the reader polls).
    public var hasHotplug: Bool { libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 }

    /// Every device on every bus (empty in a VM without a USB controller).
    public func devices() throws(TransportError) -> [USBDeviceSummary] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else { throw .io("libusb_get_device_list: \(USBContext.text(Int32(count)))") }
        defer { libusb_free_device_list(list, 1) }
        var found: [USBDeviceSummary] = []
        for i in 0..<Int(count) {
            guard let device = list[i] else { continue }
            var desc = libusb_device_descriptor()
            guard libusb_get_device_descriptor(device, &desc) == 0 else { continue }
            found.append(USBDeviceSummary(id: USBID(vendor: desc.idVendor, product: desc.idProduct),
                                          bus: libusb_get_bus_number(device), address: libusb_get_device_address(device)))
        }
        return found
    }

    /// Opens the first device with `id`, detaches a kernel driver if one is bound and claims
    /// `interface`.
    public func open(_ id: USBID, interface: Int32 = 0) throws(TransportError) -> LibUSBDevice {
        guard let handle = libusb_open_device_with_vid_pid(context, id.vendor, id.product) else {
            throw .cannotOpen(device: "usb \(id)", reason: "no such device, or no permission (see Devices/udev)")
        }
        _ = libusb_set_auto_detach_kernel_driver(handle, 1)
        let rc = libusb_claim_interface(handle, interface)
        guard rc == 0 else {
            libusb_close(handle)
            throw .cannotOpen(device: "usb \(id)", reason: "claim interface \(interface): \(USBContext.text(rc))")
        }
        return LibUSBDevice(context: self, handle: handle, interface: interface, label: "usb \(id)")
    }

    static func text(_ rc: Int32) -> String { String(cString: libusb_error_name(rc)) }
}

/// An opened, claimed USB reader: bulk transfers through libusb.
public final class LibUSBDevice: USBBulkIO {
    private let context: USBContext
    private var handle: OpaquePointer?
    private let interface: Int32
    public let label: String

    init(context: USBContext, handle: OpaquePointer, interface: Int32, label: String) {
        self.context = context
        self.handle = handle
        self.interface = interface
        self.label = label
    }

    deinit { close() }

    public func bulkOut(endpoint: UInt8, _ bytes: [UInt8], timeout: Duration) throws(USBTransferError) {
        guard let handle else { throw .noDevice }
        var data = bytes
        var sent: Int32 = 0
        let rc = data.withUnsafeMutableBufferPointer {
            libusb_bulk_transfer(handle, endpoint, $0.baseAddress, Int32($0.count), &sent, UInt32(timeout.clampedMilliseconds))
        }
        try LibUSBDevice.check(rc)
        guard Int(sent) == bytes.count else { throw .failed("short write \(sent) of \(bytes.count) bytes") }
    }

    public func bulkIn(endpoint: UInt8, maxLength: Int, timeout: Duration) throws(USBTransferError) -> [UInt8] {
        guard let handle else { throw .noDevice }
        // Whole 64-byte packets, so a device that sends more than asked cannot overflow.
        var data = [UInt8](repeating: 0, count: (maxLength + 63) / 64 * 64)
        var received: Int32 = 0
        let rc = data.withUnsafeMutableBufferPointer {
            libusb_bulk_transfer(handle, endpoint, $0.baseAddress, Int32($0.count), &received, UInt32(max(1, timeout.clampedMilliseconds)))
        }
        if rc == Int32(LIBUSB_ERROR_TIMEOUT.rawValue), received > 0 { return Array(data[0..<Int(received)]) }
        try LibUSBDevice.check(rc)
        return Array(data[0..<Int(received)])
    }

    public func close() {
        guard let h = handle else { return }
        libusb_release_interface(h, interface)
        libusb_close(h)
        handle = nil
    }

    static func check(_ rc: Int32) throws(USBTransferError) {
        switch rc {
        case 0: return
        case Int32(LIBUSB_ERROR_TIMEOUT.rawValue): throw .timeout
        case Int32(LIBUSB_ERROR_NO_DEVICE.rawValue): throw .noDevice
        default: throw .failed(USBContext.text(rc))
        }
    }
}
