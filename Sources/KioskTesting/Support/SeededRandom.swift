import KioskDomain

/// The tests' deterministic generator is the product's own (`KioskDomain.SeededRandom`), so a
/// test importing only KioskTesting still finds it under this name.
public typealias SeededRandom = KioskDomain.SeededRandom
