//! Tests of the staging zone: the edit rules, the coming-up strip, the matching.

mod fixture;
mod matching;
mod rules;
