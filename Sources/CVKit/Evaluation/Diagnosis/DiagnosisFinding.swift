/// One thing the learning curves say, in words a user can act on.
///
/// `rule` is a stable id for programs: `slow-start`, `loss-not-falling`, `loss-rising`,
/// `loss-oscillating`, `overfitting`, `underfitting` or `healthy` (see `Diagnosis` for when each
/// fires). `verdict` is one plain sentence saying what the curves look like; `evidence` gives the
/// numbers that triggered the rule, with fixed precision so reports repeat byte for byte, and
/// ends without a full stop; `advice` says what to try next.
public struct DiagnosisFinding: Sendable, Equatable, Codable {
    public var rule: String
    public var verdict: String
    public var evidence: String
    public var advice: String

    public init(rule: String, verdict: String, evidence: String, advice: String) {
        self.rule = rule
        self.verdict = verdict
        self.evidence = evidence
        self.advice = advice
    }
}
