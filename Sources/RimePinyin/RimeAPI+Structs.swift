import CRime

/// librime's versioned structs announce their own size (RIME_STRUCT_INIT in C).
extension RimeContext {
    static func sized() -> RimeContext {
        var value = RimeContext()
        value.data_size = onestop_rime_data_size(Int32(MemoryLayout<RimeContext>.size))
        return value
    }
}

extension RimeCommit {
    static func sized() -> RimeCommit {
        var value = RimeCommit()
        value.data_size = onestop_rime_data_size(Int32(MemoryLayout<RimeCommit>.size))
        return value
    }
}

extension RimeTraits {
    static func sized() -> RimeTraits {
        var value = RimeTraits()
        value.data_size = onestop_rime_data_size(Int32(MemoryLayout<RimeTraits>.size))
        return value
    }
}
