//! The custom elements' Rust half: `ElementView`, one per element on the page, mounted by the
//! JavaScript shim (`elements/loader.js`) into a `<div>` inside the element's open shadow root
//! and told which component it renders (`badge` for `<livetrust-badge>`, `reviews` for
//! `<livetrust-reviews>`, `preview` for `<livetrust-preview>`). The shim owns the element's life
//! cycle (attributes, properties, `src` fetches, connect and disconnect); this side reads the
//! data, renders the same component the app renders, and says what it could not read.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew::AppHandle;

use crate::badge::{BadgeData, TrustBadge};
use crate::i18n::Lang;
use crate::preview::{PreviewCard, PreviewData};
use crate::reviews::{ReviewCarousel, ReviewsData};

/// Which component an element renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Badge,
    Reviews,
    Preview,
}

/// What an element shows.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    /// The data has not arrived yet (a `src` still loading).
    Loading,
    Badge(Rc<BadgeData>),
    Reviews(Rc<ReviewsData>),
    Preview(Rc<PreviewData>),
    /// The data could not be read: the reason, naming the field.
    Problem(Rc<str>),
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct RootProps {
    lang: Lang,
    content: Content,
}

#[function_component(Root)]
fn root(props: &RootProps) -> Html {
    let t = props.lang.viewer();
    let lang = props.lang;
    match &props.content {
        Content::Loading => html! {
            <span class="badge-status" role="status">{ t.loading }</span>
        },
        Content::Badge(data) => html! { <TrustBadge data={data.clone()} {lang} /> },
        Content::Reviews(data) => html! { <ReviewCarousel data={data.clone()} {lang} /> },
        Content::Preview(data) => html! { <PreviewCard data={data.clone()} {lang} /> },
        Content::Problem(why) => html! {
            <span class="badge-status badge-problem" role="alert">
                { t.unreadable }{ t.name_separator }{ &**why }
            </span>
        },
    }
}

/// One element's rendering, driven by the shim.
#[wasm_bindgen]
pub struct ElementView {
    root: web_sys::Element,
    kind: Kind,
    app: Option<AppHandle<Root>>,
}

#[wasm_bindgen]
impl ElementView {
    /// A view that renders `kind` (`badge`, `reviews` or `preview`) into `root` (an element in
    /// the shadow root) once told what to show. An unknown kind renders a badge.
    #[wasm_bindgen(constructor)]
    pub fn new(root: web_sys::Element, kind: &str) -> ElementView {
        let kind = match kind {
            "reviews" => Kind::Reviews,
            "preview" => Kind::Preview,
            _ => Kind::Badge,
        };
        ElementView {
            root,
            kind,
            app: None,
        }
    }

    /// Shows `report` in `lang` (a BCP 47 tag; English for `en…`, Chinese otherwise): for a badge
    /// an `IndexReport` (or `{placement, dimensions}`, or a bare placement), for the reviews a
    /// `ReviewsReport`, for a preview a `Preview`. `undefined` shows that the data is loading.
    /// Returns why the data cannot be read, when it cannot (the element then shows that).
    pub fn show(&mut self, report: JsValue, lang: &str) -> Option<String> {
        let read = if report.is_undefined() {
            Ok(Content::Loading)
        } else {
            match self.kind {
                Kind::Badge => crate::read::badge_data(&report).map(|d| Content::Badge(Rc::new(d))),
                Kind::Reviews => {
                    crate::read::reviews_data(&report).map(|d| Content::Reviews(Rc::new(d)))
                }
                Kind::Preview => {
                    crate::read::preview_data(&report).map(|d| Content::Preview(Rc::new(d)))
                }
            }
        };
        let (content, problem) = match read {
            Ok(content) => (content, None),
            Err(e) => {
                let why = e.to_string();
                (Content::Problem(Rc::from(why.as_str())), Some(why))
            }
        };
        self.render(RootProps {
            lang: Lang::from_tag(lang),
            content,
        });
        problem
    }

    /// Shows that the data could not be had (a failed `src` fetch, JSON that does not parse).
    #[wasm_bindgen(js_name = showProblem)]
    pub fn show_problem(&mut self, problem: &str, lang: &str) {
        self.render(RootProps {
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

    fn render(&mut self, props: RootProps) {
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                self.app = Some(
                    yew::Renderer::<Root>::with_root_and_props(self.root.clone(), props).render(),
                );
            }
        }
    }
}

impl std::fmt::Debug for ElementView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ElementView")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}
