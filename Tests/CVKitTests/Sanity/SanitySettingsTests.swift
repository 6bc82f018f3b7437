import Foundation
import Testing
@testable import CVKit

@Suite struct SanitySettingsTests {
    @Test func commandLineNamesEveryResultChangingOption() {
        let settings = SanityFixtures.settings(path: "datasets/wine.csv", hidden: [128, 64], seed: 1)
        #expect(settings.commandLine == "cvkit sanity datasets/wine.csv --hidden 128,64 --batch-size 64 --optimizer adam --lr 0.001 --l2 0 "
            + "--subset 20 --overfit-epochs 300 --sweep-epochs 3 --seed 1")
        #expect(settings.reportFolderName.hasPrefix("wine-sanity-") && settings.reportFolderName.count == "wine-sanity-".count + 8)
    }

    /// Epochs and decay change no check, so they do not change the folder; the seed and l2 do.
    @Test func folderDependsOnWhatChangesResults() {
        let base = SanityFixtures.settings(path: "d.csv")
        var epochs = base
        epochs.training.epochs = 99
        epochs.training.schedule = .exponential(rate: 0.9)
        #expect(epochs.reportFolderName == base.reportFolderName)
        var seed = base
        seed.seed = 2
        var l2 = base
        l2.network.l2 = 0.1
        #expect(Set([base.reportFolderName, seed.reportFolderName, l2.reportFolderName]).count == 3)
    }

    @Test func problems() {
        var settings = SanityFixtures.settings()
        #expect(settings.problem == nil)
        settings.sweepEpochs = 0
        #expect(settings.problem?.contains("sweep") == true)
        settings = SanityFixtures.settings()
        settings.overfitEpochs = 0
        #expect(settings.problem != nil)
        settings = SanityFixtures.settings()
        settings.training.learningRate = -1
        #expect(settings.problem != nil)
    }
}
