import Glibc


/// A reader on a serial line (USB-serial adapter or pseudo-terminal): raw mode, 8N1, no flow
/// control, 115200 baud unless the model descriptor says otherwise.
///
/// Opened non-blocking with an exclusive `flock`, so a second program (or a second reader actor)
/// cannot interleave commands on the same line; timeouts come from poll(2).
public final class SerialPort: SAMTransport {
    public let label: String
    private var fd: Int32

    public init(path: String, baud: Int = 115_200) throws(TransportError) {
        label = path
        guard let speed = SerialPort.speed(for: baud) else {
            throw .cannotOpen(device: path, reason: "unsupported baud rate \(baud)")
        }
        fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(device: path, reason: SerialPort.errnoText()) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno == EWOULDBLOCK ? "in use by another program" : SerialPort.errnoText()
            Glibc.close(fd)
            throw .cannotOpen(device: path, reason: reason)
        }
        var tio = termios()
        guard tcgetattr(fd, &tio) == 0 else {
            let reason = "not a terminal (\(SerialPort.errnoText()))"
            Glibc.close(fd)
            throw .cannotOpen(device: path, reason: reason)
        }
        SerialPort.makeRaw(&tio)
        cfsetispeed(&tio, speed)
        cfsetospeed(&tio, speed)
        guard tcsetattr(fd, TCSANOW, &tio) == 0 else {
            let reason = "tcsetattr: \(SerialPort.errnoText())"
            Glibc.close(fd)
            throw .cannotOpen(device: path, reason: reason)
        }
        tcflush(fd, TCIOFLUSH)
    }

    deinit { close() }

    /// cfmakeraw plus 8N1, receiver on, modem lines ignored, no hardware or software flow control;
    /// reads return at once (VMIN = VTIME = 0) because poll(2) does the waiting.
    public static func makeRaw(_ tio: inout termios) {
        cfmakeraw(&tio)
        tio.c_cflag &= ~(tcflag_t(PARENB) | tcflag_t(CSTOPB) | tcflag_t(CSIZE) | tcflag_t(CRTSCTS))
        tio.c_cflag |= tcflag_t(CS8) | tcflag_t(CREAD) | tcflag_t(CLOCAL)
        tio.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
        withUnsafeMutableBytes(of: &tio.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
    }

    public func send(frame: [UInt8], timeout: Duration) throws(TransportError) {
        guard fd >= 0 else { throw .closed }
        let deadline = ContinuousClock.now + timeout // clock-exempt: a device I/O deadline is real time
        var offset = 0
        while offset < frame.count {
            let n = frame[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            let err = errno
            if n < 0, err == EINTR { continue }
            if n < 0, err == EAGAIN {
                let remaining = deadline - ContinuousClock.now // clock-exempt: a device I/O deadline is real time
                guard remaining > .zero else { throw .io("write timed out after \(offset) of \(frame.count) bytes") }
                _ = try waitFor(Int16(POLLOUT), timeout: remaining)
                continue
            }
            throw SerialPort.classify(err, during: "write")
        }
    }

    public func receive(timeout: Duration) throws(TransportError) -> [UInt8] {
        guard fd >= 0 else { throw .closed }
        guard try waitFor(Int16(POLLIN), timeout: timeout) else { return [] }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { return Array(buffer[0..<n]) }
            if n == 0 { throw .disconnected("end of file on \(label)") }
            let err = errno
            if err == EINTR { continue }
            if err == EAGAIN { return [] }
            throw SerialPort.classify(err, during: "read")
        }
    }

    public func discardPendingInput() {
        if fd >= 0 { tcflush(fd, TCIFLUSH) }
    }

    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    /// Waits for `events`; false on timeout. A hang-up or error on the line is a disconnect.
    private func waitFor(_ events: Int16, timeout: Duration) throws(TransportError) -> Bool {
        let deadline = ContinuousClock.now + timeout // clock-exempt: a device I/O deadline is real time
        while true {
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let remaining = max(.zero, deadline - ContinuousClock.now) // clock-exempt: a device I/O deadline is real time
            let r = poll(&pfd, 1, remaining.clampedMilliseconds)
            if r < 0 {
                if errno == EINTR { continue }
                throw SerialPort.classify(errno, during: "poll")
            }
            if r == 0 { return false }
            if pfd.revents & events != 0 { return true }
            if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                throw .disconnected("hang-up on \(label)")
            }
        }
    }

    static func classify(_ err: Int32, during op: String) -> TransportError {
        switch err {
        case EIO, ENXIO, ENODEV, EBADF: .disconnected("\(op): \(String(cString: strerror(err)))")
        default: .io("\(op): \(String(cString: strerror(err)))")
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// termios speed constants for the rates a SAM UART supports.
    public static func speed(for baud: Int) -> speed_t? {
        switch baud {
        case 9600: speed_t(B9600)
        case 19_200: speed_t(B19200)
        case 38_400: speed_t(B38400)
        case 57_600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        default: nil
        }
    }
}
