import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KioskDomain

/// A Viola–Jones cascade of boosted decision stumps over Haar features, as OpenCV stores it
/// (`<opencv_storage><cascade>` with `stageType` BOOST, `featureType` HAAR).
///
/// The classifier file ships with Debian's `opencv-data` and is read at run time from its system
/// path, never copied into the repository (Intel licence; 930 KB of data).
public struct HaarCascade: Sendable {
    /// One weighted rectangle of a feature, in window coordinates.
    public struct WeightedRect: Sendable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int
        public var weight: Float
    }
    /// A weak classifier: feature value (normalised) `< threshold` → `left`, else `right`.
    public struct Stump: Sendable, Equatable {
        public var feature: Int
        public var threshold: Float
        public var left: Float
        public var right: Float
    }
    public struct Stage: Sendable, Equatable {
        public var threshold: Float
        public var stumps: [Stump]
    }

    public var windowWidth: Int
    public var windowHeight: Int
    public var stages: [Stage]
    public var features: [[WeightedRect]]

    /// Where Debian's `opencv-data` installs the frontal-face cascade.
    public static let defaultPath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
    /// Overrides `defaultPath` (for hosts that install OpenCV's data elsewhere).
    public static let environmentVariable = "KIOSK_HAAR_CASCADE"

    /// The path to use: an explicit one, then the environment variable, then the Debian path.
    public static func resolvedPath(explicit: String? = nil,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment[environmentVariable], !env.isEmpty { return env }
        return defaultPath
    }

    /// Loads and validates a cascade file. Every problem names the file and the element.
    public static func load(path: String) throws(DataFileError) -> HaarCascade {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataFileError(file: path, key: "",
                                expected: "the Haar cascade XML (Debian package opencv-data; set --cascade or \(environmentVariable))",
                                found: "no readable file")
        }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws(DataFileError) -> HaarCascade {
        let reader = CascadeXMLReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw DataFileError(file: file, key: "line \(parser.lineNumber)", expected: "well-formed XML",
                                found: parser.parserError.map { "\($0)" } ?? "a parse error")
        }
        if let problem = reader.problem {
            throw DataFileError(file: file, key: problem.key, expected: problem.expected, found: problem.found)
        }
        guard reader.stageType == "BOOST", reader.featureType == "HAAR" else {
            throw DataFileError(file: file, key: "cascade.stageType/featureType", expected: "BOOST and HAAR",
                                found: "\(reader.stageType ?? "none") and \(reader.featureType ?? "none")")
        }
        guard let w = reader.width, let h = reader.height, (8...64).contains(w), (8...64).contains(h) else {
            throw DataFileError(file: file, key: "cascade.width/height", expected: "a window size of 8…64 px")
        }
        guard !reader.stages.isEmpty, !reader.features.isEmpty else {
            throw DataFileError(file: file, key: "cascade.stages", expected: "at least one stage and one feature")
        }
        for (s, stage) in reader.stages.enumerated() {
            for (k, stump) in stage.stumps.enumerated() where !(0..<reader.features.count).contains(stump.feature) {
                throw DataFileError(file: file, key: "cascade.stages[\(s)].weakClassifiers[\(k)].internalNodes",
                                    expected: "a feature index below \(reader.features.count)", found: "\(stump.feature)")
            }
        }
        for (f, rects) in reader.features.enumerated() {
            guard (2...3).contains(rects.count), rects.allSatisfy({ r in
                r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0 && r.x + r.width <= w && r.y + r.height <= h
            }) else {
                throw DataFileError(file: file, key: "cascade.features[\(f)].rects",
                                    expected: "2 or 3 rectangles inside the \(w)×\(h) window")
            }
        }
        return HaarCascade(windowWidth: w, windowHeight: h, stages: reader.stages, features: reader.features)
    }
}

/// SAX reader for the cascade layout; keeps a path of element names to know where it is.
private final class CascadeXMLReader: NSObject, XMLParserDelegate {
    struct Problem { var key: String; var expected: String; var found: String }
    var stageType: String?
    var featureType: String?
    var width: Int?
    var height: Int?
    var stages: [HaarCascade.Stage] = []
    var features: [[HaarCascade.WeightedRect]] = []
    var problem: Problem?

    private var path: [String] = []
    private var text = ""
    private var pendingNode: (feature: Int, threshold: Float)?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        text = ""
        if name == "_" {
            if path.suffix(2) == ["stages", "_"] { stages.append(HaarCascade.Stage(threshold: 0, stumps: [])) }
            if path.suffix(2) == ["features", "_"] { features.append([]) }
        }
        if name == "tilted" { fail("tilted", expected: "upright features only (tilted Haar features are not supported)", found: "tilted") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = path.dropLast().last
        defer {
            path.removeLast()
            text = ""
        }
        switch (parent, name) {
        case ("cascade", "stageType"): stageType = value
        case ("cascade", "featureType"): featureType = value
        case ("cascade", "width"): width = Int(value)
        case ("cascade", "height"): height = Int(value)
        case (_, "stageThreshold"):
            guard let t = Float(value), !stages.isEmpty else { return fail(name, expected: "a number", found: value) }
            stages[stages.count - 1].threshold = t
        case (_, "internalNodes"):
            let n = numbers(value)
            guard n.count == 4, let f = Int(exactly: n[2]), !stages.isEmpty else {
                return fail(name, expected: "\"left right featureIndex threshold\" of one stump", found: value)
            }
            pendingNode = (f, Float(n[3]))
        case (_, "leafValues"):
            let n = numbers(value)
            guard n.count == 2, let node = pendingNode, !stages.isEmpty else {
                return fail(name, expected: "two leaf values after internalNodes", found: value)
            }
            stages[stages.count - 1].stumps.append(
                HaarCascade.Stump(feature: node.feature, threshold: node.threshold, left: Float(n[0]), right: Float(n[1])))
            pendingNode = nil
        case ("rects", "_"):
            let n = numbers(value)
            guard n.count == 5, !features.isEmpty else { return fail("rects", expected: "\"x y w h weight\"", found: value) }
            features[features.count - 1].append(HaarCascade.WeightedRect(
                x: Int(n[0]), y: Int(n[1]), width: Int(n[2]), height: Int(n[3]), weight: Float(n[4])))
        default: break
        }
    }

    private func numbers(_ s: String) -> [Double] {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).compactMap { Double($0) }
    }

    private func fail(_ key: String, expected: String, found: String) {
        if problem == nil {
            let where_ = "cascade.stages[\(max(0, stages.count - 1))]/features[\(max(0, features.count - 1))]." + key
            problem = Problem(key: where_, expected: expected, found: String(found.prefix(60)))
        }
    }
}
