import Foundation

/// The bytes a `Decimal` is stored in: two decimals compare equal here only when they are the same
/// value in the same stored form, which is what "Foundation's Decimal bit for bit" means in the tests.
public func storedBytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
