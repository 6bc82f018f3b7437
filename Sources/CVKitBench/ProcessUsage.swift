import Foundation

/// CPU time and peak memory of this process, from `getrusage`.
enum ProcessUsage {
    #if os(Linux)
    private static let me = RUSAGE_SELF.rawValue
    #else
    private static let me = RUSAGE_SELF
    #endif

    /// User + system CPU time of the process so far, in seconds (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(me, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's peak resident set size so far, in bytes (Linux reports KiB, macOS bytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(me, &usage)
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
