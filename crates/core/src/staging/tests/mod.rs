//! Tests of the staging zone: the edit rules, the coming-up strip, the matching, the room.

mod fixture;
mod matching;
mod room;
mod rules;
