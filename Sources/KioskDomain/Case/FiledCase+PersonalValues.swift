extension FiledCase {
    /// The case's personal values as text (name, ID number, phone, address and every personal
    /// field): what a scrubber must find and hide when server text or an error echoes them.
    public var personalValues: [String] {
        [applicant.name, applicant.idNumber, applicant.phone, applicant.address].compactMap { $0 }
            + fields.filter(\.personal).map(\.value)
    }
}
