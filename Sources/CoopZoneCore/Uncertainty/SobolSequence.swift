/// Sobol's quasi-random sequence in up to 1,024 dimensions with Joe and Kuo's direction
/// numbers (see `SobolDirectionNumbers.swift`), in Gray-code order as Joe and Kuo's `sobol.cc`
/// and SciPy give it, with 32-bit digits. `points(_:seed:)` scrambles it with a nested uniform
/// (Owen) scramble per dimension, computed with a hash as Burley does (B. Burley, "Practical
/// Hash-based Owen Scrambling", Journal of Computer Graphics Techniques 9(4), 2020): the scrambled points
/// keep the sequence's stratification (each of the first 2^m points in its own interval of
/// width 2^-m in every dimension), are uniform on (0, 1), and depend only on the seed: the same
/// on every machine.
public struct SobolSequence: Sendable {
    /// The most dimensions the shipped direction numbers give.
    public static let maxDimensions = 1024

    /// The number of dimensions.
    public let dimensions: Int
    /// `directions[j][k]`: direction number v_{k+1} of dimension j, as a 32-bit binary fraction.
    let directions: [[UInt32]]

    /// The sequence in `dimensions` dimensions (1 … `maxDimensions`).
    public init(dimensions: Int) {
        precondition((1...Self.maxDimensions).contains(dimensions), "Sobol' sequence in \(dimensions) dimensions")
        self.dimensions = dimensions
        var directions: [[UInt32]] = [(1...32).map { UInt32(1) << (32 - $0) }]  // dimension 1: m_k = 1
        for line in Self.joeKuoTable.split(separator: "\n").prefix(dimensions - 1) {
            let fields = line.split(separator: " ").map { UInt32($0)! }
            let s = Int(fields[1]), a = fields[2]
            let m = Array(fields[3...])
            var v = [UInt32](repeating: 0, count: 33)  // v[1…32], as in sobol.cc
            for i in 1...32 {
                if i <= s {
                    v[i] = m[i - 1] << (32 - i)
                } else {
                    v[i] = v[i - s] ^ (v[i - s] >> s)
                    for k in 1..<s where (a >> (s - 1 - k)) & 1 == 1 { v[i] ^= v[i - k] }
                }
            }
            directions.append(Array(v[1...]))
        }
        self.directions = directions
    }

    /// Point `index` (from 0), unscrambled, as 32-bit binary fractions: the XOR of the direction
    /// numbers at the set bits of the index's Gray code.
    public func integerPoint(_ index: Int) -> [UInt32] {
        let gray = UInt32(truncatingIfNeeded: index ^ (index >> 1))
        return directions.map { v in
            var x: UInt32 = 0
            var bits = gray, k = 0
            while bits != 0 {
                if bits & 1 == 1 { x ^= v[k] }
                bits >>= 1
                k += 1
            }
            return x
        }
    }

    /// The first `count` points (at most 2^32), each with `dimensions` coordinates in (0, 1),
    /// Owen-scrambled with `seed`: point i, dimension j is `points[i][j]`.
    public func points(_ count: Int, seed: UInt64) -> [[Double]] {
        let seeds = (0..<dimensions).map { j -> UInt32 in
            var random = SeededRandom(seed: seed, stream: j)
            return UInt32(truncatingIfNeeded: random.next() >> 32)
        }
        return (0..<count).map { i in
            let x = integerPoint(i)
            return (0..<dimensions).map { j in (Double(Self.owenScramble(x[j], seed: seeds[j])) + 0.5) * 0x1.0p-32 }
        }
    }

    /// A nested uniform scramble of a 32-bit binary fraction: each digit is flipped or not by a
    /// hash of the digits before it (Burley 2020, section 3, with N. Vegdahl's improved
    /// Laine–Karras hash, "Building a better LK hash", psychopath.io, 2021). Reversing the bits
    /// makes the leading digit the lowest, so the hash's carries and products, which only move
    /// upward, see only leading digits.
    static func owenScramble(_ x: UInt32, seed: UInt32) -> UInt32 {
        var v = reverseBits(x)
        v ^= v &* 0x3d20_adea
        v &+= seed
        v &*= (seed >> 16) | 1
        v ^= v &* 0x0552_6c56
        v ^= v &* 0x53a2_2864
        return reverseBits(v)
    }

    static func reverseBits(_ x: UInt32) -> UInt32 {
        var v = x
        v = ((v >> 1) & 0x5555_5555) | ((v & 0x5555_5555) << 1)
        v = ((v >> 2) & 0x3333_3333) | ((v & 0x3333_3333) << 2)
        v = ((v >> 4) & 0x0F0F_0F0F) | ((v & 0x0F0F_0F0F) << 4)
        v = ((v >> 8) & 0x00FF_00FF) | ((v & 0x00FF_00FF) << 8)
        return (v >> 16) | (v << 16)
    }
}
