// Measures BoC parse + hash throughput of the TON module on the cross-check corpus.
// Usage: ton-bench CORPUS_FILE SECONDS   (CORPUS_FILE: one base64 BoC per line)
import Foundation
import TON

let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
  FileHandle.standardError.write(Data("usage: ton-bench CORPUS_FILE [SECONDS]\n".utf8))
  exit(2)
}
let seconds = arguments.count >= 3 ? Double(arguments[2]) ?? 3 : 3
let corpus = text.split(separator: "\n").compactMap { ByteEncoding.bytes(base64: $0) }
var cells = 0
var rounds = 0
var checksum: UInt8 = 0
let start = Date()
while Date().timeIntervalSince(start) < seconds {
  for boc in corpus {
    let roots = try BagOfCells.deserialize(boc)
    // Every cell's hashes are computed while parsing; count the cells of the bag.
    checksum ^= roots[0].hash[0]
  }
  rounds += 1
}
let elapsed = Date().timeIntervalSince(start)
var perRound = 0
for boc in corpus {
  let size = Int(boc[4] & 7)
  var count = 0
  for index in 0..<size { count = count << 8 | Int(boc[6 + index]) }
  perRound += count
}
cells = perRound * rounds
print(String(format: "swift %.0f cells/s (%d cells in %.2f s, checksum %d)", Double(cells) / elapsed, cells, elapsed, Int(checksum)))
