//! What a viewer's reservation does when the session starts or is cancelled, as on comparable
//! platforms: reservers are reminded when the session starts within one hour of the announced
//! time (either way, both ends included); a session that starts more than an hour late voids the
//! reservations (the viewers made plans for the announced time); one that starts more than an
//! hour early reminds nobody, and the reservations lapse with it. Cancelling tells every
//! reserver and resets the count.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// How far from the announced start a session may begin and still remind its reservers.
pub const WINDOW_SECONDS: i64 = 3600;

/// What a session's start means for its reservations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum StartDecision {
    /// Within the window: every reserver is reminded now. `lateSeconds` is negative when early.
    Remind { late_seconds: i64 },
    /// More than an hour late: the reservations are void; nobody is reminded.
    VoidedLate { late_seconds: i64 },
    /// More than an hour early: nobody is reminded; the reservations lapse.
    TooEarly { early_seconds: i64 },
}

/// The decision for a session announced for `announced` that started at `started`.
pub fn on_start(announced: Timestamp, started: Timestamp) -> StartDecision {
    let late = started.unix() - announced.unix();
    if late > WINDOW_SECONDS {
        StartDecision::VoidedLate { late_seconds: late }
    } else if late < -WINDOW_SECONDS {
        StartDecision::TooEarly {
            early_seconds: -late,
        }
    } else {
        StartDecision::Remind { late_seconds: late }
    }
}

/// A cancelled session: who is told, and the count after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Cancellation {
    /// Every reserver is notified of the cancellation.
    pub notified: u64,
    /// The reservation count starts again from zero (a new announcement collects anew).
    pub reservations: u64,
}

/// Cancels a session with `reservations` reservers.
pub fn cancel(reservations: u64) -> Cancellation {
    Cancellation {
        notified: reservations,
        reservations: 0,
    }
}
