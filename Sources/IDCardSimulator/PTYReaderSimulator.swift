import Foundation
import Glibc
import CPTY
import IDCardReader

/// Serves a `SAMReaderEngine` on a pseudo-terminal, so the host opens the slave path exactly as
/// it opens `/dev/ttyUSB0` and every byte crosses a real tty in raw mode.
///
/// With wire-time emulation on, each answer's bytes are released no faster than a UART at the
/// configured baud would deliver them (10 bits per byte, 8N1), after the command's own wire time
/// and the SAM's processing delay; `60 xx` switches the emulated speed. `stop()` closes the
/// master side, which the host sees as an unplugged reader (EIO / hang-up).
public final class PTYReaderSimulator: @unchecked Sendable {
    public let engine: SAMReaderEngine
    /// The path the host opens: a link to the pty made for this simulator alone
    /// (`idcard-sim-XXXXXX/tty` in the temporary directory), removed by `stop()`. Hosts are never given `/dev/pts/N` itself: the kernel
    /// hands that number to the next pty opened after this one closes, and a host still
    /// reconnecting to a stopped simulator would then find, and talk to, someone else's line.
    public let devicePath: String
    /// The pty itself, e.g. `/dev/pts/7`, for diagnostics.
    public let ptyPath: String
    public let wireTime: Bool

    private let master: Int32
    private let slave: Int32
    private let lock = NSLock()
    private var baud: Int
    private var stopping = false
    private var closed = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private let started = ContinuousClock.now // clock-exempt: the traffic log's times are real time
    private var traffic: [String] = []
    /// Called with each traffic-log line as it is written (on the simulator's thread), for a
    /// technician watching the line live (`kioskctl reader simulate --traffic`).
    private let watcher: (@Sendable (String) -> Void)?

