import Foundation

/// SIGINT (Ctrl-C), SIGTERM (a scheduler's stop, `kill`) or SIGHUP (the terminal closed): stop at
/// once with the shell's convention, 128 + the signal number — 130, 143, 129.
///
/// Nothing needs cleaning up: every journal line is one `write` + `fsync` and every report file is
/// written under a temporary name and renamed, so whatever the moment, the journal holds whole
/// tasks (`--resume` continues from them) and no report file is half-written. The handler only
/// calls async-signal-safe functions (`write`, `_exit`).
enum Interrupt {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// What the handler prints: the default suits a run with a journal; `run-task`, which has none,
    /// sets its own. Kept as a C string made before any signal, so the handler only reads it.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar> =
        strdup("\ncvkit: interrupted; finished tasks are in the journal: rerun with --resume to continue\n")

    /// Replaces the interruption message (call before work starts).
    static func setMessage(_ text: String) { message = strdup(text) }

    static func install() {
        for number in signals { signal(number, handler) }
        // A parent may start us with these signals blocked (a thread pool's mask is inherited):
        // unblock them, or Ctrl-C would wait until the run ends.
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        let text = Interrupt.message
        _ = write(STDERR_FILENO, text, strlen(text))
        _exit(128 + number)
    }
}
