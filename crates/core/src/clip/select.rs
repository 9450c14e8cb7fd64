//! Exact selection: a multiple-choice knapsack solved by dynamic programming over (segments
//! used, frames used), taking at most one candidate per group, maximising the total value.
//! Groups make "one clip per product" and "one window per peak" hold by construction.

/// One candidate as the knapsack sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub cost: u32,
    pub value: f64,
    pub group: usize,
}

/// The best total value of at most `cap` items with total cost at most `budget`, taking at most
/// one item per group, and the chosen items' indices (ascending). Ties keep the earlier-found
/// choice, so the answer is deterministic.
pub fn best(items: &[Item], budget: u32, cap: u32) -> (f64, Vec<usize>) {
    let width = budget as usize + 1;
    let rows = cap as usize + 1;
    let mut groups: Vec<usize> = items.iter().map(|i| i.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, item) in items.iter().enumerate() {
        if item.cost == 0 || item.cost > budget || !item.value.is_finite() {
            continue;
        }
        if let Ok(g) = groups.binary_search(&item.group) {
            if let Some(m) = members.get_mut(g) {
                m.push(i);
            }
        }
    }
    let at = |k: usize, c: usize| k * width + c;
    let mut dp = vec![f64::NEG_INFINITY; rows * width];
    if let Some(x) = dp.get_mut(0) {
        *x = 0.0;
    }
    // `choice[g][state]` = 1 + the item taken in group `g` to reach `state`, 0 when none.
    let mut choice: Vec<Vec<u32>> = Vec::with_capacity(members.len());
    for m in &members {
        let mut next = dp.clone();
        let mut taken = vec![0u32; rows * width];
        for &i in m {
            let Some(item) = items.get(i) else { continue };
            let cost = item.cost as usize;
            for k in 0..rows.saturating_sub(1) {
                for c in 0..width.saturating_sub(cost) {
                    let from = dp.get(at(k, c)).copied().unwrap_or(f64::NEG_INFINITY);
                    if from == f64::NEG_INFINITY {
                        continue;
                    }
                    let to = at(k + 1, c + cost);
                    let v = from + item.value;
                    if next.get(to).is_some_and(|&old| v > old) {
                        if let Some(x) = next.get_mut(to) {
                            *x = v;
                        }
                        if let Some(x) = taken.get_mut(to) {
                            *x = i as u32 + 1;
                        }
                    }
                }
            }
        }
        dp = next;
        choice.push(taken);
    }
    let mut best_state = 0;
    let mut best_value = 0.0;
    for (s, &v) in dp.iter().enumerate() {
        if v > best_value {
            best_value = v;
            best_state = s;
        }
    }
    let mut chosen = Vec::new();
    let (mut k, mut c) = (best_state / width, best_state % width);
    for taken in choice.iter().rev() {
        let t = taken.get(at(k, c)).copied().unwrap_or(0);
        if t > 0 {
            let i = (t - 1) as usize;
            chosen.push(i);
            let cost = items.get(i).map_or(0, |x| x.cost as usize);
            k -= 1;
            c -= cost;
        }
    }
    chosen.sort_unstable();
    (best_value, chosen)
}

/// Every feasible choice tried: for tests against [`best`] on small instances.
pub fn brute_force(items: &[Item], budget: u32, cap: u32) -> f64 {
    fn go(items: &[Item], i: usize, budget: u32, cap: u32, used: &mut Vec<usize>) -> f64 {
        let Some(item) = items.get(i) else {
            return 0.0;
        };
        let skip = go(items, i + 1, budget, cap, used);
        let clash = used.contains(&item.group);
        if clash || cap == 0 || item.cost == 0 || item.cost > budget {
            return skip;
        }
        used.push(item.group);
        let take = item.value + go(items, i + 1, budget - item.cost, cap - 1, used);
        used.pop();
        skip.max(take)
    }
    go(items, 0, budget, cap, &mut Vec::new())
}

/// Greedy by value, for comparison: take the best remaining candidate that still fits.
pub fn greedy(items: &[Item], budget: u32, cap: u32) -> f64 {
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by(|a, b| b.value.total_cmp(&a.value));
    let (mut left, mut n, mut total, mut used) = (budget, 0, 0.0, Vec::new());
    for item in order {
        if n < cap && item.cost > 0 && item.cost <= left && !used.contains(&item.group) {
            left -= item.cost;
            n += 1;
            total += item.value;
            used.push(item.group);
        }
    }
    total
}
