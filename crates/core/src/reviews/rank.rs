//! Ranking and choosing what viewers see: each kept review gets a score (informative, recent,
//! found helpful, with photos), then maximal marginal relevance picks reviews one by one, trading
//! a review's score against its similarity to those already picked (same product, shared
//! aspects), and the choice keeps a constructive critical review (≤ 3★) when repeat buyers wrote
//! one.

/// What the ranking reads of a kept review.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub product: String,
    pub aspects: Vec<String>,
    pub rating: u8,
    pub chars: usize,
    pub age_days: f64,
    pub helpful: u32,
    pub media: u32,
}

/// A review's own score: informative (aspects it mentions, up to 4; length up to 60
/// characters), recent (`half_life / (half_life + age)`: halved at `half_life` days), found
/// helpful (square root of the votes, at most 3) and with photos. Only IEEE-exact operations, so
/// every shell ranks alike.
pub fn score(c: &Candidate, half_life: f64) -> f64 {
    let aspects = c.aspects.len().min(4) as f64;
    let length = (c.chars.min(60) as f64) / 60.0;
    let recency = half_life / (half_life + c.age_days.max(0.0));
    let helpful = f64::from(c.helpful).sqrt().min(3.0);
    let media = if c.media > 0 { 1.0 } else { 0.0 };
    1.5 * aspects + 2.0 * length + 2.0 * recency + helpful + media
}

fn similarity(a: &Candidate, b: &Candidate) -> f64 {
    let product = if a.product == b.product { 0.5 } else { 0.0 };
    let union = a
        .aspects
        .iter()
        .chain(b.aspects.iter().filter(|x| !a.aspects.contains(x)))
        .count();
    let shared = a.aspects.iter().filter(|x| b.aspects.contains(x)).count();
    let aspects = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    product + 0.5 * aspects
}

/// Picks up to `shown` of `candidates` (indices into it, in the order picked).
pub fn choose(
    candidates: &[Candidate],
    shown: usize,
    relevance: f64,
    half_life: f64,
) -> Vec<usize> {
    let scores: Vec<f64> = candidates.iter().map(|c| score(c, half_life)).collect();
    let top = scores.iter().copied().fold(0.0f64, f64::max).max(1e-9);
    let mut picked: Vec<usize> = Vec::new();
    let mut left: Vec<usize> = (0..candidates.len()).collect();
    while picked.len() < shown && !left.is_empty() {
        let value = |i: usize| {
            let redundancy = picked
                .iter()
                .map(|&p| similarity(&candidates[i], &candidates[p]))
                .fold(0.0f64, f64::max);
            relevance * scores[i] / top - (1.0 - relevance) * redundancy
        };
        let (at, _) = left
            .iter()
            .enumerate()
            .map(|(at, &i)| (at, value(i)))
            // Ties go to the earlier candidate, so the order is deterministic.
            .fold(
                (0, f64::NEG_INFINITY),
                |best, x| if x.1 > best.1 { x } else { best },
            );
        picked.push(left.remove(at));
    }
    // Balance: when repeat buyers wrote a critical review, one is shown.
    let critical = |i: &usize| candidates[*i].rating <= 3;
    if !picked.iter().any(critical) {
        if let Some(best) = left
            .iter()
            .copied()
            .filter(critical)
            .fold(None::<usize>, |best, i| match best {
                Some(b) if scores[b] >= scores[i] => Some(b),
                _ => Some(i),
            })
        {
            if picked.len() == shown {
                picked.pop();
            }
            picked.push(best);
        }
    }
    picked
}
