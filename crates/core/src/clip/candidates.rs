//! Candidate segments: windows of several lengths around each peak, and for "coming up" the
//! moments that can stand for a staged product (the streamer naming it, its earlier explanation,
//! the room right now). Every cut snaps to a sentence boundary of the transcript when one is
//! within reach, so no segment starts or ends mid-sentence if it can help it.

use crate::model::{LiveSession, TranscriptSegment};

/// The transcript's sentences in frames: a sentence covers `[floor(start), ceil(end))`, so
/// cutting at its edges keeps it whole.
#[derive(Debug, Clone)]
pub struct Sentences {
    /// Sorted by start.
    spans: Vec<(u32, u32)>,
    /// `reach[k]` = the latest end among `spans[..=k]`.
    reach: Vec<u32>,
    /// Every start and end, sorted, without duplicates.
    edges: Vec<u32>,
}

/// Which way a tie between two equally near boundaries goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// An in point: the earlier boundary keeps more of the sentence.
    In,
    /// An out point: the later one does.
    Out,
}

impl Sentences {
    pub fn new(transcript: &[TranscriptSegment], fps: u32) -> Sentences {
        let to_frames = |ms: u32, up: bool| {
            let num = u64::from(ms) * u64::from(fps);
            let f = if up { num.div_ceil(1000) } else { num / 1000 };
            u32::try_from(f).unwrap_or(u32::MAX)
        };
        let mut spans: Vec<(u32, u32)> = transcript
            .iter()
            .filter(|s| s.end_ms > s.start_ms)
            .map(|s| (to_frames(s.start_ms, false), to_frames(s.end_ms, true)))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut r = 0;
        for &(_, end) in &spans {
            r = r.max(end);
            reach.push(r);
        }
        let mut edges: Vec<u32> = spans.iter().flat_map(|&(a, b)| [a, b]).collect();
        edges.sort_unstable();
        edges.dedup();
        Sentences {
            spans,
            reach,
            edges,
        }
    }

    /// Whether frame boundary `f` falls strictly inside some sentence.
    pub fn inside(&self, f: u32) -> bool {
        let before = self.spans.partition_point(|&(start, _)| start < f);
        before > 0 && self.reach.get(before - 1).is_some_and(|&end| end > f)
    }

    /// `f`, or — when it falls inside a sentence — the nearest boundary not inside any sentence
    /// within `reach` frames and within `[lo, hi]`; `f` itself when there is none. Returns the
    /// cut and whether it moved.
    pub fn snap(&self, f: u32, reach: u32, lo: u32, hi: u32, edge: Edge) -> (u32, bool) {
        if !self.inside(f) {
            return (f, false);
        }
        let from = self
            .edges
            .partition_point(|&e| e < f.saturating_sub(reach).max(lo));
        let mut best: Option<u32> = None;
        for &e in self.edges.iter().skip(from) {
            if e > f.saturating_add(reach).min(hi) {
                break;
            }
            if self.inside(e) {
                continue;
            }
            best = match best {
                None => Some(e),
                Some(b) => {
                    let (db, de) = (b.abs_diff(f), e.abs_diff(f));
                    let closer = de < db || (de == db && edge == Edge::Out);
                    Some(if closer { e } else { b })
                }
            };
        }
        match best {
            Some(b) => (b, true),
            None => (f, false),
        }
    }

    /// The sentences in frames, sorted by start.
    pub fn spans(&self) -> &[(u32, u32)] {
        &self.spans
    }
}

/// Where a candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Peak(u32),
    /// A sentence naming the staged product.
    Mention,
    /// The staged product's earlier explain mark at this second.
    Explain(u32),
    /// The last moments before the clip's moment.
    Now,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub source_in: u32,
    pub source_out: u32,
    pub snapped_in: bool,
    pub snapped_out: bool,
}

/// Cuts for a moment of `moment` frames starting at `start` (frames), padded and snapped, when
/// the result stays within `[lo, hi]` and lasts `min..=max` frames.
#[allow(clippy::too_many_arguments)]
pub fn window(
    sentences: &Sentences,
    start: i64,
    moment: u32,
    padding: u32,
    snap: u32,
    lo: u32,
    hi: u32,
    (min, max): (u32, u32),
) -> Option<Window> {
    let clamp = |v: i64| v.clamp(i64::from(lo), i64::from(hi)) as u32;
    let raw_in = clamp(start - i64::from(padding));
    let raw_out = clamp(start + i64::from(moment) + i64::from(padding));
    let (source_in, snapped_in) = sentences.snap(raw_in, snap, lo, hi, Edge::In);
    let (source_out, snapped_out) = sentences.snap(raw_out, snap, lo, hi, Edge::Out);
    let len = source_out.checked_sub(source_in)?;
    (min..=max).contains(&len).then_some(Window {
        source_in,
        source_out,
        snapped_in,
        snapped_out,
    })
}

/// The product on air at `second`, if any.
pub fn on_air_at(session: &LiveSession, second: u32) -> Option<&str> {
    session
        .on_air
        .iter()
        .find(|i| i.start_second <= second && second < i.end_second)
        .map(|i| i.product_id.as_str())
}
