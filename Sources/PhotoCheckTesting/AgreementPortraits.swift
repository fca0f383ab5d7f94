import Foundation
import PhotoCheck

/// The grey images on which the face detector is compared with OpenCV: the real portrait of the
/// committed fixture, its face scaled to 12 %–80 % of the image width on ID-photo canvases, with
/// a few variations of background, light, position and mirroring.
///
/// They are made here, not committed: a sweep of face sizes costs no repository space, and
/// `bench-photo agreement-set DIR` writes the same pixels as PGM (lossless, so OpenCV reads
/// exactly what the test detects on) for `scripts/photo/opencv-face-reference.py`. The reference
/// file records a checksum of every image, so a change to this generator (or to the resampling
/// it uses) shows up as "regenerate the reference", not as a detector disagreement.
public enum AgreementPortraits {
    public enum Background: String, Sendable { case white, gradient, texture }

    public struct Spec: Sendable, Equatable {
        public var name: String
        public var width: Int, height: Int
        /// Face box width (OpenCV's box on the source portrait) over image width.
        public var faceFraction: Double
        /// Where the face centre goes, as fractions of width and height.
        public var centre: (x: Double, y: Double)
        public var background: Background = .white
        /// Multiplies every grey level (shadow < 1).
        public var light: Double = 1
        public var mirrored = false
        /// Instead of generating: the grey pixels of `PhotoFixtures.largePortrait()` as the
        /// checker decodes them (a 600×800 photo where OpenCV finds a second box in the hair).
        public var issuePhoto = false

        public init(name: String, width: Int, height: Int, faceFraction: Double, centre: (x: Double, y: Double),
                    background: Background = .white, light: Double = 1, mirrored: Bool = false) {
            self.name = name; self.width = width; self.height = height; self.faceFraction = faceFraction
            self.centre = centre; self.background = background; self.light = light; self.mirrored = mirrored
        }

        public static func == (a: Spec, b: Spec) -> Bool { a.name == b.name }
    }

    /// The set: a dense sweep on the 600×800 canvas of the issue, a sparser one on the 358×441
    /// card-office size and on a landscape frame, and variations at the sizes that matter most.
    public static let specs: [Spec] = {
        var s: [Spec] = []
        for f in [0.12, 0.15, 0.18, 0.22, 0.26, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80] {
            s.append(Spec(name: "p600x800-f\(percent(f))", width: 600, height: 800, faceFraction: f, centre: (0.5, 0.42)))
        }
        for f in [0.12, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80] {
            s.append(Spec(name: "p358x441-f\(percent(f))", width: 358, height: 441, faceFraction: f, centre: (0.5, 0.45)))
        }
        for f in [0.12, 0.25, 0.45, 0.70] {
            s.append(Spec(name: "l640x480-f\(percent(f))", width: 640, height: 480, faceFraction: f, centre: (0.5, 0.5)))
        }
        for f in [0.16, 0.33, 0.60] {
            s.append(Spec(name: "p600x800-f\(percent(f))-gradient", width: 600, height: 800, faceFraction: f,
                          centre: (0.5, 0.42), background: .gradient))
            s.append(Spec(name: "p600x800-f\(percent(f))-texture", width: 600, height: 800, faceFraction: f,
                          centre: (0.5, 0.42), background: .texture))
        }
        s.append(Spec(name: "p600x800-f24-left", width: 600, height: 800, faceFraction: 0.24, centre: (0.3, 0.3)))
        s.append(Spec(name: "p600x800-f40-mirror", width: 600, height: 800, faceFraction: 0.40, centre: (0.55, 0.45), mirrored: true))
        s.append(Spec(name: "p600x800-f60-shadow", width: 600, height: 800, faceFraction: 0.60, centre: (0.5, 0.42), light: 0.55))
        var issue = Spec(name: "issue-600x800-f62", width: 600, height: 800, faceFraction: 0.62, centre: (0.5, 0.4))
        issue.issuePhoto = true
        s.append(issue)
        s.append(Spec(name: "p358x441-f50-shadow-texture", width: 358, height: 441, faceFraction: 0.50,
                      centre: (0.5, 0.45), background: .texture, light: 0.7))
        return s
    }()

    private static func percent(_ f: Double) -> String { String(Int((f * 100).rounded())) }

