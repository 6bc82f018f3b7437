import Foundation

/// Cores that a run's workers have left idle, lent to tasks still training.
///
/// A run trains its tasks on `--jobs` workers; a worker that finds no task left gives its core
/// here (`give`), and a task still training may take it (`take`) to score its held-out rows beside
/// its next epoch (`Trainer.spareCores`). The last wave of a run leaves such cores: 5 folds on 2
/// cores train 2, 2, then 1 at a time. Lending changes no number — the scoring is the same
/// computation on a copy of the same weights wherever it runs — and never runs more than `--jobs`
/// threads of work at once.
public final class SpareCores: @unchecked Sendable {
    private let lock = NSLock()
    private var free = 0
    /// How many times a core was taken (for tests).
    private(set) var taken = 0

    public init() {}

    /// One more idle core (a worker with no task left).
    public func give() {
        lock.lock()
        free += 1
        lock.unlock()
    }

    /// Takes an idle core when there is one.
    public func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard free > 0 else { return false }
        free -= 1
        taken += 1
        return true
    }
}
