import TON
import TONEmulator
import Testing

@Suite("Emulator library loading")
struct EmulatorLibraryTests {
  @Test("a missing library is a clear error naming the fetch script")
  func missingLibrary() throws {
    do {
      _ = try EmulatorLibrary(path: "/nonexistent/libemulator.so")
      Issue.record("loading a missing library succeeded")
    } catch let error as TONError {
      #expect(error.code == .emulatorUnavailable)
      #expect(error.reason.contains("Tools/fetch-ton-emulator"))
      #expect(error.reason.contains(EmulatorLibrary.environmentVariable))
    }
  }

  @Test("get-method ids are CRC16-XMODEM of the name with 0x10000")
  func methodIDs() {
    #expect(TVMEmulator.methodID("seqno") == 85143)
    #expect(TVMEmulator.methodID("get_public_key") == 78748)
  }
}
