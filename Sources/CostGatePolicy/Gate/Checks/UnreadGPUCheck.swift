import CostGateBasics

/// `unread-gpu`: a document that requests accelerators costgate does not read, at the level the
/// policy's `unread:` says (a deny softened to a warning when the whole policy is in showback).
package enum UnreadGPUCheck {
    package static let id = Diagnostic.unreadGPURule

    package static func finding(_ diagnostic: Diagnostic, policy: Policy) -> Finding {
        Violation(id, policy.unread == .deny ? .deny : .warn, diagnostic.message, at: diagnostic.location)
            .finding(workload: nil, team: nil, enforcement: policy.enforcement, exceptions: [])
    }
}
