import CocoonCore
import NIOCore
import Synchronization

/// Sits in a connection's pipeline and holds the outcome of the RA-TLS verification of its peer, so that the
/// frame-level identification can read who the peer is (or why it was refused) once TLS is up. Data passes through.
final class RATLSPeerOutcome: ChannelInboundHandler, Sendable {
  /// Passes everything through unchanged.
  typealias InboundIn = ByteBuffer

  private struct State {
    var result: Result<RATLSVerifiedPeer, CocoonError>?
    var firstError: String?
    var remote: String?
  }

  private let state = Mutex(State())

  func record(_ result: Result<RATLSVerifiedPeer, CocoonError>) {
    state.withLock { $0.result = result }
  }

  /// The verification's outcome, nil until the peer's certificate was checked.
  var result: Result<RATLSVerifiedPeer, CocoonError>? { state.withLock { $0.result } }
  /// The first error the pipeline saw (a TLS failure), kept even if the channel closed before anyone read it.
  var firstError: String? { state.withLock { $0.firstError } }
  /// The peer's address, kept from when the handler was added.
  var remote: String? { state.withLock { $0.remote } }

  func handlerAdded(context: ChannelHandlerContext) {
    let remote = context.channel.remoteAddress?.description
    state.withLock { $0.remote = remote }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    let text = "\(error)"
    state.withLock { $0.firstError = $0.firstError ?? text }
    context.fireErrorCaught(error)
  }
}

/// A listener's outcomes for connections not identified yet, by channel; the identification takes them out (the
/// pipeline may already be torn down by then when the handshake failed).
final class RATLSPendingOutcomes: Sendable {
  private let outcomes = Mutex<[ObjectIdentifier: RATLSPeerOutcome]>([:])

  func insert(_ outcome: RATLSPeerOutcome, for channel: any Channel) {
    outcomes.withLock { $0[ObjectIdentifier(channel)] = outcome }
  }

  func take(for channel: any Channel) -> RATLSPeerOutcome? {
    outcomes.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
  }
}
