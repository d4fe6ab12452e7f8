/// xoshiro256** seeded through SplitMix64: a fast generator whose output depends only on the
/// seed, the same on every machine. Each Monte Carlo draw gets its own stream, derived from
/// the run's seed and the draw's index, so results do not depend on how draws are split
/// across threads.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private(set) var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitmix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    /// The stream of draw `index` of a run seeded with `seed`.
    public init(seed: UInt64, stream index: Int) {
        self.init(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03 &+ 0x8CB9_2BA7_2F3D_8DD7))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in (0, 1).
    public mutating func openUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }
}

/// Elementary functions computed with IEEE basic arithmetic only (+, −, ×, ÷, √), so that
/// sampling gives bit-identical numbers on every platform, whatever its libm.
public enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568

    /// Natural logarithm of a positive finite number.
    public static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        var m = x.significand  // in [1, 2), exact
        var e = Double(x.exponent)  // exact
        if m > 1.414_213_562_373_095_048_8 { m /= 2; e += 1 }  // m in [√½, √2]
        let s = (m - 1) / (m + 1)  // |s| ≤ 0.1716
        let s2 = s * s
        // 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …); 13 terms reach below 1e-18 relative for |s| ≤ 0.1716.
        var term = s, sum = 0.0
        var k = 1.0
        for _ in 0..<13 {
            sum += term / k
            term *= s2
            k += 2
        }
        return 2 * sum + e * ln2
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
    public static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}

extension Distribution {
    /// One value drawn from the distribution.
    public func sample(_ random: inout SeededRandom) -> Double {
        switch self {
        case .uniform(let low, let high):
            return low + (high - low) * random.unit()
        case .triangular(let low, let mode, let high):
            guard high > low else { return mode }
            let u = random.unit()
            let cut = (mode - low) / (high - low)
            return u < cut
                ? low + ((high - low) * (mode - low) * u).squareRoot()
                : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        case .normal(let mean, let sd, let low, let high):
            // Truncated by rejection; the bounds always contain the mean, so acceptance is at least ~½ per side.
            for _ in 0..<64 {
                let x = mean + sd * PortableMath.normalQuantile(random.openUnit())
                if x >= low && x <= high { return x }
            }
            return min(max(mean, low), high)
        }
    }
}
