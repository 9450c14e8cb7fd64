//! The custom elements' Rust half: one view per element (`BadgeView` for `<livetrust-badge>`,
//! `ReviewsView` for `<livetrust-reviews>`), mounted by the JavaScript shim
//! (`elements/loader.js`) into a `<div>` inside the element's open shadow root. The shim owns the
//! element's life cycle (attributes, properties, `src` fetches, connect and disconnect); this side
//! reads the data, renders the same component the app renders, and says what it could not read.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew::AppHandle;

use crate::badge::{BadgeData, TrustBadge};
use crate::i18n::Lang;
use crate::reviews::{ReviewCarousel, ReviewsData};

/// What an element shows.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    /// The data has not arrived yet (a `src` still loading).
    Loading,
    Badge(Rc<BadgeData>),
    /// The data could not be read: the reason, naming the field.
    Problem(Rc<str>),
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct BadgeRootProps {
    lang: Lang,
    content: Content,
}

#[function_component(BadgeRoot)]
fn badge_root(props: &BadgeRootProps) -> Html {
    let t = props.lang.viewer();
    match &props.content {
        Content::Loading => html! {
            <span class="badge-status" role="status">{ t.loading }</span>
        },
        Content::Badge(data) => html! { <TrustBadge data={data.clone()} lang={props.lang} /> },
        Content::Problem(why) => html! {
            <span class="badge-status badge-problem" role="alert">
                { t.unreadable }{ t.name_separator }{ &**why }
            </span>
        },
    }
}

/// One `<livetrust-badge>`'s rendering, driven by the shim.
#[wasm_bindgen]
pub struct BadgeView {
    root: web_sys::Element,
    app: Option<AppHandle<BadgeRoot>>,
}

#[wasm_bindgen]
impl BadgeView {
    /// A view that renders into `root` (an element in the shadow root) once told what to show.
    #[wasm_bindgen(constructor)]
    pub fn new(root: web_sys::Element) -> BadgeView {
        BadgeView { root, app: None }
    }

    /// Shows `report` in `lang` (a BCP 47 tag; English for `en…`, Chinese otherwise). `undefined`
    /// shows that the data is loading. Returns why the data cannot be read, when it cannot (the
    /// element then shows that instead of a badge).
    pub fn show(&mut self, report: JsValue, lang: &str) -> Option<String> {
        let (content, problem) = if report.is_undefined() {
            (Content::Loading, None)
        } else {
            match crate::read::badge_data(&report) {
                Ok(data) => (Content::Badge(Rc::new(data)), None),
                Err(e) => {
                    let why = e.to_string();
                    (Content::Problem(Rc::from(why.as_str())), Some(why))
                }
            }
        };
        self.render(BadgeRootProps {
            lang: Lang::from_tag(lang),
            content,
        });
        problem
    }

    /// Shows that the data could not be had (a failed `src` fetch, JSON that does not parse).
    #[wasm_bindgen(js_name = showProblem)]
    pub fn show_problem(&mut self, problem: &str, lang: &str) {
        self.render(BadgeRootProps {
            lang: Lang::from_tag(lang),
            content: Content::Problem(Rc::from(problem)),
        });
    }

    /// Removes what the view rendered and frees it (the element was taken out of the page).
    pub fn destroy(self) {
        if let Some(app) = self.app {
            app.destroy();
        }
    }

    fn render(&mut self, props: BadgeRootProps) {
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                self.app = Some(
                    yew::Renderer::<BadgeRoot>::with_root_and_props(self.root.clone(), props)
                        .render(),
                );
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum ReviewsContent {
    Loading,
    Reviews(Rc<ReviewsData>),
    Problem(Rc<str>),
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct ReviewsRootProps {
    lang: Lang,
    content: ReviewsContent,
}

#[function_component(ReviewsRoot)]
fn reviews_root(props: &ReviewsRootProps) -> Html {
    let t = props.lang.viewer();
    match &props.content {
        ReviewsContent::Loading => html! {
            <span class="badge-status" role="status">{ t.loading }</span>
        },
        ReviewsContent::Reviews(data) => {
            html! { <ReviewCarousel data={data.clone()} lang={props.lang} /> }
        }
        ReviewsContent::Problem(why) => html! {
            <span class="badge-status badge-problem" role="alert">
                { t.unreadable }{ t.name_separator }{ &**why }
            </span>
        },
    }
}

/// One `<livetrust-reviews>`'s rendering, driven by the shim (as [`BadgeView`]).
#[wasm_bindgen]
pub struct ReviewsView {
    root: web_sys::Element,
    app: Option<AppHandle<ReviewsRoot>>,
}

#[wasm_bindgen]
impl ReviewsView {
    #[wasm_bindgen(constructor)]
    pub fn new(root: web_sys::Element) -> ReviewsView {
        ReviewsView { root, app: None }
    }

    /// Shows `report` (a `ReviewsReport`) in `lang`; `undefined` shows that the data is loading.
    /// Returns why the data cannot be read, when it cannot.
    pub fn show(&mut self, report: JsValue, lang: &str) -> Option<String> {
        let (content, problem) = if report.is_undefined() {
            (ReviewsContent::Loading, None)
        } else {
            match crate::read::reviews_data(&report) {
                Ok(data) => (ReviewsContent::Reviews(Rc::new(data)), None),
                Err(e) => {
                    let why = e.to_string();
                    (ReviewsContent::Problem(Rc::from(why.as_str())), Some(why))
                }
            }
        };
        self.render(ReviewsRootProps {
            lang: Lang::from_tag(lang),
            content,
        });
        problem
    }

    #[wasm_bindgen(js_name = showProblem)]
    pub fn show_problem(&mut self, problem: &str, lang: &str) {
        self.render(ReviewsRootProps {
            lang: Lang::from_tag(lang),
            content: ReviewsContent::Problem(Rc::from(problem)),
        });
    }

    pub fn destroy(self) {
        if let Some(app) = self.app {
            app.destroy();
        }
    }

    fn render(&mut self, props: ReviewsRootProps) {
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                self.app = Some(
                    yew::Renderer::<ReviewsRoot>::with_root_and_props(self.root.clone(), props)
                        .render(),
                );
            }
        }
    }
}

impl std::fmt::Debug for ReviewsView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewsView").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for BadgeView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BadgeView").finish_non_exhaustive()
    }
}
