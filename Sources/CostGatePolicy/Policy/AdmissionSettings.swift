/// The policy's `admission:` section: how a scheduler's submission hook (SLURM `job_submit/lua`) uses the gate.
public struct AdmissionSettings: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// A deny rejects the submission with costgate's message.
        case enforce
        /// A deny is told to the submitter, and the job is accepted.
        case warn
        /// Submissions are not priced.
        case off
    }

    /// What happens when costgate cannot decide: the job cannot be priced, or the policy is unusable.
    public enum OnError: String, Sendable, Hashable, CaseIterable {
        /// Fail open: accept, and tell the submitter why nothing was checked.
        case allow
        /// Fail closed: reject with the reason.
        case deny
    }

    public var mode: Mode = .enforce
    public var onError: OnError = .deny

    public init(mode: Mode = .enforce, onError: OnError = .deny) {
        self.mode = mode
        self.onError = onError
    }
}
