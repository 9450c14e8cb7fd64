//! Generation on the fixture shop, worked out by hand, and regeneration around the merchant's
//! edits.

use super::fixture::{now, sell, shop, ts};
use crate::preview::*;

fn proposal() -> Generated {
    generate(&shop(), "m0", now(), None, &PreviewConfig::default()).unwrap()
}

fn summary(p: &Preview) -> Vec<(String, Role, i64, Option<i64>, String)> {
    p.items
        .iter()
        .map(|i| {
            (
                i.product_id.clone(),
                i.role,
                i.live_price_fen,
                i.stock,
                i.copy.clone(),
            )
        })
        .collect()
}

#[test]
fn heroes_are_qualified_best_sellers_welfare_the_deepest_discounts_in_the_documented_order() {
    let g = proposal();
    assert!(g.notes.is_empty(), "{:?}", g.notes);
    let s = |id: &str, role, live, stock: Option<i64>, copy: &str| {
        (id.to_owned(), role, live, stock, copy.to_owned())
    };
    assert_eq!(
        summary(&g.preview),
        vec![
            // The deepest discount seen (sold at 49 of 99) opens the session at half price,
            // in a stock of two days' sales raised to the minimum of 20.
            s(
                "p-deep",
                Role::Welfare,
                4950,
                Some(20),
                "福利价¥49.50（5折）· 限量20件"
            ),
            // Best seller p-bad has 6 quality refunds in 40 orders (15% > 5%): not a hero.
            s(
                "p-hero1",
                Role::Hero,
                5600,
                None,
                "近30天售出30件 · 直播价¥56"
            ),
            // 1 quality refund in 20 (exactly 5%) and a mean rating of exactly 4 still pass.
            s(
                "p-hero2",
                Role::Hero,
                12250,
                None,
                "近30天售出20件 · 直播价¥122.50"
            ),
            s("p-bad", Role::Regular, 3900, None, "直播价¥39"),
            // Its 50 sales are 45 days old, outside the window.
            s("p-new", Role::Regular, 1990, None, "直播价¥19.90"),
            // Cheapest of the undiscounted: ¥9.90 → ¥4.95 → ¥4.90 (prices end in 角).
            s(
                "p-cheap",
                Role::Welfare,
                490,
                Some(20),
                "福利价¥4.90（5折）· 限量20件"
            ),
        ]
    );
    assert_eq!(g.preview.title, "果园直播：赣南脐橙仅¥56");
    // 12:00 in Shanghai; 20:00 today leaves more than the lead.
    assert_eq!(g.preview.start, ts("2026-12-01T12:00:00Z"));
    assert_eq!(g.preview.cover_text, "12月1日 20:00开播 · 2款福利限量抢");
    assert_eq!(g.preview.minutes, 120);
    assert_eq!(g.preview.items[0].list_price_fen, 9900);
    assert_eq!(g.preview.items[0].title, "车厘子礼盒");
    // What generation proposes passes validation.
    assert_eq!(
        validate(
            &g.preview,
            now(),
            &PreviewConfig::default(),
            Some(&shop().products)
        ),
        vec![]
    );
}

#[test]
fn the_default_start_moves_to_the_next_evening_when_tonight_is_too_close() {
    let late = ts("2026-12-01T11:30:00Z"); // 19:30 in Shanghai
    let g = generate(&shop(), "m0", late, None, &PreviewConfig::default()).unwrap();
    assert_eq!(g.preview.start, ts("2026-12-02T12:00:00Z"));
    // Near midnight in Shanghai (UTC still on the previous day) the next evening is the same
    // Shanghai date's.
    let night = ts("2026-12-01T16:30:00Z"); // 00:30 on 12-02 in Shanghai
    let g = generate(&shop(), "m0", night, None, &PreviewConfig::default()).unwrap();
    assert_eq!(g.preview.start, ts("2026-12-02T12:00:00Z"));
}

