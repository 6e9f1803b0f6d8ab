import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON in and out of the API: request bodies decoded with errors that name the field, responses encoded compactly.
enum JSONCoding {
  /// Decodes a request body.
  /// - Throws: ``OpenAIError`` (400) saying which field is missing, null or of the wrong type.
  static func decode<Body: Decodable>(_ type: Body.Type, from buffer: ByteBuffer) throws(OpenAIError) -> Body {
    guard buffer.readableBytes > 0 else {
      throw .invalidRequest("the request body is empty; send a JSON object with Content-Type: application/json")
    }
    do {
      return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
    } catch let error as OpenAIError {
      throw error
    } catch let error as DecodingError {
      throw describe(error)
    } catch {
      throw .invalidRequest("the request body could not be read as JSON")
    }
  }

  /// Encodes a response object.
  /// - Throws: ``OpenAIError`` (500 `server_error`) when it has no JSON form (a non-finite number, say).
  static func encode(_ value: some Encodable) throws(OpenAIError) -> ByteBuffer {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    do {
      return ByteBuffer(bytes: try encoder.encode(value))
    } catch {
      throw OpenAIError(
        status: .internalServerError, message: "the response could not be encoded as JSON: \(error)",
        type: "server_error")
    }
  }

  /// A JSON response with the given status.
  /// - Throws: ``OpenAIError`` (500) when `value` has no JSON form.
  static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws(OpenAIError) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: try encode(value)))
  }

  private static func describe(_ error: DecodingError) -> OpenAIError {
    switch error {
    case .keyNotFound(let key, let context):
      let path = fieldPath(context.codingPath + [key])
      return .invalidRequest("missing required field '\(path)'", param: path)
    case .valueNotFound(_, let context):
      let path = fieldPath(context.codingPath)
      return .invalidRequest("field '\(path)' must not be null", param: path)
    case .typeMismatch(_, let context):
      let path = fieldPath(context.codingPath)
      return .invalidRequest("field '\(path)' has the wrong type: \(context.debugDescription)", param: path)
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return .invalidRequest("the request body is not valid JSON")
    case .dataCorrupted(let context):
      let path = fieldPath(context.codingPath)
      return .invalidRequest("field '\(path)' is invalid: \(context.debugDescription)", param: path)
    @unknown default:
      return .invalidRequest("the request body does not match the expected shape")
    }
  }

  /// `messages[0].content`-style path of a coding path.
  static func fieldPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text.isEmpty ? "(body)" : text
  }
}
