//! Planning: the session and its products in, the edit decision list out. Checks the source,
//! builds the candidates around the peaks and for "coming up", keeps the locked segments, and
//! chooses the rest exactly (every "coming up" candidate tried, the knapsack for the others).

use serde::{Deserialize, Serialize};

use super::candidates::{on_air_at, window, Origin, Sentences};
use super::config::ClipConfig;
use super::request::{CaptionLang, ClipRequest, Frames, Part, SegmentOrder};
use super::score::{peaks, ScoreTrack, COMPONENTS};
use super::select::{best, Item};
use crate::model::{Dataset, LiveSession};
use crate::preview::money::format_yuan;
use crate::{Error, Result};

/// A product as captions need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClipProduct {
    pub id: String,
    pub title: String,
    /// The price to show: the session's live price (the median paid unit price) when it sold,
    /// otherwise the list price.
    pub price_fen: i64,
}

/// What the planner reads: one session and the products its captions name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClipSource {
    pub session: LiveSession,
    #[serde(default)]
    pub products: Vec<ClipProduct>,
}

impl ClipSource {
    /// The session `session_id` of a dataset with its products: those on air or staged, priced
    /// from the session's paid orders.
    pub fn from_dataset(data: &Dataset, session_id: &str) -> Result<ClipSource> {
        let session = data
            .live_sessions
            .iter()
            .find(|s| s.id == session_id)
            .ok_or_else(|| {
                Error::invalid_field("sessionId", format!("no live session {session_id:?}"))
            })?;
        let mut ids: Vec<&str> = session
            .on_air
            .iter()
            .map(|i| i.product_id.as_str())
            .chain(session.staged.iter().map(|s| s.product_id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        // The unit prices of the session's orders, in one pass over the orders.
        let mut units: std::collections::BTreeMap<&str, Vec<i64>> =
            ids.iter().map(|&id| (id, Vec::new())).collect();
        for o in &data.orders {
            if o.paid_at >= session.start_at
                && o.paid_at < session.end_at
                && o.quantity > 0
                && o.merchant_id == session.merchant_id
            {
                if let Some(list) = units.get_mut(o.product_id.as_str()) {
                    list.push(o.amount_fen / i64::from(o.quantity));
                }
            }
        }
        let products = ids
            .into_iter()
            .filter_map(|id| data.products.iter().find(|p| p.id == id))
            .map(|p| {
                let mut units = units.remove(p.id.as_str()).unwrap_or_default();
                units.sort_unstable();
                let price_fen = units
                    .get(units.len().saturating_sub(1) / 2)
                    .copied()
                    .unwrap_or(p.list_price_fen);
                ClipProduct {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    price_fen,
                }
            })
            .collect();
        Ok(ClipSource {
            session: session.clone(),
            products,
        })
    }

    /// Per-second signals present with one value per second, intervals and marks inside the
    /// session, sentences in order.
    pub fn check(&self) -> Result<()> {
        let s = &self.session;
        let d = s.duration_seconds();
        if d == 0 {
            return Err(Error::invalid_field(
                "session.endAt",
                "must be after startAt",
            ));
        }
        let Some(sig) = &s.signals else {
            return Err(Error::invalid_field(
                "session.signals",
                "the clip planner needs the session's per-second signals; this session has only a summary",
            ));
        };
        let lens = [
            ("viewers", sig.viewers.len()),
            ("comments", sig.comments.len()),
            ("likes", sig.likes.len()),
            ("gifts", sig.gifts.len()),
            ("orders", sig.orders.len()),
            ("gmvFen", sig.gmv_fen.len()),
        ];
        for (name, len) in lens {
            if len != d as usize {
                return Err(Error::invalid_field(
                    format!("session.signals.{name}"),
                    format!("has {len} values; the session lasts {d} seconds (one per second)"),
                ));
            }
        }
        if let Some(i) = sig.gmv_fen.iter().position(|&g| g < 0) {
            return Err(Error::invalid_field(
                format!("session.signals.gmvFen[{i}]"),
                "must not be negative",
            ));
        }
        for (i, a) in s.on_air.iter().enumerate() {
            if a.start_second >= a.end_second || a.end_second > d {
                return Err(Error::invalid_field(
                    format!("session.onAir[{i}]"),
                    format!("must satisfy startSecond < endSecond ≤ {d}"),
                ));
            }
        }
        for (i, m) in s.explain_marks.iter().enumerate() {
            if m.second >= d {
                return Err(Error::invalid_field(
                    format!("session.explainMarks[{i}].second"),
                    format!("must be below the session's {d} seconds"),
                ));
            }
        }
        for (i, t) in s.transcript.iter().enumerate() {
            if t.start_ms >= t.end_ms || u64::from(t.end_ms) > u64::from(d) * 1000 {
                return Err(Error::invalid_field(
                    format!("session.transcript[{i}]"),
                    format!("must satisfy startMs < endMs ≤ {}", u64::from(d) * 1000),
                ));
            }
        }
        let mut ids: Vec<&str> = self.products.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w.first() == w.get(1)) {
            let dup = w.first().copied().unwrap_or_default();
            let i = self.products.iter().rposition(|p| p.id == dup).unwrap_or(0);
            return Err(Error::invalid_field(
                format!("products[{i}].id"),
                format!("{dup:?} is listed twice"),
            ));
        }
        for (i, p) in self.products.iter().enumerate() {
            if p.price_fen < 0 {
                return Err(Error::invalid_field(
                    format!("products[{i}].priceFen"),
                    "must not be negative",
                ));
            }
        }
        Ok(())
    }
}

/// Each component's share of a segment's value, in score-seconds (the per-second score
/// integrated over the segment), and the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScoreBreakdown {
    pub viewers: f64,
    pub comments: f64,
    pub likes: f64,
    pub gifts: f64,
    pub orders: f64,
    pub gmv: f64,
    pub explain: f64,
    /// The bonus of a "coming up" segment in which the product is named.
    pub mention: f64,
    pub total: f64,
    /// The highest per-second score inside the segment and where it is.
    pub peak_second: u32,
    pub peak_score: f64,
}

