/// Every delay of the flow, in one table, each with why it has that length.
public struct KioskDelays: Sendable, Equatable {
    /// No touch for this long on an ordinary screen: ask whether the veteran is still there.
    /// 90 s: long enough to read a screen of materials, short enough that a walked-away
    /// veteran's data is not left on the glass for the next person in the queue.
    public var idle: Duration = .seconds(90)
    /// On the form people look for papers and type slowly: twice as long.
    public var formIdle: Duration = .seconds(180)
    /// The warning's countdown before the wipe (seconds): time to tap "继续办理".
    public var warningSeconds = 20
    /// How long the "读卡成功" / "已保存" confirmations stay before the next screen.
    public var confirmation: Duration = .milliseconds(1500)
    /// How long the outcome waits for the central answer before showing the local reference with
    /// "已保存，网络恢复后自动提交" (the case is safe in the store either way).
    public var submitPatience: Duration = .seconds(5)
    /// The take-card screen returns home this long after the card left (or at once with no card).
    public var farewell: Duration = .seconds(3)
    /// The home screen's clock.
    public var tick: Duration = .seconds(15)
    /// Technician mode with no touch for this long returns home: a technician called away must
    /// not leave the mode open for the next passer-by.
    public var technicianIdle: Duration = .seconds(120)
    /// The hidden gesture's taps must fall within this window: five quick taps are deliberate,
    /// five taps spread over a minute are a fidgeting hand.
    public var gestureWindow: Duration = .seconds(3)

    public init() {}
}
