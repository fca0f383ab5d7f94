import Foundation
import KioskDomain

/// A reader model as described by one file in `Devices/readers/`: how to find it and how to
/// talk to it. New models are data, not code (reference decision 1).
public struct ReaderModel: Sendable, Equatable, Decodable {
    public enum Transport: String, Sendable, Decodable {
        case serial
        case usbBulk = "usb-bulk"
    }

    /// Bulk endpoint numbers, written `"0x81"` in the files.
    public struct Endpoints: Sendable, Equatable, Decodable {
        public var layout: String
        public var headerOut: String?
        public var bodyOut: String?
        public var headerIn: String?
        public var bodyIn: String?
        public var out: String?
        public var `in`: String?
    }

    /// The file's stem, e.g. `routon-idr200`.
    public var id: String = ""
    public var name: String
    public var transport: Transport
    public var usb: USBID?
    public var endpoints: Endpoints?
    public var interface: Int?
    public var baud: Int?
    /// Whether the ids and layout were checked on real hardware (the reference marks several as
    /// unconfirmed).
    public var confirmed: Bool
    public var source: String
    public var notes: String?

    enum CodingKeys: String, CodingKey {
        case name, transport, usb, endpoints, interface, baud, confirmed, source, notes
    }

    /// The endpoint layout, checked: every number present and an endpoint address
    /// (OUT 0x01–0x0F, IN 0x81–0x8F).
    public func endpointLayout(file: String = "") throws(DataFileError) -> USBEndpointLayout {
        guard let endpoints else {
            throw DataFileError(file: file, key: "endpoints", expected: "endpoints for a usb-bulk reader")
        }
        func ep(_ value: String?, _ key: String, input: Bool) throws(DataFileError) -> UInt8 {
            guard let value, value.hasPrefix("0x"), let n = UInt8(value.dropFirst(2), radix: 16),
                  (input ? (0x81...0x8F) : (0x01...0x0F)).contains(n) else {
                throw DataFileError(file: file, key: "endpoints.\(key)",
                                    expected: input ? "an IN endpoint \"0x81\"…\"0x8F\"" : "an OUT endpoint \"0x01\"…\"0x0F\"",
                                    found: value ?? "nothing")
            }
            return n
        }
        switch endpoints.layout {
        case "split":
            return .split(headerOut: try ep(endpoints.headerOut, "headerOut", input: false),
                          bodyOut: try ep(endpoints.bodyOut, "bodyOut", input: false),
                          headerIn: try ep(endpoints.headerIn, "headerIn", input: true),
                          bodyIn: try ep(endpoints.bodyIn, "bodyIn", input: true))
        case "single":
            return .single(out: try ep(endpoints.out, "out", input: false), in: try ep(endpoints.in, "in", input: true))
        default:
            throw DataFileError(file: file, key: "endpoints.layout", expected: "\"split\" or \"single\"", found: endpoints.layout)
        }
    }

    /// Checks what the JSON schema cannot: a usb-bulk model has ids and endpoints, a serial
    /// model a baud rate the UART supports.
    public func validate(file: String) throws(DataFileError) {
        switch transport {
        case .usbBulk:
            guard usb != nil else { throw DataFileError(file: file, key: "usb", expected: "a VVVV:PPPP id for a usb-bulk reader") }
            _ = try endpointLayout(file: file)
        case .serial:
            guard let baud, SAMBaudRate(bitsPerSecond: baud) != nil else {
                throw DataFileError(file: file, key: "baud", expected: "9600, 19200, 38400, 57600 or 115200",
                                    found: baud.map(String.init) ?? "nothing")
            }
        }
    }
}

/// The reader models shipped in `Devices/readers/`.
public enum ReaderModelCatalog {
    /// Environment variable naming the `Devices` folder.
    public static let environmentVariable = "KIOSK_DEVICES"

    /// Loads every `*.json` in `directory`, sorted by file name; any bad file stops the load with
    /// its name, key and what was expected.
    public static func load(directory: URL) throws(DataFileError) -> [ReaderModel] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw DataFileError(file: directory.path, key: "", expected: "a folder of reader descriptors (*.json)",
                                found: (error as NSError).localizedDescription)
        }
        var models: [ReaderModel] = []
        for file in files {
            let url = directory.appendingPathComponent(file)
            var model = try DataFileError.decodeJSON(ReaderModel.self, at: url)
            try model.validate(file: url.path)
            model.id = String(file.dropLast(5))
            models.append(model)
        }
        return models
    }

    /// Finds `Devices/readers`: `explicit`, then `$KIOSK_DEVICES/readers`, then the `Devices`
    /// folder beside the located `Assets`.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(DataFileError) -> URL {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let env = environment[environmentVariable], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env).appendingPathComponent("readers"))
        }
        if let assets = try? AssetDirectory.locate(environment: environment) {
            candidates.append(assets.root.deletingLastPathComponent().appendingPathComponent("Devices/readers"))
        }
        for candidate in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue { return candidate }
        }
        throw DataFileError(file: candidates.first?.path ?? "Devices/readers", key: "",
                            expected: "the reader descriptors folder; pass --models or set \(environmentVariable)",
                            found: "nothing at " + candidates.map(\.path).joined(separator: ", "))
    }
}
