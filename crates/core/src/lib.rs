//! livetrust-core: the single source of truth for every livetrust computation.
//!
//! Plain data in, `Result<Output, Error>` out. This crate does no I/O and has no dependency on
//! wasm-bindgen or the DOM; the wasm bindings, the Yew app and the CLI are thin shells over it and
//! must give the same answer for the same JSON.

pub mod calendar;
pub mod clip;
pub mod coldstart;
pub mod error;
pub mod generate;
pub mod import;
pub mod index;
pub mod leverage;
pub mod model;
pub mod peer_tier;
pub mod preview;
pub mod reviews;
pub mod rng;
pub mod staging;
pub mod text;
pub mod traffic;

pub use error::{Error, Result};
