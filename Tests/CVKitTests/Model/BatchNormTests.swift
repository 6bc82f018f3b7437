import Testing
@testable import CVKit

@Suite struct BatchNormTests {
    /// torch.nn.BatchNorm1d(4): forward, backward, running statistics after two steps, eval output.
    @Test func matchesPyTorchBatchNorm1d() throws {
        let ref = try Reference("bn_reference")
        let batch = 8, features = 4
        var x = ref.values("x").map(Float.init), gamma = ref.values("gamma").map(Float.init), beta = ref.values("beta").map(Float.init)
        var out = [Float](repeating: 0, count: batch * features), normalized = out
        var mean = [Float](repeating: 0, count: features), inverseStd = mean
        var runningMean = [Float](repeating: 0, count: features), runningVariance = [Float](repeating: 1, count: features)
        BatchNorm.forwardTraining(out: &out, normalized: &normalized, mean: &mean, inverseStd: &inverseStd, x: &x, gamma: &gamma, beta: &beta,
                                  runningMean: &runningMean, runningVariance: &runningVariance, updateRunning: true, batch: batch, features: features)
        #expect(maxAbsoluteDifference(out, ref.values("out")) < 1e-4)
        #expect(maxAbsoluteDifference(runningMean, ref.values("running_mean_after_step1")) < 1e-4)
        #expect(maxAbsoluteDifference(runningVariance, ref.values("running_var_after_step1")) < 1e-4)

        var dOut = ref.values("dout").map(Float.init), dX = [Float](repeating: 0, count: batch * features)
        var dGamma = [Float](repeating: 0, count: features), dBeta = dGamma
        BatchNorm.backward(dX: &dX, dGamma: &dGamma, dBeta: &dBeta, dOut: &dOut, normalized: &normalized, inverseStd: &inverseStd,
                           gamma: &gamma, scratch: &mean, batch: batch, features: features)
        #expect(maxAbsoluteDifference(dX, ref.values("dx")) < 1e-4)
        #expect(maxAbsoluteDifference(dGamma, ref.values("dgamma")) < 1e-4)
        #expect(maxAbsoluteDifference(dBeta, ref.values("dbeta")) < 1e-4)

        var x2 = ref.values("x2").map(Float.init)
        BatchNorm.forwardTraining(out: &out, normalized: &normalized, mean: &mean, inverseStd: &inverseStd, x: &x2, gamma: &gamma, beta: &beta,
                                  runningMean: &runningMean, runningVariance: &runningVariance, updateRunning: true, batch: batch, features: features)
        #expect(maxAbsoluteDifference(runningMean, ref.values("running_mean_after_step2")) < 1e-4)
        #expect(maxAbsoluteDifference(runningVariance, ref.values("running_var_after_step2")) < 1e-4)

        var xEval = ref.values("x_eval").map(Float.init), outEval = [Float](repeating: 0, count: 3 * features)
        var scratch = [Float](repeating: 0, count: features)
        BatchNorm.forwardInference(out: &outEval, x: &xEval, gamma: &gamma, beta: &beta, runningMean: &runningMean,
                                   runningVariance: &runningVariance, scratch: &scratch, batch: 3, features: features)
        #expect(maxAbsoluteDifference(outEval, ref.values("out_eval")) < 1e-4)
    }

    /// Training-mode output has per-feature batch mean 0 and biased variance ≈ 1 when γ = 1, β = 0.
    @Test func normalizesEachFeature() {
        var random = RandomSource(seed: 4)
        let batch = 32, features = 5
        var x = (0..<batch * features).map { Double($0 % features) * 10 + random.nextGaussian() * Double($0 % features + 1) }
        var gamma = [Double](repeating: 1, count: features), beta = [Double](repeating: 0, count: features)
        var out = [Double](repeating: 0, count: batch * features), normalized = out
        var mean = [Double](repeating: 0, count: features), inverseStd = mean, rm = mean, rv = mean
        BatchNorm.forwardTraining(out: &out, normalized: &normalized, mean: &mean, inverseStd: &inverseStd, x: &x, gamma: &gamma, beta: &beta,
                                  runningMean: &rm, runningVariance: &rv, updateRunning: false, batch: batch, features: features)
        for j in 0..<features {
            let column = (0..<batch).map { out[$0 * features + j] }
            let m = column.reduce(0, +) / Double(batch)
            let v = column.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(batch)
            #expect(abs(m) < 1e-12 && abs(v - 1) < 1e-3)
        }
        #expect(rm == [0, 0, 0, 0, 0])
    }

