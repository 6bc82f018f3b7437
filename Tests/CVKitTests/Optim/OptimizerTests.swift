import Foundation
import Testing
@testable import CVKit

@Suite struct OptimizerTests {
    func run(_ optimizer: inout some Optimizer, start: [Float], gradients: [[Float]], lr: Float) -> [Float] {
        var parameters = start
        for g in gradients {
            parameters.withUnsafeMutableBufferPointer { p in
                g.withUnsafeBufferPointer { optimizer.step(parameters: p, gradients: $0, learningRate: lr) }
            }
        }
        return parameters
    }

    @Test func sgd() {
        var sgd = SGD()
        #expect(run(&sgd, start: [1, 2], gradients: [[0.5, -1]], lr: 0.1) == [0.95, 2.1])
    }

    @Test func momentumAccumulatesVelocity() {
        var momentum = Momentum(count: 1)
        // v1 = 1, θ = 1 − 0.1; v2 = 0.9 + 1 = 1.9, θ = 0.9 − 0.19.
        let result = run(&momentum, start: [1], gradients: [[1], [1]], lr: 0.1)
        #expect(abs(result[0] - 0.71) < 1e-6)
    }

    @Test func rmspropNormalizesByRootMeanSquare() {
        var rmsprop = RMSprop(count: 1)
        // s = 0.01 · 4 = 0.04, step = lr · 2 / 0.2 = 10 lr.
        let result = run(&rmsprop, start: [0], gradients: [[2]], lr: 0.01)
        #expect(abs(result[0] + 0.1) < 1e-5)
    }

    /// With bias correction the first Adam step is lr · sign(g) whatever the gradient's size.
    @Test func adamFirstStepIsLearningRateTimesSign() {
        var adam = Adam(count: 3)
        let result = run(&adam, start: [0, 0, 0], gradients: [[1e-3, -50, 2]], lr: 0.01)
        for (value, expected) in zip(result, [Float(-0.01), 0.01, -0.01]) { #expect(abs(value - expected) < 1e-6) }
    }

    /// Adam against the formula, written out in Double, over steps with changing gradients.
    @Test func adamMatchesTheFormula() {
        var adam = Adam(count: 1)
        let gradients: [Float] = [0.3, -0.1, 0.5, 0.2, -0.4]
        let result = run(&adam, start: [1], gradients: gradients.map { [$0] }, lr: 0.05)
        var m = 0.0, v = 0.0, theta = 1.0
        for (t, g) in gradients.enumerated() {
            let g = Double(g)
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            let mHat = m / (1 - pow(0.9, Double(t + 1))), vHat = v / (1 - pow(0.999, Double(t + 1)))
            theta -= 0.05 * mHat / (vHat.squareRoot() + 1e-8)
        }
        #expect(abs(Double(result[0]) - theta) < 1e-5)
    }

    /// The vectorized kernels (C, CKernels) give bit for bit the scalar Float formulas, in the
    /// vector body and the tail alike (1,003 values), step after step.
    @Test func adamAndRMSpropKernelsMatchScalarFloatCode() {
        var random = RandomSource(seed: 11)
        let count = 1003
        let start = (0..<count).map { _ in Float(random.nextGaussian()) }
        let gradients = (0..<20).map { step in (0..<count).map { _ in Float(random.nextGaussian() * pow(10, Double(step % 5) - 2)) } }
        var adam = Adam(count: count)
        let fast = run(&adam, start: start, gradients: gradients, lr: 0.003)
        var p = start, m = [Float](repeating: 0, count: count), v = m
        for (t, g) in gradients.enumerated() {
            // As Adam does: powers of the Float β's, in Double.
            let c1 = Float(1 - pow(Double(Float(0.9)), Double(t + 1))), c2 = Float(1 - pow(Double(Float(0.999)), Double(t + 1)))
            let stepSize: Float = 0.003 / c1, root = c2.squareRoot()
            for i in 0..<count {
                m[i] = 0.9 * m[i] + (1 - 0.9) * g[i]
                v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i]
                p[i] -= stepSize * m[i] / (v[i].squareRoot() / root + 1e-8)
            }
        }
        #expect(zip(fast, p).filter { $0.bitPattern != $1.bitPattern }.count == 0)

        var rmsprop = RMSprop(count: count)
        let fastRMS = run(&rmsprop, start: start, gradients: gradients, lr: 0.003)
        var q = start, s = [Float](repeating: 0, count: count)
        for g in gradients {
            for i in 0..<count {
                s[i] = 0.99 * s[i] + (1 - 0.99) * g[i] * g[i]
                q[i] -= 0.003 * g[i] / (s[i].squareRoot() + 1e-8)
            }
        }
        #expect(zip(fastRMS, q).filter { $0.bitPattern != $1.bitPattern }.count == 0)
    }

    @Test func schedules() throws {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 7) == 0.1)
        #expect(LearningRateSchedule.step(every: 10, factor: 0.5).rate(base: 0.1, epoch: 25) == 0.025)
        #expect(abs(LearningRateSchedule.exponential(rate: 0.9).rate(base: 1, epoch: 2) - 0.81) < 1e-12)
        #expect(LearningRateSchedule.inverseTime(decay: 0.5).rate(base: 1, epoch: 2) == 0.5)
        #expect(try LearningRateSchedule(parsing: "step:10:0.5") == .step(every: 10, factor: 0.5))
        #expect(try LearningRateSchedule(parsing: "exp:0.95") == .exponential(rate: 0.95))
        #expect(try LearningRateSchedule(parsing: "inv:0.1") == .inverseTime(decay: 0.1))
        #expect(try LearningRateSchedule(parsing: "none") == .constant)
        for bad in ["", "step:0:0.5", "step:10", "exp:2", "inv:-1", "cosine", "none:3"] {
            #expect(throws: CVKitError.self) { try LearningRateSchedule(parsing: bad) }
        }
    }
}
