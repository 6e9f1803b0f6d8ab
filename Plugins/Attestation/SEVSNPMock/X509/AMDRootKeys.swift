import Foundation
import CocoonCore

/// AMD's root keys (ARK), pinned by the SHA-256 of their SubjectPublicKeyInfo DER.
///
/// Milan: "ARK-Milan" (valid 2020–2045), Genoa: "ARK-Genoa" (valid 2022–2047), as served by AMD's KDS at
/// https://kdsintf.amd.com/vcek/v1/{Milan,Genoa}/cert_chain.
enum AMDRootKeys {
  static let milan = Data(hexString: "9f056bee44377e29308cb5ffa895bdfb62d18881fa6bed8d6f075b0204089cb9")!
  static let genoa = Data(hexString: "429a69c9422aa258ee4d8db5fcda9c6470ef15f8cd5a9cebd6cbc7d90b863831")!
  static let all: Set<Data> = [milan, genoa]
}
