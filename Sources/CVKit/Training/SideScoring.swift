import Foundation

/// Held-out scoring on a core taken from `SpareCores`, beside training: after each epoch the
/// trainer hands over a copy of the weights and running statistics and goes on with the next
/// epoch; the scores are collected when training ends.
///
/// The same numbers as scoring in line, bit for bit: a second network of the same configuration,
/// given the copied values, runs the same passes over the same chunks (one thread per product,
/// as everywhere). Only without early stopping — with `patience`, the next epoch waits on the
/// score, so there is nothing to run beside it. The epoch records' held-out figures come when
/// `finish` returns, at the end of training (the trainer's `onEpoch` sees those epochs without
/// them). Memory: a second network with a 1,024-row workspace, and at most two
/// copies of the weights.
final class SideScoring: @unchecked Sendable {
    private let spare: SpareCores
    private let network: Network<Float>
    private let queue = DispatchQueue(label: "cvkit.side-scoring")
    private let group = DispatchGroup()
    /// At most two copies of the weights wait or are being scored: when scoring is slower than
    /// an epoch (a held-out part much larger than the training part), training waits for it
    /// instead of piling up a copy per epoch.
    private let inFlight = DispatchSemaphore(value: 2)
    /// By epoch index; written on `queue` only, read after `group.wait()`.
    private var scores: [Int: (loss: Double, correct: Int)] = [:]

    /// nil when no core is free (or the second network cannot be made): score in line.
    init?(_ spare: SpareCores?, config: NetworkConfig) {
        guard let spare, spare.take() else { return nil }
        guard let network = try? Network<Float>(config: config, seed: 0) else {
            spare.give()
            return nil
        }
        self.spare = spare
        self.network = network
    }

    /// Scores `heldOut` with `parameters` and `statistics` (copies, taken now) for epoch `index`.
    func score(_ heldOut: HeldOut, epoch index: Int, parameters: [Float], statistics: [Float]) {
        inFlight.wait()
        queue.async(group: group) { [self] in
            network.parameterValues = parameters
            network.runningStatistics = statistics
            scores[index] = heldOut.evaluate(network)
            inFlight.signal()
        }
    }

    /// Waits for every score, gives the core back, and returns the scores by epoch index.
    func finish() -> [Int: (loss: Double, correct: Int)] {
        group.wait()
        spare.give()
        return scores
    }
}