/// Why the segment is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SegmentOrigin {
    /// A window around a score peak.
    Peak,
    /// A sentence in which the streamer names the staged product.
    Mention,
    /// The staged product's earlier explanation.
    Explain,
    /// The last moments before the clip's moment.
    Now,
    /// Fixed by the merchant.
    Locked,
}

/// One entry of the edit decision list. Frames at the plan's `fps`; `sourceIn`/`sourceOut`
/// count from the session's start, `recordIn`/`recordOut` from the clip's; outs are exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClipSegment {
    pub part: Part,
    pub source_in: u32,
    pub source_out: u32,
    pub record_in: u32,
    pub record_out: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub product_id: Option<String>,
    pub caption: String,
    pub origin: SegmentOrigin,
    pub locked: bool,
    /// Whether the cut was moved to a sentence boundary.
    pub snapped_in: bool,
    pub snapped_out: bool,
    pub score: ScoreBreakdown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClipPeak {
    pub second: u32,
    pub score: f64,
}

/// The edit decision list and what it was chosen from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClipPlan {
    pub session_id: String,
    pub merchant_id: String,
    pub fps: u32,
    pub at_second: u32,
    pub budget_ms: u32,
    /// The clip's length in frames (the last segment's `recordOut`).
    pub duration_frames: u32,
    /// The sum of the segments' values.
    pub total_score: f64,
    pub segments: Vec<ClipSegment>,
    /// The peaks found before the clip's moment, strongest first.
    pub peaks: Vec<ClipPeak>,
    /// Products staged to go on air within the horizon after the clip's moment.
    pub coming_up_products: Vec<String>,
    /// How many candidates the selection chose from.
    pub candidates: u32,
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// A candidate before selection.
#[derive(Debug, Clone)]
struct Candidate {
    part: Part,
    source_in: u32,
    source_out: u32,
    product: Option<String>,
    origin: Origin,
    value: f64,
    mention: bool,
    snapped_in: bool,
    snapped_out: bool,
}

/// The session's score for one moment and configuration, kept between plans so that an edit
/// (a locked or excluded segment, another budget) re-plans without re-scoring.
#[derive(Debug, Clone)]
pub struct ClipPlanner {
    source: ClipSource,
    cache: Option<Scored>,
}

#[derive(Debug, Clone)]
struct Scored {
    at_second: u32,
    config: ClipConfig,
    track: ScoreTrack,
    peaks: Vec<u32>,
}

