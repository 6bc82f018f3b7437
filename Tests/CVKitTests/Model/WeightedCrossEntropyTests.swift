import Foundation
import Testing
@testable import CVKit

/// The class-weighted loss is PyTorch's `CrossEntropyLoss(weight=w)` (reduction "mean"):
/// Σ w_y · (−log p_y) / Σ w_y, and its gradient is the derivative of that.
@Suite struct WeightedCrossEntropyTests {
    @Test func forwardIsTheWeightedMeanAndBackwardItsDerivative() {
        let batch = 5, classes = 3
        var logits: [Double] = [0.3, -1.2, 2.0, 1.1, 0.0, -0.4, -0.7, 0.9, 0.2, 2.2, -1.0, 0.5, 0.0, 0.1, -0.1]
        let labels: [Int32] = [2, 0, 1, 0, 1]
        let weights: [Double] = [0.5, 2.0, 1.25]
        func loss(_ z: [Double]) -> Double {
            var p = [Double](repeating: 0, count: batch * classes)
            return z.withUnsafeBufferPointer { z in p.withUnsafeMutableBufferPointer { p in labels.withUnsafeBufferPointer { y in weights.withUnsafeBufferPointer { w in
                SoftmaxCrossEntropy.forward(probabilities: p.baseAddress!, logits: z.baseAddress!, labels: y.baseAddress!, batch: batch, classes: classes,
                                            weights: w.baseAddress!)
            } } } }
        }
        // By hand: −log softmax, weighted.
        var total = 0.0, weightSum = 0.0
        for row in 0..<batch {
            let z = Array(logits[row * classes..<(row + 1) * classes])
            let logSum = log(z.map(exp).reduce(0, +))
            total += weights[Int(labels[row])] * (logSum - z[Int(labels[row])])
            weightSum += weights[Int(labels[row])]
        }
        #expect(abs(loss(logits) - total / weightSum) < 1e-12)
        // The gradient against central differences.
        var p = [Double](repeating: 0, count: batch * classes), d = p
        _ = loss(logits)
        logits.withUnsafeBufferPointer { z in p.withUnsafeMutableBufferPointer { pp in labels.withUnsafeBufferPointer { y in weights.withUnsafeBufferPointer { w in
            _ = SoftmaxCrossEntropy.forward(probabilities: pp.baseAddress!, logits: z.baseAddress!, labels: y.baseAddress!, batch: batch, classes: classes, weights: w.baseAddress!)
            d.withUnsafeMutableBufferPointer { dd in
                SoftmaxCrossEntropy.backward(dLogits: dd.baseAddress!, probabilities: pp.baseAddress!, labels: y.baseAddress!, batch: batch, classes: classes, weights: w.baseAddress!)
            }
        } } } }
        for i in logits.indices {
            let h = 1e-6
            logits[i] += h
            let up = loss(logits)
            logits[i] -= 2 * h
            let down = loss(logits)
            logits[i] += h
            #expect(abs((up - down) / (2 * h) - d[i]) < 1e-7, "logit \(i)")
        }
    }

    /// scikit-learn's `compute_class_weight("balanced")`: n / (C · n_c).
    @Test func balancedWeights() {
        let labels: [Int32] = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2]
        let expected: [Double] = [10.0 / 18, 10.0 / 6, 10.0 / 6]
        let weights = ClassWeight.balanced.weights(labels: labels, classCount: 3)
        #expect(weights == expected)
        #expect(ClassWeight.none.weights(labels: labels, classCount: 3) == nil)
    }

    /// On a 6 % minority with signal, balanced weights lift balanced accuracy well above 0.5.
    @Test func balancedWeightsFindTheMinority() throws {
        var random = RandomSource(seed: 4)
        let rows = (0..<600).map { row -> String in
            let minority = row % 50 < 3
            let x = Float(random.nextGaussian()) + (minority ? 1.5 : 0), y = Float(random.nextGaussian())
            return "\(x),\(y),\(minority ? "churn" : "stay")"
        }
        let data = try CSVLoader.load(text: "x,y,label\n" + rows.joined(separator: "\n") + "\n")
        var cv = CrossValidation(k: 5, seed: 2)
        cv.training = TrainingOptions(epochs: 30, classWeight: .balanced)
        let weighted = try cv.run(data)
        cv.training.classWeight = nil
        let plain = try cv.run(data)
        let w = try #require(weighted.summary.balancedAccuracy.pooled), p = try #require(plain.summary.balancedAccuracy.pooled)
        let lift: Double = w - p
        #expect(w > 0.7, "balanced accuracy weighted \(w), unweighted \(p)")
        #expect(lift > 0.1, "balanced accuracy weighted \(w), unweighted \(p)")
        #expect(weighted.commandLine.contains("--class-weight balanced") && !plain.commandLine.contains("--class-weight"))
    }
}
