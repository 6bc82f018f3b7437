import Foundation
import PropertyBased
import Testing
@testable import CVKit

@Suite struct SearchSpaceTests {
    @Test func parsesEveryDistribution() throws {
        let space = try SearchSpace(parsing: "lr=log(1e-4,1e-1) l2=uniform(0,0.5) epochs=int(10,40) hidden=choice(64|128,64|none) beta1=oml(0.9,0.999)")
        #expect(space.parameters.map(\.name) == ["lr", "l2", "epochs", "hidden", "beta1"])
        #expect(space.parameters[0].distribution == .logUniform(1e-4, 1e-1))
        #expect(space.parameters[3].distribution == .choice(["64", "128,64", "none"]))
        #expect(space.description == "lr=log(0.0001,0.1) l2=uniform(0,0.5) epochs=int(10,40) hidden=choice(64|128,64|none) beta1=oml(0.9,0.999)")
    }

    @Test(arguments: ["", "lr", "lr=log(0,1)", "lr=log(1,0.1)", "speed=log(1,2)", "lr=log(1e-3,1) lr=log(1e-3,1)", "epochs=int(1.5,3)",
                      "hidden=choice(64|x)", "lr=cauchy(1,2)", "beta1=oml(0.9,1)", "hidden=choice(64) layers=int(1,2)", "batch=choice(0|32)"])
    func rejectsBadSpaces(text: String) {
        #expect { try SearchSpace(parsing: text) } throws: { ($0 as? CVKitError)?.kind == .invalidArgument }
    }

    /// Log-uniform draws stay in range and spread evenly over decades.
    @Test func logUniformCoversEachDecadeEqually() throws {
        let space = try SearchSpace(parsing: "lr=log(1e-4,1e-1)")
        var random = RandomSource(seed: 1)
        var perDecade = [0, 0, 0]
        for _ in 0..<3000 {
            let value = try #require(Double(space.sample(&random)["lr"] ?? ""))
            #expect(value >= 1e-4 && value <= 1e-1)
            perDecade[min(2, Int(log10(value) + 4))] += 1
        }
        #expect(perDecade.allSatisfy { abs($0 - 1000) < 120 }, "\(perDecade)")
    }

    /// One-minus-log: as many draws in 0.9…0.99 as in 0.99…0.999.
    @Test func oneMinusLogSplitsAveragingRatesByDecade() throws {
        let space = try SearchSpace(parsing: "beta1=oml(0.9,0.999)")
        var random = RandomSource(seed: 2)
        let values = (0..<2000).compactMap { _ in Double(space.sample(&random)["beta1"] ?? "") }
        let low = values.filter { $0 < 0.99 }.count
        #expect(values.allSatisfy { $0 >= 0.9 && $0 <= 0.999 })
        #expect(abs(low - 1000) < 120, "\(low) below 0.99")
    }

    @Test func integersAndChoicesAreUniform() async {
        await propertyCheck(count: 50, input: Gen.int(in: 0...1_000_000)) { seed in
            let space = try #require(try? SearchSpace(parsing: "epochs=int(3,5) optimizer=choice(sgd|adam)"))
            var random = RandomSource(seed: UInt64(seed))
            let draw = space.sample(&random)
            #expect(["3", "4", "5"].contains(draw["epochs"] ?? "") && ["sgd", "adam"].contains(draw["optimizer"] ?? ""))
        }
    }

    @Test func gridIsTheCartesianProduct() throws {
        let grid = try SearchSpace(parsing: "lr=choice(0.001|0.01) l2=choice(0|0.0001|0.001)").grid()
        #expect(grid.count == 6 && Set(grid.map { "\($0["lr"] ?? "") \($0["l2"] ?? "")" }).count == 6)
        #expect { try SearchSpace(parsing: "lr=log(1e-3,1)").grid() } throws: { ($0 as? CVKitError)?.kind == .invalidArgument }
    }

    @Test func narrowingShrinksNumericRangesAroundTheBest() throws {
        let space = try SearchSpace(parsing: "lr=log(1e-4,1e-1) epochs=int(10,40) optimizer=choice(sgd|adam)")
        let narrowed = space.narrowed(around: [["lr": "0.001", "epochs": "20", "optimizer": "sgd"]])
        guard case .logUniform(let a, let b) = narrowed.parameters[0].distribution else { Issue.record("not log"); return }
        // Best at 1e-3, padded by 3/8 of a decade on each side, in log space.
        #expect(abs(log10(a) + 3.375) < 1e-9 && abs(log10(b) + 2.625) < 1e-9)
        guard case .integer(let low, let high) = narrowed.parameters[1].distribution else { Issue.record("not int"); return }
        #expect(low <= 20 && high >= 20 && high - low < 30)
        #expect(narrowed.parameters[2].distribution == .choice(["sgd", "adam"]))
    }

    @Test func applyingAConfigChangesTheSettings() throws {
        let base = RunSettings(scheme: .kfold, dataPath: "x.csv", network: NetworkConfig(inputs: 1, classes: 2))
        let settings = try SearchConfig.apply(["lr": "0.01", "l2": "0.001", "layers": "3", "units": "50", "batch": "32", "beta1": "0.95"], to: base)
        #expect(settings.training.learningRate == 0.01 && settings.network.l2 == 0.001)
        #expect(settings.network.hidden == [50, 50, 50] && settings.training.batchSize == 32 && settings.training.beta1 == 0.95)
        #expect(try SearchConfig.apply(["hidden": "none"], to: base).network.hidden == [])
    }
}
