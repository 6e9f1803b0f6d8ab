/// The checksums used by TON serialization formats.
public enum Checksums {
  private static let crc32cTable: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = (value & 1) != 0 ? (value >> 1) ^ 0x82F6_3B78 : value >> 1 }
    return value
  }

  private static let crc16Table: [UInt16] = (0..<256).map { index in
    var value = UInt16(index) << 8
    for _ in 0..<8 { value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1 }
    return value
  }

  /// CRC-32C (Castagnoli), as appended to a bag of cells.
  public static func crc32c<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = crc32cTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }

  /// CRC-16/XMODEM, as used by user-friendly addresses and method ids.
  public static func crc16<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
    var crc: UInt16 = 0
    for byte in bytes { crc = (crc << 8) ^ crc16Table[Int(((crc >> 8) ^ UInt16(byte)) & 0xFF)] }
    return crc
  }
}
