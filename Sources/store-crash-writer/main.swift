// store-crash-writer: the victim of the store's crash test. Confirms fixture cases into a store
// forever, printing each case's UUID on stdout only after `confirm` returned (the moment the
// kiosk would show "已受理"). The test kills it with SIGKILL at random points and checks that
// every printed case survived, whole.
//
// Usage: store-crash-writer --db PATH --key PATH --first INDEX
import Foundation
import KioskStore
import KioskStoreTesting
import KioskDomainTesting

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

guard let database = argument("--db"), let key = argument("--key"), let first = argument("--first").flatMap(Int.init) else {
    FileHandle.standardError.write(Data("usage: store-crash-writer --db PATH --key PATH --first INDEX\n".utf8))
    exit(2)
}
do {
    let store = try CaseStore(configuration: StoreConfiguration(databasePath: database, keyFilePath: key,
                                                                reservedPages: 0, reservedDiskBytes: 0))
    var index = first
    while true {
        let filed = CaseFixtures.withBankAccountAndPhoto(index: index)
        try await store.confirm(filed)
        FileHandle.standardOutput.write(Data("\(index) \(filed.id.uuidString)\n".utf8))
        index += 1
    }
} catch {
    FileHandle.standardError.write(Data("store-crash-writer: \(error)\n".utf8))
    exit(2)
}
