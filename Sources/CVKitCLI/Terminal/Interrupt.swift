import Foundation

/// Ctrl-C (SIGINT) or SIGTERM: stop at once with exit status 130 (128 + SIGINT, as shells report).
///
/// Nothing needs cleaning up: every journal line is one `write` + `fsync` and every report file is
/// written under a temporary name and renamed, so whatever the moment, the journal holds whole
/// tasks (`--resume` continues from them) and no report file is half-written. The handler only
/// calls async-signal-safe functions (`write`, `_exit`).
enum Interrupt {
    static func install() {
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may start us with these signals blocked (a thread pool's mask is inherited):
        // unblock them, or Ctrl-C would wait until the run ends.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        let message = "\ncvkit: interrupted; finished tasks are in the journal: rerun with --resume to continue\n"
        message.utf8CString.withUnsafeBufferPointer { text in
            _ = write(STDERR_FILENO, text.baseAddress, text.count - 1)
        }
        _exit(130)
    }
}