#[test]
fn regenerating_keeps_every_field_the_merchant_changed_and_refreshes_the_rest() {
    let mut draft = proposal().preview;
    draft.title = "我自己的标题".into();
    draft.edited.insert(edited::TITLE.into());
    draft.start = ts("2026-12-03T11:00:00Z");
    draft.edited.insert(edited::START.into());
    // The merchant sets p-hero1's price and makes p-bad a welfare deal with their own stock.
    let hero = draft
        .items
        .iter_mut()
        .find(|i| i.product_id == "p-hero1")
        .unwrap();
    hero.live_price_fen = 4990;
    draft.edited.insert(edited::item("p-hero1", "livePriceFen"));
    let bad = draft
        .items
        .iter_mut()
        .find(|i| i.product_id == "p-bad")
        .unwrap();
    bad.role = Role::Welfare;
    bad.stock = Some(77);
    draft.edited.insert(edited::item("p-bad", "role"));
    draft.edited.insert(edited::item("p-bad", "stock"));

    // New sales arrive: p-hero1 sells 40 more.
    let mut data = shop();
    sell(&mut data, "m0", "p-hero1", 40, 5900, 1, 0, Some(5));
    let g = generate(&data, "m0", now(), Some(&draft), &PreviewConfig::default()).unwrap();
    let p = &g.preview;
    assert_eq!(p.title, "我自己的标题");
    assert_eq!(p.start, ts("2026-12-03T11:00:00Z"));
    // The cover text was not edited: regenerated for the merchant's start.
    assert_eq!(p.cover_text, "12月3日 19:00开播 · 3款福利限量抢");
    let item = |id: &str| p.items.iter().find(|i| i.product_id == id).unwrap();
    assert_eq!(item("p-hero1").live_price_fen, 4990);
    // … while its copy line, not edited, follows the new sales and the merchant's price.
    assert_eq!(item("p-hero1").copy, "近30天售出70件 · 直播价¥49.90");
    let bad = item("p-bad");
    assert_eq!((bad.role, bad.stock), (Role::Welfare, Some(77)));
    // Its price, not edited, is proposed for its new role: half of ¥39.
    assert_eq!(bad.live_price_fen, 1950);
    assert_eq!(p.edited, draft.edited);
}

#[test]
fn an_edited_item_list_keeps_its_products_and_order() {
    let mut draft = proposal().preview;
    draft.items.reverse();
    draft.items.retain(|i| i.product_id != "p-new");
    draft.edited.insert(edited::ITEMS.into());
    let g = generate(
        &shop(),
        "m0",
        now(),
        Some(&draft),
        &PreviewConfig::default(),
    )
    .unwrap();
    let ids: Vec<&str> = g
        .preview
        .items
        .iter()
        .map(|i| i.product_id.as_str())
        .collect();
    assert_eq!(ids, ["p-cheap", "p-bad", "p-hero2", "p-hero1", "p-deep"]);
    // Without the edit, regeneration proposes the list again.
    draft.edited.clear();
    let g = generate(
        &shop(),
        "m0",
        now(),
        Some(&draft),
        &PreviewConfig::default(),
    )
    .unwrap();
    assert_eq!(g.preview.items.len(), 6);
    assert_eq!(g.preview.items[0].product_id, "p-deep");
}

#[test]
fn a_product_with_edits_stays_when_the_proposal_no_longer_picks_it() {
    let mut draft = proposal().preview;
    let config = PreviewConfig {
        regular_count: 1,
        ..PreviewConfig::default()
    };
    let new = draft
        .items
        .iter_mut()
        .find(|i| i.product_id == "p-new")
        .unwrap();
    new.copy = "老板亲自推荐".into();
    draft.edited.insert(edited::item("p-new", "copy"));
    let g = generate(&shop(), "m0", now(), Some(&draft), &config).unwrap();
    let last = g.preview.items.last().unwrap();
    assert_eq!(
        (last.product_id.as_str(), last.copy.as_str()),
        ("p-new", "老板亲自推荐")
    );
}

#[test]
fn without_a_qualified_best_seller_the_top_seller_is_proposed_and_noted() {
    let mut data = shop();
    data.products.retain(|p| p.id == "p-bad" || p.id == "p-new");
    let g = generate(&data, "m0", now(), None, &PreviewConfig::default()).unwrap();
    assert_eq!(
        g.notes,
        vec![GenerationNote::NoQualifiedHero {
            product_id: "p-bad".into()
        }]
    );
    assert_eq!(g.preview.items[1].role, Role::Hero);
}

#[test]
fn unknown_merchants_empty_shops_and_foreign_drafts_are_errors_naming_the_field() {
    let data = shop();
    let config = PreviewConfig::default();
    let err = generate(&data, "nobody", now(), None, &config).unwrap_err();
    assert_eq!(err.field(), Some("merchantId"));
    let mut empty = data.clone();
    empty.products.clear();
    let err = generate(&empty, "m0", now(), None, &config).unwrap_err();
    assert!(err.to_string().contains("no products"), "{err}");
    let mut foreign = proposal().preview;
    foreign.merchant_id = "m9".into();
    let err = generate(&data, "m0", now(), Some(&foreign), &config).unwrap_err();
    assert_eq!(err.field(), Some("merchantId"));
    let bad = PreviewConfig {
        welfare_price_share: 1.0,
        ..config
    };
    let err = generate(&data, "m0", now(), None, &bad).unwrap_err();
    assert_eq!(err.field(), Some("welfarePriceShare"));
}

#[test]
fn discounts_read_as_zhe_rounded_up() {
    assert_eq!(generate::discount_text(4500, 10000), "4.5");
    assert_eq!(generate::discount_text(5000, 10000), "5");
    assert_eq!(generate::discount_text(4501, 10000), "4.6");
    assert_eq!(generate::discount_text(10000, 10000), "10");
}
