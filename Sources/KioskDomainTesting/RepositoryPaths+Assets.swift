import KioskDomain
import TestSupport

extension RepositoryPaths {
    /// The checkout's real `Assets/`: tests read the files the programs ship, never a copy.
    public static var assets: AssetDirectory { AssetDirectory(root: root.appendingPathComponent("Assets")) }
}