    public init(engine: SAMReaderEngine, baud: Int = 115_200, wireTime: Bool = true,
                watcher: (@Sendable (String) -> Void)? = nil) throws(TransportError) {
        self.engine = engine
        self.watcher = watcher
        self.baud = baud
        self.wireTime = wireTime
        var m: Int32 = -1
        var s: Int32 = -1
        guard openpty(&m, &s, nil, nil, nil) == 0 else {
            throw .cannotOpen(device: "pty", reason: String(cString: strerror(errno)))
        }
        var name = [CChar](repeating: 0, count: 128)
        guard ttyname_r(s, &name, name.count) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(m)
            Glibc.close(s)
            throw .cannotOpen(device: "pty", reason: reason)
        }
        ptyPath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            devicePath = try PTYReaderSimulator.makeLink(to: ptyPath)
        } catch {
            Glibc.close(m)
            Glibc.close(s)
            throw error
        }
        // Holding the slave open keeps the master readable while the host opens and closes the
        // line; raw mode at once so nothing the host sends is echoed or translated.
        _ = fcntl(m, F_SETFD, FD_CLOEXEC)
        _ = fcntl(s, F_SETFD, FD_CLOEXEC)
        var tio = termios()
        tcgetattr(s, &tio)
        SerialPort.makeRaw(&tio)
        tcsetattr(s, TCSANOW, &tio)
        _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
        master = m
        slave = s
    }

    deinit { stop() }

    /// Starts serving on a thread of its own (blocking poll, precise pacing).
    public func start() {
        lock.withLock {
            guard thread == nil else { return }
            let t = Thread { [self] in
                serve()
                finished.signal()
            }
            t.name = "pty-reader-simulator"
            thread = t
            t.start()
        }
    }

    /// Stops serving and closes the pty: the host's next read fails as on an unplug.
    public func stop() {
        let wasRunning: Bool = lock.withLock {
            stopping = true
            return thread != nil
        }
        if wasRunning {
            finished.wait()
            finished.signal() // let any other caller of stop() through too
        }
        // Close exactly once: a second close could hit descriptors reused by another pty.
        // The link goes first, so a host reconnecting from now on gets ENOENT, never the
        // pty number's next owner.
        lock.withLock {
            thread = nil
            guard !closed else { return }
            closed = true
            PTYReaderSimulator.removeLink(devicePath)
            Glibc.close(master)
            Glibc.close(slave)
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    /// A fresh directory of our own (mkdtemp, mode 0700) holding one symlink, `tty`, to the pty.
    private static func makeLink(to pty: String) throws(TransportError) -> String {
        let base = NSTemporaryDirectory()
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("idcard-sim-XXXXXX".utf8CString)
        guard let dir = mkdtemp(&template) else {
            throw .cannotOpen(device: "pty", reason: "mkdtemp in \(base): \(String(cString: strerror(errno)))")
        }
        let link = String(cString: dir) + "/tty"
        guard symlink(pty, link) == 0 else {
            let reason = String(cString: strerror(errno))
            rmdir(dir)
            throw .cannotOpen(device: "pty", reason: "symlink \(link): \(reason)")
        }
        return link
    }

    private static func removeLink(_ link: String) {
        unlink(link)
        rmdir(String(link.dropLast("/tty".count)))
    }

    /// The line's last exchanges, oldest first ("+0.412 s ← 7 bytes", "+0.414 s → 11 bytes"):
    /// when a host says the reader did not answer, this tells whether the command arrived and
    /// when the answer went out. Holds no card data, only sizes and times.
    public var trafficLog: [String] { lock.withLock { traffic } }

    private func note(_ event: String) {
        let elapsed = ContinuousClock.now - started // clock-exempt: the traffic log's times are real time
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(format: "+%.3f s ", seconds) + event
        lock.withLock {
            traffic.append(line)
            if traffic.count > 64 { traffic.removeFirst(traffic.count - 64) }
        }
        watcher?(line)
    }

    /// Seconds a byte occupies the line: start bit, 8 data bits, stop bit.
    public static func byteTime(baud: Int) -> Duration { .nanoseconds(Int64(10_000_000_000 / Int64(baud))) }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 512)
        let schedule = ThreadSchedule()
        while !isStopping {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let before = schedule?.sample()
            let asked = ContinuousClock.now // clock-exempt: the traffic log's times are real time
            let r = poll(&pfd, 1, 10)
            // A poll of 10 ms that returns much later means this thread was late: the log says
            // so, and whether it waited for a CPU or was held elsewhere, so a late answer can be
            // told from a late delivery by the pty.
            let took = ContinuousClock.now - asked // clock-exempt: the traffic log's times are real time
            if took > .milliseconds(250) { note(lateness(took, before: before, after: schedule?.sample())) }
            guard r > 0, pfd.revents & Int16(POLLIN) != 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard n > 0 else { continue }
            note("← \(n) bytes")
            let arrived = ContinuousClock.now // clock-exempt: emulated wire time is real time
            let replies = engine.receive(buffer[0..<n])
            // The command finished arriving one wire time after its first byte on a real line.
            var ready = arrived + (wireTime ? PTYReaderSimulator.byteTime(baud: currentBaud) * n : .zero)
            for reply in replies {
                ready = max(ready, ContinuousClock.now) + reply.processing // clock-exempt: emulated wire time is real time
                ready = send(reply.frame, notBefore: ready)
                note("→ \(reply.frame.count) bytes")
                if let newBaud = reply.newBaud { lock.withLock { baud = newBaud } }
            }
        }
    }

    private func lateness(_ took: Duration, before: (running: UInt64, waiting: UInt64)?,
                          after: (running: UInt64, waiting: UInt64)?) -> String {
        var text = "simulator thread late: poll(10 ms) took \(Int(took / .milliseconds(1))) ms"
        if let before, let after {
            text += "; waited for a CPU \((after.waiting - before.waiting) / 1_000_000) ms, ran \((after.running - before.running) / 1_000_000) ms"
        }
        return text + "; nice \(ThreadSchedule.nice)"
    }

    private var currentBaud: Int { lock.withLock { baud } }

    /// Writes `frame` starting at `start`, each 16-byte chunk released when a UART would have
    /// finished sending it; returns when the last byte is out.
    private func send(_ frame: [UInt8], notBefore start: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let perByte = wireTime ? PTYReaderSimulator.byteTime(baud: currentBaud) : .zero
        var offset = 0
        var due = start
        sleep(until: start)
        while offset < frame.count, !isStopping {
            let end = min(frame.count, offset + (wireTime ? 16 : frame.count))
            due = start + perByte * end
            sleep(until: due)
            var chunk = offset
            while chunk < end, !isStopping {
                let w = frame[chunk..<end].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                if w > 0 { chunk += w; continue }
                if errno == EAGAIN || errno == EINTR {
                    var pfd = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&pfd, 1, 10)
                    continue
                }
                return ContinuousClock.now // clock-exempt: emulated wire time is real time
            }
            offset = end
        }
        return max(due, ContinuousClock.now) // clock-exempt: a device I/O deadline is real time
    }

    private func sleep(until deadline: ContinuousClock.Instant) {
        (deadline - ContinuousClock.now).sleepBlocking() // clock-exempt: a device I/O deadline is real time
    }
}
