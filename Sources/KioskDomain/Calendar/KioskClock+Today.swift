import KioskTime

extension KioskClock {
    /// Today's date in China: the day deadlines, working days and purges are counted from.
    public var today: CivilDate { CivilDate(wallTime) }
}
