//! Tests of the clip planner: the score on hand-made timelines, sentence snapping, exact
//! selection against brute force, every constraint of a plan, and the exports read back.

mod exports;
mod fixture;
mod planning;
mod scoring;
mod selection;
mod snapping;
