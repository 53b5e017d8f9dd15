import CostGateCore
import Foundation
import NIOCore
import NIOHTTP1
import CostGateRun

/// One HTTPS connection's requests: `POST /validate` (an AdmissionReview), `GET /healthz`, `GET /metrics`.
///
/// A body is collected up to the server's limit and decided on the server's thread pool, so pricing never
/// holds an event loop. Every request gets an answer: a body over the limit is 413 and the connection
/// closes; an unknown path 404, a wrong method 405, a body that is not JSON 415; a connection silent for
/// the idle timeout is closed, so a stalled client cannot hold a slot.
final class AdmissionHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let reviewPath = AdmissionServer.reviewPath

    private enum State {
        case idle
        case receiving(HTTPRequestHead, ByteBuffer)
        /// The rest of a request already answered (over the limit): dropped until the connection closes.
        case discarding
        case deciding
    }

    private let server: AdmissionServer
    private var state = State.idle

    init(server: AdmissionServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .idle):
            let declared = head.headers.first(name: "content-length").flatMap(Int.init)
            if let declared, declared > server.configuration.maxBodyBytes {
                refuseOversized(context: context, head: head)
                return
            }
            var buffer = context.channel.allocator.buffer(capacity: min(declared ?? 16_384, server.configuration.maxBodyBytes))
            buffer.clear()
            state = .receiving(head, buffer)
        case (.body(var chunk), .receiving(let head, var buffer)):
            guard buffer.readableBytes + chunk.readableBytes <= server.configuration.maxBodyBytes else {
                refuseOversized(context: context, head: head)
                return
            }
            state = .deciding   // let go of the buffer's reference while appending, so it is not copied
            buffer.writeBuffer(&chunk)
            state = .receiving(head, buffer)
        case (.end, .receiving(let head, let buffer)):
            state = .deciding
            answer(context: context, head: head, body: buffer)
        case (_, .discarding):
            break
        default:
            // HTTPServerPipelineHandler hands over one request at a time; anything else is a protocol breach.
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // TLS failures and resets end this connection only.
        context.close(promise: nil)
    }

    private func refuseOversized(context: ChannelHandlerContext, head: HTTPRequestHead) {
        state = .discarding
        server.metrics.recordHTTPError(413)
        let limit = server.configuration.maxBodyBytes
        write(context: context, version: head.version, status: .payloadTooLarge, contentType: "text/plain; charset=utf-8",
              body: Array("costgate: the request body is over the limit of \(limit) bytes (--max-body-bytes)\n".utf8), keepAlive: false)
    }

    private func answer(context: ChannelHandlerContext, head: HTTPRequestHead, body: ByteBuffer) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
        switch (path, head.method) {
        case (Self.reviewPath, .POST):
            let contentType = head.headers.first(name: "content-type")?.lowercased()
            if let contentType, !contentType.hasPrefix("application/json") {
                plain(context: context, head: head, status: .unsupportedMediaType,
                      "costgate: expected Content-Type application/json (an AdmissionReview), found '\(contentType)'\n")
                return
            }
            decide(context: context, head: head, body: body)
        case ("/healthz", .GET):
            let status: HTTPResponseStatus = server.isDraining ? .serviceUnavailable : .ok
            write(context: context, version: head.version, status: status, contentType: "text/plain; charset=utf-8",
                  body: Array((server.isDraining ? "draining\n" : "ok\n").utf8), keepAlive: head.isKeepAlive)
        case ("/metrics", .GET):
            write(context: context, version: head.version, status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8",
                  body: Array(server.metrics.exposition().utf8), keepAlive: head.isKeepAlive)
        case (Self.reviewPath, _), ("/healthz", _), ("/metrics", _):
            plain(context: context, head: head, status: .methodNotAllowed, "costgate: \(head.method.rawValue) is not allowed on \(path)\n",
                  allow: path == Self.reviewPath ? "POST" : "GET")
        default:
            plain(context: context, head: head, status: .notFound,
                  "costgate: no such path '\(path)': admission reviews go to POST \(Self.reviewPath)\n")
        }
    }

    private func plain(context: ChannelHandlerContext, head: HTTPRequestHead, status: HTTPResponseStatus, _ text: String, allow: String? = nil) {
        server.metrics.recordHTTPError(Int(status.code))
        write(context: context, version: head.version, status: status, contentType: "text/plain; charset=utf-8",
              body: Array(text.utf8), keepAlive: head.isKeepAlive, allow: allow)
    }

    private func decide(context: ChannelHandlerContext, head: HTTPRequestHead, body: ByteBuffer) {
        let started = DispatchTime.now().uptimeNanoseconds
        let server = self.server
        let bytes = Array(body.readableBytesView)
        server.metrics.begin()
        server.workers.runIfActive(eventLoop: context.eventLoop) { () -> AdmissionOutcome in
            server.admission.review(bytes, now: server.clock())
        }.assumeIsolated().whenComplete { result in
            server.metrics.end()
            let outcome: AdmissionOutcome
            switch result {
            case .success(let decided): outcome = decided
            case .failure:
                // The pool is shutting down: say so rather than leave the request hanging.
                outcome = AdmissionOutcome(result: .invalid, httpStatus: 503, body: Array("costgate: shutting down\n".utf8), log: nil)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            server.metrics.record(outcome, seconds: seconds)
            if let log = outcome.log { server.log("costgate: \(outcome.result.rawValue): \(log)") }
            let status = HTTPResponseStatus(statusCode: outcome.httpStatus)
            let type = outcome.httpStatus == 200 ? "application/json" : "text/plain; charset=utf-8"
            self.write(context: context, version: head.version, status: status, contentType: type, body: outcome.body,
                       keepAlive: head.isKeepAlive && !server.isDraining)
        }
    }

    private func write(context: ChannelHandlerContext, version: HTTPVersion, status: HTTPResponseStatus, contentType: String,
                       body: [UInt8], keepAlive: Bool, allow: String? = nil) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if let allow { headers.add(name: "Allow", value: allow) }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let discarding: Bool
        if case .discarding = state { discarding = true } else { discarding = false }
        if !discarding { state = .idle }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if !keepAlive { context.close(promise: nil) }
        }
    }
}
