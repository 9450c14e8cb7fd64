//! One module per route.

pub mod assistant;
pub mod calendar;
pub mod clip;
pub mod coldstart;
pub mod import;
pub mod live_room;
pub mod merchant;
pub mod not_found;
pub mod preview;
pub mod reviews;
pub mod room;
pub mod traffic;