    /// The ReLU fused into BatchNorm gives bit for bit BatchNorm then `ReLU`'s own passes, forward
    /// (training and inference) and backward.
    @Test func fusedReLUEqualsSeparatePasses() {
        var random = RandomSource(seed: 21)
        let batch = 13, features = 11
        let x = (0..<batch * features).map { _ in Float(random.nextGaussian() * 2) }
        let gamma = (0..<features).map { _ in Float(random.nextGaussian()) }, beta = (0..<features).map { _ in Float(random.nextGaussian()) }
        let dOut = (0..<batch * features).map { _ in Float(random.nextGaussian()) }
        func forward(rectify: Bool) -> (out: [Float], normalized: [Float], inverseStd: [Float], running: [Float]) {
            var out = [Float](repeating: 0, count: batch * features), normalized = out
            var mean = [Float](repeating: 0, count: features), inverseStd = mean, runningMean = mean
            var runningVariance = [Float](repeating: 1, count: features)
            BatchNorm.forwardTraining(out: &out, normalized: &normalized, mean: &mean, inverseStd: &inverseStd, x: x, gamma: gamma, beta: beta,
                                      runningMean: &runningMean, runningVariance: &runningVariance, updateRunning: true,
                                      batch: batch, features: features, rectify: rectify)
            if !rectify { ReLU.forward(&out, count: out.count) }
            return (out, normalized, inverseStd, runningMean + runningVariance)
        }
        let fused = forward(rectify: true), separate = forward(rectify: false)
        #expect(fused.out.map(\.bitPattern) == separate.out.map(\.bitPattern))
        #expect(fused.running.map(\.bitPattern) == separate.running.map(\.bitPattern))
        #expect(fused.out.contains(0) && fused.out.contains { $0 > 0 })

        var scratch = [Float](repeating: 0, count: features)
        var dXFused = [Float](repeating: 0, count: batch * features), dGammaFused = scratch, dBetaFused = scratch
        BatchNorm.backward(dX: &dXFused, dGamma: &dGammaFused, dBeta: &dBetaFused, dOut: dOut, normalized: fused.normalized,
                           inverseStd: fused.inverseStd, gamma: gamma, scratch: &scratch, batch: batch, features: features, rectified: fused.out)
        var masked = dOut
        ReLU.backward(&masked, output: separate.out, count: masked.count)
        var dX = [Float](repeating: 0, count: batch * features), dGamma = scratch, dBeta = scratch
        BatchNorm.backward(dX: &dX, dGamma: &dGamma, dBeta: &dBeta, dOut: masked, normalized: separate.normalized,
                           inverseStd: separate.inverseStd, gamma: gamma, scratch: &scratch, batch: batch, features: features)
        #expect(dXFused.map(\.bitPattern) == dX.map(\.bitPattern))
        #expect(dGammaFused.map(\.bitPattern) == dGamma.map(\.bitPattern) && dBetaFused.map(\.bitPattern) == dBeta.map(\.bitPattern))

        var outEval = [Float](repeating: 0, count: batch * features), outEvalSeparate = outEval
        BatchNorm.forwardInference(out: &outEval, x: x, gamma: gamma, beta: beta, runningMean: Array(fused.running[..<features]),
                                   runningVariance: Array(fused.running[features...]), scratch: &scratch, batch: batch, features: features, rectify: true)
        BatchNorm.forwardInference(out: &outEvalSeparate, x: x, gamma: gamma, beta: beta, runningMean: Array(fused.running[..<features]),
                                   runningVariance: Array(fused.running[features...]), scratch: &scratch, batch: batch, features: features)
        ReLU.forward(&outEvalSeparate, count: outEvalSeparate.count)
        #expect(outEval.map(\.bitPattern) == outEvalSeparate.map(\.bitPattern))
    }
}
