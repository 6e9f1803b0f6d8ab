/// Reads a little-endian IEEE half-precision value as `Float`.
@inline(__always)
func loadHalf(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float {
  Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
}

/// Rounds a `Float` to half precision and back, as llama.cpp does where it stores or multiplies in F16.
@inline(__always)
func roundToHalf(_ x: Float) -> Float { Float(Float16(x)) }
