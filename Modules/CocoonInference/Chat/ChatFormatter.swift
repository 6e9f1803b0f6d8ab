/// A chat message for ``ChatFormatter``.
public struct ChatTurn: Sendable, Hashable {
  public var role: String
  public var content: String

  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

/// Formats chat messages into a prompt for the model's family: Gemma turns, Llama 3 headers, ChatML
/// (Qwen, SmolLM), or Llama 2 `[INST]`. The family is recognised from the file's chat template metadata
/// (`tokenizer.chat_template`) and special tokens; the text ends where the assistant's answer begins.
public struct ChatFormatter: Sendable {
  public enum Style: Sendable { case gemma, llama3, chatML, llama2 }

  public let style: Style
  let bos: String

  /// Recognises the chat style of `file` (its `tokenizer.chat_template`, else the special tokens of `tokenizer`).
  public init(file: GGUFFile, tokenizer: Tokenizer) {
    let template = file.metadata["tokenizer.chat_template"]?.stringValue ?? ""
    func has(_ piece: String) -> Bool { tokenizer.ids[TokenBytes(piece)] != nil }
    if template.contains("<start_of_turn>") || (template.isEmpty && has("<start_of_turn>")) {
      style = .gemma
    } else if template.contains("<|start_header_id|>") || (template.isEmpty && has("<|start_header_id|>")) {
      style = .llama3
    } else if template.contains("<|im_start|>") || (template.isEmpty && has("<|im_start|>")) {
      style = .chatML
    } else {
      style = .llama2
    }
    bos = ""  // the tokenizer adds BOS itself when the model asks for it
  }

  /// The prompt text for `messages` (parse it with special tokens enabled).
  public func format(_ messages: [ChatTurn]) -> String {
    var out = bos
    switch style {
    case .gemma:
      // Gemma has no system role: a system message is prefixed to the first user turn.
      var system: String?
      for m in messages {
        if m.role == "system" {
          system = m.content
          continue
        }
        let role = m.role == "assistant" ? "model" : "user"
        var content = m.content
        if let s = system, role == "user" {
          content = s + "\n\n" + content
          system = nil
        }
        out += "<start_of_turn>\(role)\n\(content.trimmingWhitespace())<end_of_turn>\n"
      }
      out += "<start_of_turn>model\n"
    case .llama3:
      for m in messages {
        out += "<|start_header_id|>\(m.role)<|end_header_id|>\n\n\(m.content.trimmingWhitespace())<|eot_id|>"
      }
      out += "<|start_header_id|>assistant<|end_header_id|>\n\n"
    case .chatML:
      for m in messages { out += "<|im_start|>\(m.role)\n\(m.content)<|im_end|>\n" }
      out += "<|im_start|>assistant\n"
    case .llama2:
      var system = ""
      for m in messages {
        switch m.role {
        case "system": system = "<<SYS>>\n\(m.content)\n<</SYS>>\n\n"
        case "assistant": out += " \(m.content) </s>"
        default:
          out += "[INST] \(system)\(m.content) [/INST]"
          system = ""
        }
      }
    }
    return out
  }
}

extension String {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
