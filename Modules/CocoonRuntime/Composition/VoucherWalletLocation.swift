public import CocoonConfig
public import CocoonCore

/// Where a role keeps the vouchers its coordinators gave it: `.cocoon/vouchers/<role>.json` beside the config
/// (the role's process writes it; `cocoon-client balance` and `cocoon-node earnings | payout` read it).
public enum VoucherWalletLocation {
  /// The default path relative to the config file's folder.
  public static func relativePath(for role: Role) -> String { ".cocoon/vouchers/\(role).json" }

  /// `path` (default: ``relativePath(for:)``) resolved against the config file's folder.
  public static func resolve(_ path: String?, role: Role, in loaded: LoadedConfiguration) -> String {
    let path = path ?? relativePath(for: role)
    return path.hasPrefix("/") ? path : loaded.directory + "/" + path
  }
}
