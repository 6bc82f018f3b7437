import ArgumentParser

/// `--json` and `--quiet` for the commands that are not experiment runs (those have them in
/// `RunOptions`): every command accepts both.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object on stdout instead of the text.")
    var json = false

    @Flag(name: [.customShort("q"), .long], help: "Nothing on stderr but errors (no notes, warnings or progress).")
    var quiet = false
}
