import BigInt
import TON
import TONEmulator
import Testing

@testable import CocoonPaymentTON

@Suite("Get-method stacks as TON Center sends them")
struct StackDecodingTests {
  @Test("numbers in hex or decimal, negative too; a cell entry still reads as an address (public TON Center)")
  func entries() throws {
    #expect(try TONChainReader.value(["num", "-0x10"]) == .int(-16))
    #expect(try TONChainReader.value(["num", "42"]) == .int(42))
    #expect(try TONChainReader.value(["null", ""]) == .null)
    let address = try Address(workchain: 0, hash: [UInt8](repeating: 0x5A, count: 32))
    var builder = CellBuilder()
    try builder.storeAddress(address)
    let boc = try builder.endCell().toBoCBase64()
    for type in ["cell", "slice", "tvm.Slice"] {
      #expect(try TONChainReader.value([type, boc]).address == address)
    }
    #expect(throws: (any Error).self) { try TONChainReader.value(["tuple", "1"]) }
  }
}
