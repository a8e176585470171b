//! Hostile wordings for the tests of the bounded diff: long texts from a small
//! vocabulary, so that two of them share words everywhere (the costly case
//! for a word alignment), reproducible from a seed.

/// `n` words from a small vocabulary, reproducible from `seed`.
pub fn hostile_words(n: usize, seed: u64) -> String {
    let vocabulary =
        ["zadania", "z", "zakresu", "obsługi", "systemów", "informatycznych", "oraz", "w", "tym", "nadzoru", "nad"];
    let mut x = seed;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        words.push(vocabulary[(x >> 33) as usize % vocabulary.len()]);
    }
    words.join(" ")
}
