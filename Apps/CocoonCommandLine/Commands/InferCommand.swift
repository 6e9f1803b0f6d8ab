public import ArgumentParser
import CocoonCore
import CocoonNode
public import CocoonRuntime
import CocoonConfig
import Foundation
import Logging

/// `infer`: runs one prompt through the configured compute plugin (any plugin, built-in or third-party) and prints
/// only the generated text. (`generate` runs a GGUF file directly on the CPU engine.)
public struct InferCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Generate text from a prompt with the configured compute plugin and model (no network).")

  @OptionGroup public var options: SharedOptions

  @Option(help: "The prompt text.")
  public var prompt: String

  @Option(help: "A model name from node.models (default: the first one).")
  public var model: String?

  @Option(help: "The most tokens to generate.")
  public var maxTokens: Int = 64

  @Option(help: "0 for greedy decoding.")
  public var temperature: Double = 0

  @Option(help: "Random seed; the same seed gives the same text.")
  public var seed: UInt64?

  public init() {}

  public func validate() throws {
    guard maxTokens > 0 else { throw ValidationError("--max-tokens must be at least 1") }
    guard temperature >= 0 else { throw ValidationError("--temperature must be 0 or more") }
  }

  public func run(plugins: PluginRegistry) async throws {
    CocoonLogging.bootstrap(level: try options.level())
    let logger = Logger(label: "cocoon.node.generate")
    let loaded = try options.load()
    guard let node = loaded.configuration.node else {
      throw CocoonError(.configMissingKey, "\(loaded.path) has no 'node:' section; generate uses node.compute and node.models")
    }
    let specs = NodeSettings.modelSpecs(node, baseDirectory: loaded.directory)
    guard let spec = model.map({ name in specs.first { $0.name.rawValue == name } }) ?? specs.first else {
      let names = specs.map(\.name.rawValue).joined(separator: ", ")
      throw CocoonError(.unknownModel, "no model '\(model ?? "")' in node.models; configured: \(names.isEmpty ? "none" : names)")
    }
    let context = PluginContext(
      role: .node, logger: logger, baseDirectory: loaded.directory, insecureAllowed: loaded.configuration.network.insecure)
    let backend = try await plugins.makeCompute(node.compute, context: context)
    let loadedModel = try await ModelLoaderService.load(spec, backend: backend, logger: logger)
    var sampling = SamplingParameters()
    sampling.temperature = temperature
    sampling.seed = seed
    let request = GenerationRequest(model: spec.name, input: .prompt(prompt), maxTokens: maxTokens, sampling: sampling)
    for try await event in loadedModel.generate(request) {
      if case .delta(let text) = event {
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    }
    FileHandle.standardOutput.write(Data("\n".utf8))
  }
}
