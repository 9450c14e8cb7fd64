//! livetrust-app: the Yew single-page app for viewers and merchants.
//!
//! A thin shell over `livetrust-core`: pages call core functions on embedded demo data (or the
//! merchant's own files, later) and render the results. Code map: `app` (routes and the root
//! component), `i18n` (zh-CN default, en), `pages/` (one module per route), `components/`
//! (reusable widgets such as the trust badge), `hooks/` (the document title and focus after a
//! route change), `state` (the marketplace and its index, shared through a context), `storage`
//! and `replies` (what this browser keeps in IndexedDB: imported files, reply drafts), `clip_edits`
//! and `staging_store` (the clip page's edits, the live assistant's staging zones).

pub mod app;
pub mod audience_worker;
pub mod clip_edits;
pub mod components;
pub mod download;
pub mod drafts;
pub mod hooks;
pub mod i18n;
pub mod live_view;
pub mod local_media;
pub mod pages;
pub mod problem_text;
pub mod replies;
pub mod staging_store;
pub mod state;
pub mod storage;

pub use app::App;
