import Foundation

// `cvkit-fuzz`: two builds of one entry point, `FuzzTarget.run`.
//
// - With `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address` (scripts/fuzz): libFuzzer drives
//   `run` through `LLVMFuzzerRunDriver`; the arguments are libFuzzer's (corpus folders, -max_len=…).
// - Plain `swift build`: a replayer. `cvkit-fuzz FILE|FOLDER…` runs each file (a fuzz input: selector
//   byte, then the CSV) through the same `run` and prints what the loader said, to reproduce a crash
//   from Tests/Fuzz/crashes/ in a normal (or debugger) build without the sanitizer runtime.

#if FUZZING
/// libFuzzer's entry for programs that keep their own `main` (compiler-rt FuzzerDriver.cpp).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments) { data, size in
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
})
#else
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty || arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
    print("""
        usage: cvkit-fuzz FILE|FOLDER…
        Replays fuzz inputs (byte 0 selects the CSV options, the rest is the file) through the fuzz
        target's checks, one after another; a finding traps. Folders are replayed file by file.
        scripts/fuzz builds the libFuzzer version of this program.
        """)
    exit(arguments.isEmpty ? 64 : 0)
}
var files: [String] = []
for argument in arguments {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        files += names.sorted().map { "\(argument)/\($0)" }
    } else {
        files.append(argument)
    }
}
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("cvkit-fuzz: cannot read \(file)\n".utf8))
        exit(66)
    }
    let selector = data.first ?? 0
    print("\(file): \(data.count) bytes, selector 0x\(String(selector, radix: 16)): \(FuzzTarget.describe(data))")
    _ = data.withUnsafeBytes { FuzzTarget.run($0) }
}
print("replayed \(files.count) input\(files.count == 1 ? "" : "s"): no finding")
#endif
