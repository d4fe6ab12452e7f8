import Testing

@testable import TradeEffectsEvaluator

struct StorageLossTests {
    @Test func lossReductionVolume() {
        // X = 200, losses 40 % → 15 % (L0 = 0.40, L1 = 0.15), all of it exportable:
        // ΔX = 200 · ((1 − 0.15)/(1 − 0.40) − 1) = 200 · (0.85/0.60 − 1) = 200 · 0.416667 = 83.3333.
        let dx = StorageLoss.volumeGain(flow: 200, lossBefore: 0.40, lossAfter: 0.15)
        #expect(abs(dx - 250.0 / 3.0) < 1e-9)
        // Half exportable: 0.5 · 83.3333 = 41.6667.
        #expect(abs(StorageLoss.volumeGain(flow: 200, lossBefore: 0.40, lossAfter: 0.15, exportableShare: 0.5) - 125.0 / 3.0) < 1e-9)
    }

    @Test func savedProduceValueIsNetOfStorageCosts() {
        // The 83.3333 saved above, a quarter of its value spent on storage and handling: 83.3333 · (1 − 0.25) = 62.5.
        #expect(abs(StorageLoss.savedValue(lossReduction: 250.0 / 3.0, storageCostShare: 0.25) - 62.5) < 1e-9)
        // Storage that costs the whole value of the produce it saves leaves nothing.
        #expect(StorageLoss.savedValue(lossReduction: 10, storageCostShare: 1) == 0)
    }
}
