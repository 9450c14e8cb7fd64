//! Hand-made sessions: a steady room with small, fixed wobbles, into which each test plants
//! the reactions it is about.

use crate::clip::{ClipProduct, ClipSource};
use crate::model::{
    ExplainMark, LiveSession, OnAirInterval, SessionSignals, StagedProduct, TranscriptSegment,
};

/// A `seconds`-long session: about 100 viewers, a comment and a few likes a second, an order
/// every 20 seconds, with a deterministic wobble so the MAD is not zero.
pub fn steady(seconds: u32) -> LiveSession {
    let n = seconds as usize;
    let wobble = |t: usize, k: usize| ((t * 7 + k * 3) % 5) as u32;
    let mut s = SessionSignals::default();
    for t in 0..n {
        s.viewers.push(98 + wobble(t, 0));
        s.comments.push(u32::from(t % 2 == 0) + wobble(t, 1) / 4);
        s.likes.push(3 + wobble(t, 2) / 2);
        s.gifts.push(u32::from(t % 30 == 0));
        let order = u32::from(t % 20 == 10);
        s.orders.push(order);
        s.gmv_fen.push(i64::from(order) * 9_900);
    }
    LiveSession {
        id: "s1".into(),
        merchant_id: "m1".into(),
        start_at: "2026-11-20T12:00:00Z".parse().unwrap(),
        end_at: "2026-11-20T12:00:00Z"
            .parse::<crate::model::Timestamp>()
            .unwrap()
            .plus_seconds(i64::from(seconds)),
        signals: Some(s),
        summary: None,
        on_air: Vec::new(),
        explain_marks: Vec::new(),
        staged: Vec::new(),
        transcript: Vec::new(),
    }
}

/// Adds `per_second` orders of ¥99 over `[from, from + len)`.
pub fn order_burst(s: &mut LiveSession, from: usize, len: usize, per_second: u32) {
    for t in from..from + len {
        s.signals.as_mut().unwrap().orders[t] += per_second;
        s.signals.as_mut().unwrap().gmv_fen[t] += i64::from(per_second) * 9_900;
    }
}

pub fn comment_burst(s: &mut LiveSession, from: usize, len: usize, per_second: u32) {
    for t in from..from + len {
        s.signals.as_mut().unwrap().comments[t] += per_second;
    }
}

pub fn like_burst(s: &mut LiveSession, from: usize, len: usize, per_second: u32) {
    for t in from..from + len {
        s.signals.as_mut().unwrap().likes[t] += per_second;
    }
}

/// A 1 200-second session with three products on air in turn, order bursts in each, an
/// explain mark, one sentence every ten seconds (the streamer naming the staged product at 801 s)
/// and product `p4` staged at 1 150 s.
pub fn shop() -> ClipSource {
    let mut s = steady(1200);
    s.on_air = vec![
        interval("p1", 100, 400),
        interval("p2", 400, 700),
        interval("p3", 700, 1200),
    ];
    order_burst(&mut s, 200, 8, 4);
    order_burst(&mut s, 320, 5, 2);
    order_burst(&mut s, 500, 10, 5);
    order_burst(&mut s, 800, 6, 3);
    like_burst(&mut s, 505, 20, 30);
    s.explain_marks = vec![ExplainMark {
        product_id: "p2".into(),
        second: 480,
    }];
    s.staged = vec![
        StagedProduct {
            product_id: "p1".into(),
            planned_second: 90,
        },
        StagedProduct {
            product_id: "p4".into(),
            planned_second: 1150,
        },
    ];
    s.transcript = (0..119)
        .map(|k| {
            let start = k * 10_000 + 1_000;
            TranscriptSegment {
                start_ms: start,
                end_ms: start + 7_000,
                text: if k == 80 {
                    "下一款保温杯还有三分钟上车".into()
                } else {
                    format!("第{k}句")
                },
            }
        })
        .collect();
    ClipSource {
        session: s,
        products: vec![
            product("p1", "苹果", 2_990),
            product("p2", "橙子", 1_990),
            product("p3", "梨", 990),
            product("p4", "保温杯", 5_900),
        ],
    }
}

pub fn interval(id: &str, start: u32, end: u32) -> OnAirInterval {
    OnAirInterval {
        product_id: id.into(),
        start_second: start,
        end_second: end,
    }
}

pub fn product(id: &str, title: &str, price_fen: i64) -> ClipProduct {
    ClipProduct {
        id: id.into(),
        title: title.into(),
        price_fen,
    }
}
