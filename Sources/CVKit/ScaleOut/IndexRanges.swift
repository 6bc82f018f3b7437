/// Task indices written the way job-array engines take them: sorted, consecutive runs collapsed,
/// `0-3,7,9-10` (Slurm's `--array=`, PBS's `-J`, a shell's `seq`).
public enum IndexRanges {
    public static func format(_ indices: [Int]) -> String {
        let sorted = Array(Set(indices)).sorted()
        var parts: [String] = []
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == start ? String(sorted[start]) : "\(sorted[start])-\(sorted[end])")
            start = end + 1
        }
        return parts.joined(separator: ",")
    }
}
