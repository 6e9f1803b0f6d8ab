/// A model a node offers, as it announces it to a coordinator: the name clients ask for, the SHA-256 of the weights
/// it loaded (the registry pins it) and the context it can hold.
public struct ServedModel: Sendable, Hashable {
  public var name: String
  /// Lower-case hex; empty when the node does not know it.
  public var weightsSHA256: String
  /// Tokens of prompt plus completion.
  public var contextLength: Int

  public init(name: String, weightsSHA256: String = "", contextLength: Int = 0) {
    self.name = name
    self.weightsSHA256 = weightsSHA256
    self.contextLength = contextLength
  }
}
