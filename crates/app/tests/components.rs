//! Components rendered in headless Chromium: what a viewer sees and what a screen reader hears.

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use livetrust_app::components::trust_badge::TrustBadge;
use livetrust_app::i18n::Lang;
use livetrust_app::pages::live_room::LiveRoom;
use livetrust_core::demo::{demo_live_room, DEFAULT_SEED};
use livetrust_core::peer_tier::{PeerPlacement, PeerTier};
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct WithLangProps {
    lang: Lang,
    children: Html,
}

#[function_component(WithLang)]
fn with_lang(props: &WithLangProps) -> Html {
    html! { <ContextProvider<Lang> context={props.lang}>{ props.children.clone() }</ContextProvider<Lang>> }
}

#[derive(Properties, PartialEq)]
struct BadgeHostProps {
    lang: Lang,
    placement: PeerPlacement,
}

#[function_component(BadgeHost)]
fn badge_host(props: &BadgeHostProps) -> Html {
    html! { <WithLang lang={props.lang}><TrustBadge placement={props.placement.clone()} /></WithLang> }
}

#[function_component(LiveRoomHost)]
fn live_room_host() -> Html {
    html! { <WithLang lang={Lang::Zh}><LiveRoom /></WithLang> }
}

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn badge_reads_as_one_sentence_in_chinese_and_english() {
    let placement = PeerPlacement {
        tier: PeerTier::Leading,
        better_than_percent: 82,
        peer_count: 119,
    };
    for (lang, label, chip) in [
        (Lang::Zh, "回头客推荐指数：领先，超过82%同行", "领先"),
        (
            Lang::En,
            "Repeat-buyer index: Leading, better than 82% of peers",
            "Leading",
        ),
    ] {
        let root = mount();
        yew::Renderer::<BadgeHost>::with_root_and_props(
            root.clone(),
            BadgeHostProps {
                lang,
                placement: placement.clone(),
            },
        )
        .render();
        yew::scheduler::flush().await;
        let badge = root
            .query_selector(".trust-badge")
            .unwrap()
            .expect("a badge");
        assert_eq!(badge.get_attribute("aria-label").as_deref(), Some(label));
        assert_eq!(badge.get_attribute("role").as_deref(), Some("img"));
        assert!(badge
            .get_attribute("class")
            .unwrap_or_default()
            .contains("tier-leading"));
        let chip_el = root.query_selector(".tier-chip").unwrap().unwrap();
        assert_eq!(chip_el.text_content().as_deref(), Some(chip));
        assert_eq!(
            chip_el.get_attribute("aria-hidden").as_deref(),
            Some("true")
        );
    }
}

#[wasm_bindgen_test]
async fn live_room_lists_the_demo_merchants_with_their_core_placements() {
    let root = mount();
    yew::Renderer::<LiveRoomHost>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let expected = demo_live_room(DEFAULT_SEED, 8).unwrap();
    let items = root.query_selector_all(".merchant").unwrap();
    assert_eq!(items.length() as usize, expected.len());
    for (i, merchant) in expected.iter().enumerate() {
        let item: web_sys::Element =
            wasm_bindgen::JsCast::dyn_into(items.get(i as u32).unwrap()).unwrap();
        assert_eq!(
            item.get_attribute("data-merchant-id").as_deref(),
            Some(merchant.id.as_str())
        );
        let text = item.text_content().unwrap_or_default();
        assert!(text.contains(&merchant.name), "{text}");
        assert!(
            text.contains(&format!(
                "超过{}%同行",
                merchant.placement.better_than_percent
            )),
            "{text}"
        );
    }
    let heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("直播间"));
}
