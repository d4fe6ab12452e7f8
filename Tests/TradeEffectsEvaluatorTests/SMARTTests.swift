import Testing

@testable import TradeEffectsEvaluator

struct SMARTTests {
    @Test func tradeCreationForATariffCutWithInfiniteSupply() {
        // M = 100, t0 = 0.10 → t1 = 0.05 (Δt = −0.05), Em = −1.5, Ex = ∞:
        // TC = M·Em·Δt/(1 + t0) = 100 · (−1.5) · (−0.05) / 1.10 = 7.5 / 1.1 = 6.818181…
        let tc = SMART.tradeCreation(imports: 100, oldTariff: 0.10, newTariff: 0.05, importDemandElasticity: -1.5)
        #expect(abs(tc - 6.818_181_818_181_818) < 1e-9)
    }

    @Test func tradeCreationWithFiniteExportSupply() {
        // Same cut, Ex = 3: 1 − Em/Ex = 1 − (−1.5/3) = 1.5, so TC = 7.5 / (1.10 · 1.5) = 7.5 / 1.65 = 4.545454…
        let tc = SMART.tradeCreation(
            imports: 100, oldTariff: 0.10, newTariff: 0.05, importDemandElasticity: -1.5,
            exportSupplyElasticity: 3)
        #expect(abs(tc - 4.545_454_545_454_545) < 1e-9)
    }

    @Test func tariffRiseDestroysTrade() {
        // t0 = 0 → t1 = 0.10, M = 50, Em = −2: TC = 50 · (−2) · 0.10 / 1 = −10.
        let tc = SMART.tradeCreation(imports: 50, oldTariff: 0, newTariff: 0.10, importDemandElasticity: -2)
        #expect(abs(tc + 10) < 1e-12)
    }

    @Test func relativePriceChangeOfAPreferentialCut() {
        // k: 0.10 → 0; K: 0.10 → 0.10. rel = (1/1.1)/(1.1/1.1) − 1 = 1/1.1 − 1 = −1/11 = −0.090909…
        let rel = SMART.relativePriceChange(preferredOld: 0.10, preferredNew: 0, otherOld: 0.10, otherNew: 0.10)
        #expect(abs(rel + 1.0 / 11.0) < 1e-12)
    }

    @Test func diversionBetweenPreferredAndNonPreferredPartner() {
        // M_k = 100, M_K = 300, Es = 1.5, rel = −1/11 (as above) → Es·(−rel) = 1.5/11 = 3/22.
        // TD_k = 100 · 300 · (3/22) / (100 + 300 + 100 · 3/22)
        //      = (90000/22) / ((8800 + 300)/22) = 90000 / 9100 = 9.890109…
        // Check of the definition: (100 + 9.8901)/(300 − 9.8901) = 109.8901/290.1099 = 0.378788,
        // and (100/300) · (1 + 3/22) = 0.333333 · 1.136364 = 0.378788. ✓
        let td = SMART.tradeDiversion(preferredImports: 100, otherImports: 300, substitutionElasticity: 1.5, relativePriceChange: -1.0 / 11.0)
        #expect(abs(td - 90_000.0 / 9_100.0) < 1e-9)
        #expect(abs(td - 9.890_109_890_109_89) < 1e-9)
    }

    @Test func diversionIsCappedByExistingTrade() {
        // Tiny rest-of-world trade: M_k = 1000, M_K = 1, Es = 10, rel = −0.5 → shift = 5:
        // TD = 1000·1·5/(1000 + 1 + 5000) = 5000/6001 = 0.833194… < M_K = 1.
        let td = SMART.tradeDiversion(preferredImports: 1000, otherImports: 1, substitutionElasticity: 10, relativePriceChange: -0.5)
        #expect(abs(td - 5000.0 / 6001.0) < 1e-12)
        #expect(td <= 1)
        // A price rise of k so large that 1 + Es·(−rel) ≤ 0 (Es = 1.5, rel = +1 → 1 − 1.5 < 0):
        // all of k's trade, 40, goes: TD = −40.
        let away = SMART.tradeDiversion(preferredImports: 40, otherImports: 60, substitutionElasticity: 1.5, relativePriceChange: 1)
        #expect(away == -40)
    }

    @Test func tariffRevenueAndWelfare() {
        // Preferred flow: t0 = 0.10, M0 = 100; t1 = 0.05, M1 = 100 + 6.818182 (TC) + 9.890110 (TD) = 116.708292.
        // Rest of world: t_K = 0.10, ΔM_K = −9.890110.
        // ΔTR = 0.05 · 116.708292 − 0.10 · 100 + 0.10 · (−9.890110) = 5.835415 − 10 − 0.989011 = −5.153596.
        let m1 = 100 + 6.818_181_818 + 9.890_109_890
        let dtr = SMART.tariffRevenueChange(
            oldTariff: 0.10, newTariff: 0.05, importsBefore: 100, importsAfter: m1,
            otherTariff: 0.10, otherImportsChange: -9.890_109_890)
        #expect(abs(dtr - -5.153_596) < 1e-6)
        // W = ½ · |Δt| · TC = 0.5 · 0.05 · 6.818182 = 0.170455.
        let w = SMART.welfare(oldTariff: 0.10, newTariff: 0.05, importChange: 6.818_181_818)
        #expect(abs(w - 0.170_454_545) < 1e-8)
    }
}