impl ClipPlanner {
    pub fn new(source: ClipSource) -> Result<ClipPlanner> {
        source.check()?;
        Ok(ClipPlanner {
            source,
            cache: None,
        })
    }

    pub fn source(&self) -> &ClipSource {
        &self.source
    }

    /// The moment a request without `atSecond` plans at: five minutes before the last staged
    /// product's planned time (so it is "coming up"), or the session's end.
    pub fn default_at(&self) -> u32 {
        let d = self.source.session.duration_seconds();
        self.source
            .session
            .staged
            .iter()
            .map(|s| s.planned_second)
            .filter(|&p| p >= 300)
            .max()
            .map_or(d, |p| (p - 300).min(d))
    }

    /// The per-second score the last plan used (computing it for `request` if needed).
    pub fn track(&mut self, request: &ClipRequest) -> Result<&ScoreTrack> {
        let (at, config) = self.moment(request)?;
        Ok(&self.scored(at, config).track)
    }

    fn moment(&self, request: &ClipRequest) -> Result<(u32, ClipConfig)> {
        let config = request.config.clone().unwrap_or_default();
        config.validate()?;
        let d = self.source.session.duration_seconds();
        let at = request.at_second.unwrap_or_else(|| self.default_at());
        if at == 0 || at > d {
            return Err(Error::invalid_field(
                "atSecond",
                format!("must be between 1 and the session's {d} seconds"),
            ));
        }
        Ok((at, config))
    }

    fn scored(&mut self, at: u32, config: ClipConfig) -> &Scored {
        let scored = match self.cache.take() {
            Some(c) if c.at_second == at && c.config == config => c,
            _ => {
                let track = ScoreTrack::compute(&self.source.session, at, &config);
                let peaks = peaks(
                    &track.fused,
                    config.peak_min_score,
                    config.nms_radius_seconds,
                    config.max_peaks,
                );
                Scored {
                    at_second: at,
                    config,
                    track,
                    peaks,
                }
            }
        };
        self.cache.insert(scored)
    }

    pub fn plan(&mut self, request: &ClipRequest) -> Result<ClipPlan> {
        self.planning(request, |p| p.run())
    }

    /// What [`ClipPlanner::plan`] would choose from, for inspection and tests.
    pub fn candidates(&mut self, request: &ClipRequest) -> Result<ClipCandidates> {
        self.planning(request, |p| {
            let g = p.gather()?;
            let seg = |c: &Candidate| p.segment(c, false, 0);
            Ok(ClipCandidates {
                previously: g.previously.iter().map(seg).collect(),
                coming_up: g.coming_up.iter().map(seg).collect(),
                budget_frames: g.budget,
                cap: g.cap,
            })
        })
    }

    fn planning<T>(
        &mut self,
        request: &ClipRequest,
        run: impl FnOnce(&Planning) -> Result<T>,
    ) -> Result<T> {
        let (at, config) = self.moment(request)?;
        let d = self.source.session.duration_seconds();
        let duration_frames = d.saturating_mul(request.fps.max(1));
        let frames = request.check(&config, duration_frames)?;
        let limit = at.saturating_mul(frames.fps);
        if limit < frames.min_shot {
            return Err(Error::invalid_field(
                "atSecond",
                "is earlier than the shortest shot: nothing has happened yet",
            ));
        }
        for (i, s) in request.locked.iter().enumerate() {
            if s.source_out > limit {
                return Err(Error::invalid_field(
                    format!("locked[{i}].sourceOut"),
                    format!("is after the clip's moment (frame {limit}): footage must exist"),
                ));
            }
        }
        let source = self.source.clone();
        let scored = self.scored(at, config).clone();
        run(&Planning {
            source: &source,
            scored: &scored,
            request,
            frames,
            limit,
        })
    }
}

/// Plans `request` over `source` once (the CLI's `clip` and the wasm `planClip`).
pub fn plan(source: &ClipSource, request: &ClipRequest) -> Result<ClipPlan> {
    ClipPlanner::new(source.clone())?.plan(request)
}

struct Gathered {
    locked: Vec<Candidate>,
    previously: Vec<Candidate>,
    coming_up: Vec<Candidate>,
    coming_up_products: Vec<String>,
    /// What the locked segments leave of the budget (frames) and the segment cap.
    budget: u32,
    cap: u32,
}

