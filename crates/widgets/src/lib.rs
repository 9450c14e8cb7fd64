//! livetrust-widgets: what viewers see of livetrust, as Yew components, written once.
//!
//! The app renders them in its pages; with the `elements` feature the same components are exported
//! as custom elements (`<livetrust-badge>` …) that host pages load from a small wasm bundle of
//! their own (`cargo xtask widgets` builds it into `crates/widgets/pkg/`). Components take the
//! parts of the core's reports that they show, never a marketplace, so a host page needs only the
//! JSON its server already has.

pub mod badge;
pub mod i18n;
pub mod preview;
pub mod read;
pub mod reviews;

#[cfg(feature = "elements")]
pub mod elements;

pub use badge::{BadgeData, TrustBadge};
pub use i18n::Lang;
pub use preview::{PreviewCard, PreviewData};
pub use reviews::{ReviewCarousel, ReviewsData};

// The element bundle is small and short-lived per allocation (a few badges' props and DOM
// handles): a free-list allocator of about 1 KB instead of dlmalloc's 7 KB.
#[cfg(all(feature = "elements", target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
