import Foundation

/// The instruction sets the CVKit library is compiled for (Package.swift: `-target-cpu haswell`
/// and `-mavx2 -mfma` on x86-64), checked before any of its code runs.
///
/// This target is compiled for the baseline x86-64, so the check itself cannot die on an illegal
/// instruction; on a CPU without AVX2 and FMA (older than Intel Haswell, 2013, or AMD Excavator,
/// 2015) cvkit says so and exits 70 instead of crashing at the first vector instruction.
enum CPURequirement {
    static func check() {
        #if arch(x86_64) && os(Linux)
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let missing = ["avx2", "fma"].filter { !flags.contains($0) }
        guard !missing.isEmpty else { return }
        FileHandle.standardError.write(Data(("cvkit: this build of cvkit needs an x86-64 CPU with AVX2 and FMA (Intel Haswell, AMD Excavator "
            + "or newer); this CPU lacks \(missing.joined(separator: " and ")). Build it for this CPU by removing the x86-64 "
            + "-target-cpu and -mavx2 -mfma flags in Package.swift.\n").utf8))
        exit(70)
        #endif
    }
}
