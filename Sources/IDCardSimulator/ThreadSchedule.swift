import Glibc

/// The calling thread's scheduler accounting from `/proc/thread-self/schedstat`, read through
/// one descriptor the thread keeps: how long it ran and how long it waited runnable for a CPU.
/// When the simulator's thread is late, this tells a thread starved of CPU (the wait grew by
/// the lateness) from one held in the kernel (it did not), so a late answer in a test's
/// traffic log says which it was.
final class ThreadSchedule {
    private let descriptor: Int32

    /// Opens the calling thread's own file; nil where the kernel has none (no schedstats).
    init?() {
        let fd = open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Nanoseconds on a CPU and waiting for one, or nil when the file cannot be read.
    func sample() -> (running: UInt64, waiting: UInt64)? {
        var buffer = [UInt8](repeating: 0, count: 96)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Self.parse(buffer[0..<n])
    }

    /// The first two numbers of a schedstat line (`"<ran ns> <waited ns> <slices>\n"`); nil for
    /// anything else.
    static func parse(_ bytes: some Collection<UInt8>) -> (running: UInt64, waiting: UInt64)? {
        let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let running = UInt64(fields[0]), let waiting = UInt64(fields[1]) else { return nil }
        return (running, waiting)
    }

    /// The calling thread's nice value (threads inherit it from the thread that made them; on
    /// Linux `PRIO_PROCESS` with 0 names the calling thread).
    static var nice: Int32 {
        errno = 0
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    }
}
