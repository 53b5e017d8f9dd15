/// How a job's `State` (sacct.1 "JOB STATE CODES") counts toward actual spend. Every allocation that
/// ran was billed for its `ElapsedRaw`, however it ended.
package enum SacctJobState: Equatable {
    /// Ended (COMPLETED, FAILED, TIMEOUT, CANCELLED, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, BOOT_FAIL,
    /// DEADLINE, REVOKED, SPECIAL_EXIT): `ElapsedRaw` is final.
    case ended
    /// Still holding its allocation (RUNNING, SUSPENDED, REQUEUED, RESIZING, …): the elapsed time so far
    /// counts, and the next import will count more.
    case active
    /// PENDING: it has not run, so nothing is billed.
    case pending
    /// A state costgate does not know: counted for its `ElapsedRaw`, with a warning.
    case unknown

    package static let endedWords: Set<String> = ["COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "OUT_OF_MEMORY", "NODE_FAIL", "PREEMPTED",
                                     "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT"]
    package static let activeWords: Set<String> = ["RUNNING", "SUSPENDED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "COMPLETING",
                                      "CONFIGURING", "SIGNALING", "STAGE_OUT", "STOPPED", "POWER_UP_NODE", "UPDATE_DB"]

    /// The state word of a `State` field: `CANCELLED by 1042` is CANCELLED; a width-truncation `+` is dropped.
    package static func word(_ field: String) -> String {
        let first = field.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return first.hasSuffix("+") ? String(first.dropLast()) : first
    }

    package init(_ word: String) {
        if word == "PENDING" {
            self = .pending
        } else if Self.endedWords.contains(word) {
            self = .ended
        } else if Self.activeWords.contains(word) {
            self = .active
        } else {
            self = .unknown
        }
    }
}
