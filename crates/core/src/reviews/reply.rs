//! The merchant's reply to a review: add, edit and delete, with the text checked first. A reply
//! is shown under the review in the live room, so it is plain text of a readable length.

use crate::model::{MerchantReply, Review, Timestamp};
use crate::{Error, Result};

/// The longest reply, in characters.
pub const MAX_REPLY_CHARS: usize = 500;

/// Why a reply text cannot be kept, for a form to say in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyProblem {
    Empty,
    /// Longer than [`MAX_REPLY_CHARS`]: its length after trimming.
    TooLong {
        chars: usize,
    },
    /// The first control character found.
    ControlCharacter {
        code: u32,
    },
}

/// What is wrong with a reply text, if anything (the rules of [`check_reply`]).
pub fn reply_problem(text: &str) -> Option<ReplyProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Some(ReplyProblem::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_REPLY_CHARS {
        return Some(ReplyProblem::TooLong { chars });
    }
    text.chars()
        .find(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| ReplyProblem::ControlCharacter { code: u32::from(c) })
}

/// The reply as it will be kept (trimmed at both ends), or why it cannot be: empty, longer than
/// [`MAX_REPLY_CHARS`], or holding control characters other than line breaks and tabs (the
/// bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069 count as control
/// characters: they can make shown text read differently from what it is).
pub fn check_reply(text: &str) -> Result<&str> {
    let reason = match reply_problem(text) {
        None => return Ok(text.trim()),
        Some(ReplyProblem::Empty) => "must not be empty".to_owned(),
        Some(ReplyProblem::TooLong { chars }) => {
            format!("must be at most {MAX_REPLY_CHARS} characters, is {chars}")
        }
        Some(ReplyProblem::ControlCharacter { code }) => {
            format!("must not contain the control character U+{code:04X}")
        }
    };
    Err(Error::invalid_field("reply.text", reason))
}

/// Adds or replaces the reply of `review` (checked as by [`check_reply`]), written at `at`.
pub fn set_reply(review: &mut Review, text: &str, at: Timestamp) -> Result<()> {
    if at < review.created_at {
        return Err(Error::invalid_field(
            "reply.repliedAt",
            "must not be before the review was written",
        ));
    }
    let text = check_reply(text)?.to_owned();
    review.reply = Some(MerchantReply {
        text,
        replied_at: at,
    });
    Ok(())
}

/// Removes the reply of `review`; true if it had one.
pub fn delete_reply(review: &mut Review) -> bool {
    review.reply.take().is_some()
}
