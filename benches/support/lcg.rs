//! The benchmarks' source of variety: a 64-bit linear congruential generator (Knuth's MMIX
//! constants). Deterministic, so every run measures the same synthetic site; no crate needed.

pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