    /// OpenCV's face box on the committed portrait (scaleFactor 1.1, minNeighbors 3).
    static let sourceFace = (centreX: 177.5, centreY: 236.5, width: 207.0)

    /// The grey image for `spec`, made from the committed portrait.
    public static func image(_ spec: Spec) throws -> GrayImage {
        if spec.issuePhoto { return try TurboJPEG.decodeRGB(PhotoFixtures.largePortrait()).luma() }
        return image(spec, portrait: try PhotoFixtures.astronaut())
    }

    public static func image(_ spec: Spec, portrait: RGBImage) -> GrayImage {
        let scale = spec.faceFraction * Double(spec.width) / sourceFace.width
        let sw = max(1, Int((Double(portrait.width) * scale).rounded()))
        let sh = max(1, Int((Double(portrait.height) * scale).rounded()))
        var grey = portrait.resized(width: sw, height: sh).luma()
        if spec.mirrored { grey = mirrored(grey) }
        let faceX = spec.mirrored ? Double(sw) - sourceFace.centreX * scale : sourceFace.centreX * scale
        let left = Int((spec.centre.x * Double(spec.width) - faceX).rounded())
        let top = Int((spec.centre.y * Double(spec.height) - sourceFace.centreY * scale).rounded())
        var out = [UInt8](repeating: 0, count: spec.width * spec.height)
        for y in 0..<spec.height {
            for x in 0..<spec.width {
                // A shadow falls on the person fully and on the wall behind by half.
                let back = Double(background(spec.background, x: x, y: y, width: spec.width, height: spec.height))
                    * (0.5 + spec.light / 2)
                let sx = x - left, sy = y - top
                var v = back
                if sx >= 0, sy >= 0, sx < sw, sy < sh {
                    // The portrait's backdrop is white: blend it into the canvas by its whiteness.
                    let p = Double(grey.pixels[sy * sw + sx])
                    let a = max(0, p - 200) / 55
                    v = p * spec.light * (1 - a) + back * a
                }
                out[y * spec.width + x] = UInt8(max(0, min(255, v.rounded())))
            }
        }
        return GrayImage(width: spec.width, height: spec.height, pixels: out)
    }

    private static func mirrored(_ g: GrayImage) -> GrayImage {
        var p = g.pixels
        for y in 0..<g.height {
            for x in 0..<g.width { p[y * g.width + x] = g.pixels[y * g.width + g.width - 1 - x] }
        }
        return GrayImage(width: g.width, height: g.height, pixels: p)
    }

    /// A plain wall, a vertical light fall-off, or a patterned wall (deterministic, no RNG state).
    private static func background(_ b: Background, x: Int, y: Int, width: Int, height: Int) -> Int {
        switch b {
        case .white: return 255
        case .gradient: return 225 - 90 * y / max(1, height - 1)
        case .texture:
            var h = UInt32(truncatingIfNeeded: x &* 73_856_093 ^ y &* 19_349_663)
            h = (h ^ (h >> 13)) &* 0x5bd1_e995
            let noise = Int(h >> 27) - 16                                  // −16…15
            let stripes = ((x / 9 + y / 13) % 2 == 0) ? 12 : -12
            return 170 + noise + stripes
        }
    }

    /// Order-dependent checksum of the pixels (a sum and an index-weighted sum, 64-bit wrapping),
    /// the same arithmetic the reference script uses with NumPy.
    public static func checksum(_ g: GrayImage) -> String {
        var s1: UInt64 = 0, s2: UInt64 = 0
        for (i, p) in g.pixels.enumerated() {
            s1 &+= UInt64(p)
            s2 &+= UInt64(p) &* UInt64(i + 1)
        }
        return "\(s1):\(s2)"
    }

    /// Binary PGM (P5), which OpenCV and every image tool read losslessly.
    public static func pgm(_ g: GrayImage) -> Data {
        var d = Data("P5\n\(g.width) \(g.height)\n255\n".utf8)
        d.append(contentsOf: g.pixels)
        return d
    }

    /// Writes every image as `<name>.pgm` into `directory`.
    public static func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portrait = try PhotoFixtures.astronaut()
        return try specs.map { spec in
            let url = directory.appendingPathComponent(spec.name + ".pgm")
            let gray = spec.issuePhoto ? try image(spec) : image(spec, portrait: portrait)
            try pgm(gray).write(to: url)
            return url
        }
    }
}
