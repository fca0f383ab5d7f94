/// The chosen photo, shrunk to a thumbnail the photo screen draws in colour half-blocks: small
/// enough to keep in the state and redraw every frame, big enough to see the face and background.
/// The host makes it from the same bytes the checks looked at (the fixed photo after 调整).
public struct PhotoPreview: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height * 3` bytes, R G B per pixel, row-major.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
