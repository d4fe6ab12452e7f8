extension PortableMath {
    /// e^x, with IEEE basic arithmetic only: x = k·ln 2 + r with |r| ≤ ½ ln 2 (ln 2 split in a
    /// high part exact in k·ln2Hi and a low part), e^r by its Taylor series (20 terms reach below
    /// 1e-17 relative), then scaled by 2^k exactly.
    public static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? .nan : (x > 0 ? .infinity : 0) }
        if x > 709.8 { return .infinity }
        if x < -745.2 { return 0 }
        let ln2Hi = 6.931_471_803_691_238_164_90e-01, ln2Lo = 1.908_214_929_270_587_700_02e-10
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0, sum = 1.0
        for n in 1...20 {
            term *= r / Double(n)
            sum += term
        }
        // 2^k in two steps, so a k below the normal range still scales exactly until it underflows.
        let half = Int(k) / 2
        return sum * Double(sign: .plus, exponent: half, significand: 1) * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }

    /// The standard normal density φ(x) = e^{−x²/2} / √(2π).
    public static func normalDensity(_ x: Double) -> Double { exp(-0.5 * x * x) * 0.398_942_280_401_432_677_939_946_059_934 }

    /// The standard normal distribution function Φ(x): for |x| < 2.5 the series
    /// Φ(x) = ½ + φ(x)·Σ x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz & Stegun 26.2.11), beyond it the
    /// tail by Laplace's continued fraction 1 − Φ(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …))))
    /// (A&S 26.2.14), evaluated from 80 terms back. Relative error below 1e-13 (against a
    /// 40-digit Φ: at most 1.4e-14 for the series, 6e-14 in the tails, where e^{−x²/2} itself
    /// carries the rounding of x²).
    public static func normalCDF(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        let z = abs(x)
        if z < 2.5 {
            var term = x, sum = x
            var n = 1.0
            while abs(term) > 1e-17 * abs(sum) {
                n += 2
                term *= x * x / n
                sum += term
            }
            return 0.5 + normalDensity(x) * sum
        }
        var fraction = z
        for k in stride(from: 80.0, through: 1, by: -1) { fraction = z + k / fraction }
        let tail = normalDensity(z) / fraction
        return x > 0 ? 1 - tail : tail
    }

    /// Φ⁻¹(p), as accurate as Φ (about 1e-13 relative): Acklam's approximation
    /// (`normalQuantile`, 1.2e-9) refined by one Halley step on Φ(x) − p.
    public static func preciseNormalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        let x = normalQuantile(p)
        let e = normalCDF(x) - p
        let u = e / normalDensity(x)
        return x - u / (1 + x * u / 2)
    }
}

extension Distribution {
    /// The value below which a share `u` of the distribution lies (its inverse distribution
    /// function), for u in (0, 1): how a quasi-random design (Sobol', in `SobolAnalysis`) turns
    /// uniform points into draws. The normal is truncated to its bounds: the quantile of the
    /// normal restricted to [low, high].
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .uniform(let low, let high):
            return low + (high - low) * u
        case .triangular(let low, let mode, let high):
            guard high > low else { return mode }
            let cut = (mode - low) / (high - low)
            return u < cut
                ? low + ((high - low) * (mode - low) * u).squareRoot()
                : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        case .normal(let mean, let sd, let low, let high):
            guard sd > 0 else { return min(max(mean, low), high) }
            let a = PortableMath.normalCDF((low - mean) / sd), b = PortableMath.normalCDF((high - mean) / sd)
            let x = mean + sd * PortableMath.preciseNormalQuantile(a + u * (b - a))
            return min(max(x, low), high)
        }
    }
}
