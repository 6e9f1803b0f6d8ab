import CocoonCore
import NIOCore
import Synchronization

/// Sits in a connection's pipeline and holds the outcome of the RA-TLS verification of its peer, so that the
/// frame-level identification can read who the peer is (or why it was refused) once TLS is up. Data passes through.
final class RATLSPeerOutcome: ChannelInboundHandler, Sendable {
  /// Passes everything through unchanged.
  typealias InboundIn = ByteBuffer

  private let outcome = Mutex<Result<RATLSVerifiedPeer, CocoonError>?>(nil)

  func record(_ result: Result<RATLSVerifiedPeer, CocoonError>) {
    outcome.withLock { $0 = result }
  }

  var result: Result<RATLSVerifiedPeer, CocoonError>? { outcome.withLock { $0 } }
}