/// Every candidate a plan chooses from, as segments (positioned at record frame 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClipCandidates {
    pub previously: Vec<ClipSegment>,
    pub coming_up: Vec<ClipSegment>,
    /// Frames and segments the locked segments leave.
    pub budget_frames: u32,
    pub cap: u32,
}

struct Planning<'a> {
    source: &'a ClipSource,
    scored: &'a Scored,
    request: &'a ClipRequest,
    frames: Frames,
    limit: u32,
}

impl Planning<'_> {
    fn session(&self) -> &LiveSession {
        &self.source.session
    }

    fn gather(&self) -> Result<Gathered> {
        let f = &self.frames;
        let req = self.request;
        let config = &self.scored.config;
        let at = self.scored.at_second;
        let sentences = Sentences::new(&self.session().transcript, f.fps);

        let coming_up_products = self.coming_up_products();
        let locked: Vec<Candidate> = req
            .locked
            .iter()
            .map(|l| {
                let mid = (l.source_in + l.source_out) / 2 / f.fps;
                let product = l.product_id.clone().or_else(|| match l.part {
                    Part::Previously => on_air_at(self.session(), mid).map(str::to_owned),
                    Part::ComingUp => coming_up_products.first().cloned(),
                });
                Candidate {
                    part: l.part,
                    source_in: l.source_in,
                    source_out: l.source_out,
                    product,
                    origin: Origin::Now,
                    value: self.scored.track.total(l.source_in, l.source_out, f.fps),
                    mention: false,
                    snapped_in: false,
                    snapped_out: false,
                }
            })
            .collect();
        let used: u32 = locked.iter().map(|c| c.source_out - c.source_in).sum();
        let budget = f.budget.saturating_sub(used);
        let cap = req.max_segments.saturating_sub(locked.len() as u32);
        let taken_products: Vec<&str> = if req.one_per_product {
            locked.iter().filter_map(|c| c.product.as_deref()).collect()
        } else {
            Vec::new()
        };
        let blocked = |a: u32, b: u32| {
            req.locked
                .iter()
                .any(|l| a < l.source_out && l.source_in < b)
                || req.excluded.iter().any(|r| a < r.to && r.from < b)
        };
        let free = |c: &Candidate| {
            !blocked(c.source_in, c.source_out)
                && c.product
                    .as_deref()
                    .is_none_or(|p| !taken_products.contains(&p))
        };

        let previously: Vec<Candidate> = self
            .peak_candidates(&sentences)
            .into_iter()
            .filter(|c| free(c))
            .collect();
        let locked_coming_up = locked.iter().any(|c| c.part == Part::ComingUp);
        let coming_up: Vec<Candidate> = if locked_coming_up {
            Vec::new()
        } else {
            self.coming_up_candidates(&sentences, &coming_up_products)
                .into_iter()
                .filter(|c| free(c))
                .collect()
        };
        if !locked_coming_up && coming_up.is_empty() {
            return Err(if coming_up_products.is_empty() {
                Error::invalid_field(
                    "atSecond",
                    format!(
                        "no product is staged to go on air within {} s after second {at}; a clip \
                         needs one \"coming up\" segment",
                        config.coming_up_horizon_seconds
                    ),
                )
            } else {
                Error::invalid_field(
                    "locked",
                    "no \"coming up\" moment is left outside the locked and excluded parts",
                )
            });
        }

        Ok(Gathered {
            locked,
            previously,
            coming_up,
            coming_up_products,
            budget,
            cap,
        })
    }

    fn run(&self) -> Result<ClipPlan> {
        let f = &self.frames;
        let req = self.request;
        let Gathered {
            locked,
            previously,
            coming_up,
            coming_up_products,
            budget,
            cap,
        } = self.gather()?;
        let locked_coming_up = locked.iter().any(|c| c.part == Part::ComingUp);
        // Groups: one per product (with one clip per product), otherwise one per peak.
        let group_of = |c: &Candidate, keys: &mut Vec<String>| {
            let key = match (&c.product, c.origin) {
                (Some(p), _) if req.one_per_product => format!("p:{p}"),
                (_, Origin::Peak(s)) => format!("s:{s}"),
                _ => format!("c:{}", c.source_in),
            };
            match keys.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    keys.push(key);
                    keys.len() - 1
                }
            }
        };
        let mut keys = Vec::new();
        let items: Vec<Item> = previously
            .iter()
            .map(|c| Item {
                cost: c.source_out - c.source_in,
                value: c.value,
                group: group_of(c, &mut keys),
            })
            .collect();

        let mut chosen: Vec<Candidate> = Vec::new();
        if locked_coming_up {
            let (_, picks) = best(&items, budget, cap);
            chosen.extend(picks.iter().filter_map(|&i| previously.get(i).cloned()));
        } else {
            let mut best_total = f64::NEG_INFINITY;
            let mut best_pick: Option<(usize, Vec<usize>)> = None;
            for (ci, c) in coming_up.iter().enumerate() {
                let cost = c.source_out - c.source_in;
                if cost > budget || cap == 0 {
                    continue;
                }
                // The others, without what overlaps this one or shows the same product.
                let keep: Vec<usize> = (0..previously.len())
                    .filter(|&i| {
                        previously.get(i).is_some_and(|p| {
                            let overlaps = p.source_in < c.source_out && c.source_in < p.source_out;
                            let same_product = req.one_per_product
                                && p.product.is_some()
                                && p.product == c.product;
                            !overlaps && !same_product
                        })
                    })
                    .collect();
                let sub: Vec<Item> = keep.iter().filter_map(|&i| items.get(i).copied()).collect();
                let (v, picks) = best(&sub, budget - cost, cap - 1);
                let total = c.value + v;
                if total > best_total {
                    best_total = total;
                    best_pick = Some((
                        ci,
                        picks.iter().filter_map(|&k| keep.get(k).copied()).collect(),
                    ));
                }
            }
            let Some((ci, picks)) = best_pick else {
                return Err(Error::invalid_field(
                    "budgetMs",
                    "no \"coming up\" segment fits in the budget left by the locked segments",
                ));
            };
            chosen.extend(picks.iter().filter_map(|&i| previously.get(i).cloned()));
            chosen.extend(coming_up.get(ci).cloned());
        }
        let n_candidates = (previously.len() + coming_up.len()) as u32;
        let mut all: Vec<(Candidate, bool)> = locked
            .into_iter()
            .map(|c| (c, true))
            .chain(chosen.into_iter().map(|c| (c, false)))
            .collect();
        all.sort_by(|(a, _), (b, _)| {
            let part = |c: &Candidate| u8::from(c.part == Part::ComingUp);
            part(a).cmp(&part(b)).then_with(|| match req.order {
                SegmentOrder::Chronological => a.source_in.cmp(&b.source_in),
                SegmentOrder::StrongestFirst => b
                    .value
                    .total_cmp(&a.value)
                    .then(a.source_in.cmp(&b.source_in)),
            })
        });
        let mut record = 0u32;
        let mut total = 0.0;
        let mut segments = Vec::with_capacity(all.len());
        for (c, is_locked) in all {
            let len = c.source_out - c.source_in;
            total += c.value;
            segments.push(self.segment(&c, is_locked, record));
            record += len;
        }
        let track = &self.scored.track;
        Ok(ClipPlan {
            session_id: self.session().id.clone(),
            merchant_id: self.session().merchant_id.clone(),
            fps: f.fps,
            at_second: self.scored.at_second,
            budget_ms: req.budget_ms,
            duration_frames: record,
            total_score: round4(total),
            segments,
            peaks: self
                .scored
                .peaks
                .iter()
                .map(|&s| ClipPeak {
                    second: s,
                    score: round4(track.fused.get(s as usize).copied().unwrap_or(0.0)),
                })
                .collect(),
            coming_up_products,
            candidates: n_candidates,
        })
    }

    /// Staged products planned within the horizon after the moment and not on air at it, in
    /// planned order, each once.
    fn coming_up_products(&self) -> Vec<String> {
        let at = self.scored.at_second;
        let horizon = self.scored.config.coming_up_horizon_seconds;
        let on_air = on_air_at(self.session(), at);
        let mut staged: Vec<_> = self
            .session()
            .staged
            .iter()
            .filter(|s| s.planned_second >= at && s.planned_second <= at.saturating_add(horizon))
            .filter(|s| Some(s.product_id.as_str()) != on_air)
            .collect();
        staged.sort_by_key(|s| s.planned_second);
        let mut out: Vec<String> = Vec::new();
        for s in staged {
            if !out.contains(&s.product_id) {
                out.push(s.product_id.clone());
            }
        }
        out
    }

    /// The shot lengths tried (in frames, padding included): the shortest, the longest and two
    /// evenly between.
    fn lengths(&self) -> Vec<u32> {
        let (lo, hi) = (self.frames.min_shot, self.frames.max_shot);
        let mut v = vec![lo, lo + (hi - lo) / 3, lo + 2 * (hi - lo) / 3, hi];
        v.dedup();
        v
    }

    fn moment_len(&self, total: u32) -> u32 {
        total.saturating_sub(2 * self.frames.padding).max(1)
    }

    fn peak_candidates(&self, sentences: &Sentences) -> Vec<Candidate> {
        let f = &self.frames;
        let pos = self.scored.config.peak_position;
        let mut out: Vec<Candidate> = Vec::new();
        for &p in &self.scored.peaks {
            let product = on_air_at(self.session(), p).map(str::to_owned);
            for total in self.lengths() {
                let moment = self.moment_len(total);
                let centre = i64::from(p) * i64::from(f.fps) + i64::from(f.fps / 2);
                let start = centre - (pos * f64::from(moment)).round() as i64;
                let Some(w) = window(
                    sentences,
                    start,
                    moment,
                    f.padding,
                    f.snap,
                    0,
                    self.limit,
                    (f.min_shot, f.max_shot),
                ) else {
                    continue;
                };
                if out
                    .iter()
                    .any(|c| c.source_in == w.source_in && c.source_out == w.source_out)
                {
                    continue;
                }
                out.push(Candidate {
                    part: Part::Previously,
                    value: self.scored.track.total(w.source_in, w.source_out, f.fps),
                    source_in: w.source_in,
                    source_out: w.source_out,
                    product: product.clone(),
                    origin: Origin::Peak(p),
                    mention: false,
                    snapped_in: w.snapped_in,
                    snapped_out: w.snapped_out,
                });
            }
        }
        out
    }

    fn coming_up_candidates(&self, sentences: &Sentences, products: &[String]) -> Vec<Candidate> {
        let f = &self.frames;
        let fps = f.fps;
        let mid = self.lengths().get(1).copied().unwrap_or(f.min_shot);
        let mut out: Vec<Candidate> = Vec::new();
        let mut push = |start: i64, moment: u32, product: &str, origin: Origin, mention: bool| {
            let Some(w) = window(
                sentences,
                start,
                moment,
                f.padding,
                f.snap,
                0,
                self.limit,
                (f.min_shot, f.max_shot),
            ) else {
                return;
            };
            let duplicate = out.iter().any(|c: &Candidate| {
                c.source_in == w.source_in
                    && c.source_out == w.source_out
                    && c.product.as_deref() == Some(product)
            });
            if duplicate {
                return;
            }
            let bonus = if mention {
                self.scored.config.mention_bonus
            } else {
                0.0
            };
            out.push(Candidate {
                part: Part::ComingUp,
                value: self.scored.track.total(w.source_in, w.source_out, fps) + bonus,
                source_in: w.source_in,
                source_out: w.source_out,
                product: Some(product.to_owned()),
                origin,
                mention,
                snapped_in: w.snapped_in,
                snapped_out: w.snapped_out,
            });
        };
        for product in products {
            let title = self
                .source
                .products
                .iter()
                .find(|p| p.id == *product)
                .map(|p| p.title.as_str())
                .filter(|t| !t.is_empty());
            // The last three sentences naming it, whole where the shot lengths allow.
            if let Some(title) = title {
                let mentions: Vec<(u32, u32)> = self
                    .session()
                    .transcript
                    .iter()
                    .filter(|t| t.text.contains(title))
                    .map(|t| {
                        let a = u64::from(t.start_ms) * u64::from(fps) / 1000;
                        let b = (u64::from(t.end_ms) * u64::from(fps)).div_ceil(1000);
                        (a as u32, b as u32)
                    })
                    .filter(|&(_, b)| b <= self.limit)
                    .collect();
                for &(a, b) in mentions.iter().rev().take(3) {
                    let moment = (b - a)
                        .max(self.moment_len(f.min_shot))
                        .min(self.moment_len(f.max_shot));
                    push(i64::from(a), moment, product, Origin::Mention, true);
                }
            }
            // Its two latest explanations before the moment.
            let marks: Vec<u32> = self
                .session()
                .explain_marks
                .iter()
                .filter(|m| m.product_id == *product && m.second * fps < self.limit)
                .map(|m| m.second)
                .collect();
            for &s in marks.iter().rev().take(2) {
                push(
                    i64::from(s) * i64::from(fps),
                    self.moment_len(mid),
                    product,
                    Origin::Explain(s),
                    false,
                );
            }
            // The room right now.
            let moment = self.moment_len(mid);
            let start = i64::from(self.limit) - i64::from(f.padding) - i64::from(moment);
            push(start, moment, product, Origin::Now, false);
        }
        out
    }

    fn segment(&self, c: &Candidate, locked: bool, record_in: u32) -> ClipSegment {
        let fps = self.frames.fps;
        let track = &self.scored.track;
        let part = |k: usize| round4(track.integral(k, c.source_in, c.source_out, fps));
        let first = c.source_in / fps;
        let last = c.source_out.saturating_sub(1) / fps;
        let (peak_second, peak_score) = (first..=last)
            .map(|s| (s, track.fused.get(s as usize).copied().unwrap_or(0.0)))
            .fold((first, f64::NEG_INFINITY), |acc, x| {
                if x.1 > acc.1 {
                    x
                } else {
                    acc
                }
            });
        let mention = if c.mention {
            self.scored.config.mention_bonus
        } else {
            0.0
        };
        debug_assert_eq!(COMPONENTS.len(), 7);
        ClipSegment {
            part: c.part,
            source_in: c.source_in,
            source_out: c.source_out,
            record_in,
            record_out: record_in + (c.source_out - c.source_in),
            product_id: c.product.clone(),
            caption: self.caption(c),
            origin: if locked {
                SegmentOrigin::Locked
            } else {
                match c.origin {
                    Origin::Peak(_) => SegmentOrigin::Peak,
                    Origin::Mention => SegmentOrigin::Mention,
                    Origin::Explain(_) => SegmentOrigin::Explain,
                    Origin::Now => SegmentOrigin::Now,
                }
            },
            locked,
            snapped_in: c.snapped_in,
            snapped_out: c.snapped_out,
            score: ScoreBreakdown {
                viewers: part(0),
                comments: part(1),
                likes: part(2),
                gifts: part(3),
                orders: part(4),
                gmv: part(5),
                explain: part(6),
                mention,
                total: round4(c.value),
                peak_second,
                peak_score: round4(peak_score.max(0.0)),
            },
        }
    }

    fn caption(&self, c: &Candidate) -> String {
        let lang = self.request.lang;
        let product = c
            .product
            .as_deref()
            .map(|id| (id, self.source.products.iter().find(|p| p.id == id)));
        let name = |id: &str, p: Option<&ClipProduct>| {
            p.map_or_else(|| id.to_owned(), |p| p.title.clone())
        };
        let price = |p: Option<&ClipProduct>| p.map(|p| format_yuan(p.price_fen));
        match (c.part, product) {
            (Part::Previously, None) => match lang {
                CaptionLang::Zh => "直播间精彩时刻".to_owned(),
                CaptionLang::En => "Live highlight".to_owned(),
            },
            (Part::Previously, Some((id, p))) => match (lang, price(p)) {
                (CaptionLang::Zh, Some(y)) => format!("{} 直播价¥{y}", name(id, p)),
                (CaptionLang::En, Some(y)) => format!("{} · live price ¥{y}", name(id, p)),
                (_, None) => name(id, p),
            },
            (Part::ComingUp, None) => match lang {
                CaptionLang::Zh => "即将上车".to_owned(),
                CaptionLang::En => "Coming up".to_owned(),
            },
            (Part::ComingUp, Some((id, p))) => {
                let planned = self
                    .session()
                    .staged
                    .iter()
                    .find(|s| s.product_id == id)
                    .map(|s| s.planned_second)
                    .unwrap_or(self.scored.at_second);
                let clock = self
                    .session()
                    .start_at
                    .plus_seconds(i64::from(planned))
                    .beijing_clock();
                let price = price(p).map(|y| format!(" ¥{y}")).unwrap_or_default();
                match lang {
                    CaptionLang::Zh => format!("{clock} 即将上车：{}{price}", name(id, p)),
                    CaptionLang::En => format!("Coming up at {clock}: {}{price}", name(id, p)),
                }
            }
        }
    }
}
