import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A PCCS stand-in on 127.0.0.1 for tests: fixed answers by path, and a log of the requests it served.
final class LoopbackPCCS: Sendable {
  struct Answer: Sendable {
    var body: [UInt8]
    var headers: [String: String] = [:]
  }

  final class State: Sendable {
    let answers: [String: Answer]
    let requests = Mutex<[String]>([])
    init(answers: [String: Answer]) { self.answers = answers }
  }

  let state: State
  let group: MultiThreadedEventLoopGroup
  let channel: any Channel

  var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }
  var requests: [String] { state.requests.withLock { $0 } }

  init(answers: [String: Answer]) async throws {
    let state = State(answers: answers)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    self.state = state
    self.group = group
    channel = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(Handler(state: state))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
  }

  func shutdown() async throws {
    try await channel.close()
    try await group.shutdownGracefully()
  }

  final class Handler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let state: State

    init(state: State) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      guard case .head(let head) = unwrapInboundIn(data) else { return }
      state.requests.withLock { $0.append(head.uri) }
      let path = String(head.uri.split(separator: "?").first ?? "")
      let answer = state.answers[path]
      var headers = HTTPHeaders()
      for (name, value) in answer?.headers ?? [:] { headers.add(name: name, value: value) }
      let body = answer?.body ?? Array("not found".utf8)
      headers.add(name: "Content-Length", value: "\(body.count)")
      let status: HTTPResponseStatus = answer == nil ? .notFound : .ok
      context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
  }
}
