import Foundation

/// The learning curves one diagnosis reads, made safe to index.
///
/// Training stops at the first non-finite loss, so the curves are cut there: `trainLoss` holds
/// the finite prefix and `nonFiniteEpoch` the epoch (from 1) that broke it. The other curves are
/// cut or padded to the same length; a missing or non-finite value reads as nil, so held-out
/// curves may be empty (no held-out part) or have holes.
struct DiagnosisCurves {
    let trainLoss: [Double]
    let trainAccuracy: [Double]
    let heldOutLoss: [Double]
    let heldOutAccuracy: [Double]
    let nonFiniteEpoch: Int?
    let classCount: Int
    let baselineAccuracy: Double
    let divergedRuns: Int
    let runs: Int

    init(trainLoss: [Double], trainAccuracy: [Double], heldOutLoss: [Double], heldOutAccuracy: [Double],
         classCount: Int, baselineAccuracy: Double, divergedRuns: Int, runs: Int) {
        let cut = trainLoss.firstIndex { !$0.isFinite }
        let count = cut ?? trainLoss.count
        func fit(_ values: [Double]) -> [Double] {
            Array(values.prefix(count)) + Array(repeating: .nan, count: max(0, count - values.count))
        }
        self.trainLoss = Array(trainLoss.prefix(count))
        self.trainAccuracy = fit(trainAccuracy)
        self.heldOutLoss = fit(heldOutLoss)
        self.heldOutAccuracy = fit(heldOutAccuracy)
        nonFiniteEpoch = cut.map { $0 + 1 }
        self.classCount = max(classCount, 2)
        self.baselineAccuracy = baselineAccuracy.isFinite ? min(max(baselineAccuracy, 0), 1) : 0
        self.divergedRuns = max(divergedRuns, 0)
        self.runs = max(runs, 0)
    }

    /// Epochs with a finite training loss.
    var epochs: Int { trainLoss.count }

    /// ln C: the loss of a uniform guess, where a sound initialization starts. The scale for
    /// "large" loss changes, so that thresholds mean the same for 2 classes and for 10.
    var chanceLoss: Double { log(Double(classCount)) }

    /// The value at `index` when it exists and is finite.
    static func value(_ values: [Double], _ index: Int) -> Double? {
        values.indices.contains(index) && values[index].isFinite ? values[index] : nil
    }

    /// The last epoch index where both curves have a finite value.
    static func lastShared(_ a: [Double], _ b: [Double]) -> Int? {
        (0..<min(a.count, b.count)).last { a[$0].isFinite && b[$0].isFinite }
    }

    /// "over 20 epochs", "over 1 epoch".
    var span: String { epochs == 1 ? "over 1 epoch" : "over \(epochs) epochs" }
}
