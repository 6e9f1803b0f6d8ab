import BigInt
import CocoonCore
import Foundation
import TON
import TONCenter
import TONEmulator

/// Reads the chain through TON Center: account states, get-methods (decoded to TVM values) and the transaction a
/// given message caused.
struct TONChainReader: Sendable {
  let center: TONCenterClient

  /// Whether the account has code (is deployed).
  func isActive(_ address: Address) async throws -> Bool {
    try await call { try await center.addressInformation(address).state == "active" }
  }

  /// Runs a get-method and returns its stack (bottom first).
  /// - Throws: ``CocoonError`` `.unavailable` when the method fails.
  func get(_ address: Address, _ method: String) async throws -> [TVMValue] {
    let result = try await call { try await center.runGetMethod(address, method: method) }
    guard result.exitCode == 0 || result.exitCode == 1 else {
      throw CocoonError(.unavailable, "get-method \(method) on \(address.raw) failed with exit code \(result.exitCode)")
    }
    return try result.stack.map(Self.value)
  }

  /// The balance in nanoTON.
  func balance(_ address: Address) async throws -> BigUInt { try await call { try await center.balance(address) } }

  /// The recent transaction of `address` whose inbound message has hash `messageHash`, if any.
  func transaction(on address: Address, inbound messageHash: [UInt8], limit: Int = 40) async throws -> TransactionInfo?
  {
    let recent = try await call { try await center.transactions(address, limit: limit) }
    for entry in recent {
      let info = try TransactionInfo(cell: try Cell.fromBoC(entry.data))
      if info.inMessage?.hash == messageHash { return info }
    }
    return nil
  }

  /// Runs a TON Center call, turning its failures into ``CocoonError``s.
  func call<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as TONCenterError {
      throw CocoonError(.unavailable, "TON Center: \(error.reason)")
    } catch let error as TONError {
      throw CocoonError(.unavailable, "TON: \(error.reason)")
    }
  }

  /// A TON Center stack entry: `["num", "0x…"]`, `["cell" | "slice" | "builder", base64]`, `["null", ""]`.
  static func value(_ entry: [String]) throws -> TVMValue {
    guard let type = entry.first else { throw CocoonError(.unavailable, "an empty get-method stack entry") }
    let text = entry.count > 1 ? entry[1] : ""
    switch type {
    case "num", "int":
      let negative = text.hasPrefix("-")
      let digits = negative ? String(text.dropFirst()) : text
      let parsed = digits.hasPrefix("0x") ? BigInt(String(digits.dropFirst(2)), radix: 16) : BigInt(digits, radix: 10)
      guard let number = parsed else { throw CocoonError(.unavailable, "get-method number '\(text)' is not a number") }
      return .int(negative ? -number : number)
    // Public TON Center renders slices as "cell" too; as a slice, a value still reads as a cell (`cellValue`) and
    // also as an address.
    case "cell", "tvm.Cell", "slice", "tvm.Slice": return .slice(try Cell.fromBoC(text))
    case "builder": return .builder(try Cell.fromBoC(text))
    case "null": return .null
    default: throw CocoonError(.unavailable, "get-method stack entry of type '\(type)' is not understood")
    }
  }
}
