//! One test per validation rule: a valid preview broken in one place gives exactly one problem,
//! naming its field; several breaks give all of them.

use super::fixture::{now, shop};
use crate::preview::money::{format_yuan, parse_yuan, MoneyProblem, MAX_FEN};
use crate::preview::*;

fn valid() -> Preview {
    generate(&shop(), "m0", now(), None, &PreviewConfig::default())
        .unwrap()
        .preview
}

fn problems(p: &Preview) -> Vec<(String, PreviewProblemKind)> {
    validate(p, now(), &PreviewConfig::default(), Some(&shop().products))
        .into_iter()
        .map(|p| (p.field, p.problem))
        .collect()
}

fn one(p: &Preview, field: &str, problem: PreviewProblemKind) {
    assert_eq!(problems(p), vec![(field.to_owned(), problem)]);
}

#[test]
fn the_start_must_be_in_the_future_by_the_lead_and_within_the_window() {
    let mut p = valid();
    let config = PreviewConfig::default();
    // Exactly the minimum lead passes; a second less does not.
    p.start = now().plus_seconds(10 * 60);
    assert_eq!(problems(&p), vec![]);
    p.start = now().plus_seconds(10 * 60 - 1);
    one(
        &p,
        "start",
        PreviewProblemKind::StartTooSoon {
            min_lead_minutes: 10,
        },
    );
    p.start = now().plus_seconds(-3600);
    one(
        &p,
        "start",
        PreviewProblemKind::StartTooSoon {
            min_lead_minutes: 10,
        },
    );
    p.start = now().plus_seconds(30 * 86_400);
    assert_eq!(problems(&p), vec![]);
    p.start = now().plus_seconds(30 * 86_400 + 1);
    one(
        &p,
        "start",
        PreviewProblemKind::StartTooFar {
            max_lead_days: config.max_lead_days,
        },
    );
}

#[test]
fn the_session_length_is_bounded() {
    let mut p = valid();
    p.minutes = 14;
    one(
        &p,
        "minutes",
        PreviewProblemKind::MinutesOutOfRange { min: 15, max: 720 },
    );
    p.minutes = 721;
    one(
        &p,
        "minutes",
        PreviewProblemKind::MinutesOutOfRange { min: 15, max: 720 },
    );
}

#[test]
fn the_title_is_4_to_30_characters_counted_as_characters_not_bytes() {
    let mut p = valid();
    p.title = "福利".into();
    one(
        &p,
        "title",
        PreviewProblemKind::TextTooShort { chars: 2, min: 4 },
    );
    p.title = "福".repeat(30);
    assert_eq!(problems(&p), vec![]);
    p.title = "福".repeat(31);
    one(
        &p,
        "title",
        PreviewProblemKind::TextTooLong { chars: 31, max: 30 },
    );
    p.title = "   ".into();
    one(
        &p,
        "title",
        PreviewProblemKind::TextTooShort { chars: 0, min: 4 },
    );
    p.title = "今晚\u{202E}福利专场".into();
    one(
        &p,
        "title",
        PreviewProblemKind::ControlCharacter { code: 0x202E },
    );
}

#[test]
fn cover_text_and_copy_lines_have_their_limits() {
    let mut p = valid();
    p.cover_text = "好".repeat(41);
    one(
        &p,
        "coverText",
        PreviewProblemKind::TextTooLong { chars: 41, max: 40 },
    );
    let mut p = valid();
    p.items[2].copy = "x".repeat(41);
    one(
        &p,
        "items[2].copy",
        PreviewProblemKind::TextTooLong { chars: 41, max: 40 },
    );
}

#[test]
fn a_preview_needs_a_hero() {
    let mut p = valid();
    for item in &mut p.items {
        if item.role == Role::Hero {
            item.role = Role::Regular;
        }
    }
    one(&p, "items", PreviewProblemKind::NoHero);
    p.items.clear();
    one(&p, "items", PreviewProblemKind::NoHero);
}

#[test]
fn a_welfare_price_is_below_the_list_price_and_no_live_price_above_it() {
    let mut p = valid();
    assert_eq!(p.items[0].role, Role::Welfare);
    p.items[0].live_price_fen = p.items[0].list_price_fen;
    one(
        &p,
        "items[0].livePriceFen",
        PreviewProblemKind::WelfareNotBelowList {
            list_price_fen: 9900,
        },
    );
    let mut p = valid();
    p.items[1].live_price_fen = p.items[1].list_price_fen + 1;
    one(
        &p,
        "items[1].livePriceFen",
        PreviewProblemKind::AboveList {
            list_price_fen: 5900,
        },
    );
    // A hero at exactly its list price is fine.
    p.items[1].live_price_fen = p.items[1].list_price_fen;
    assert_eq!(problems(&p), vec![]);
}

#[test]
fn money_is_a_positive_whole_number_of_fen_within_bounds() {
    let mut p = valid();
    p.items[1].live_price_fen = 0;
    one(&p, "items[1].livePriceFen", PreviewProblemKind::NotPositive);
    p.items[1].live_price_fen = -100;
    one(&p, "items[1].livePriceFen", PreviewProblemKind::NotPositive);
    let mut p = valid();
    p.items[3].list_price_fen = MAX_FEN + 1;
    p.items[3].live_price_fen = MAX_FEN;
    let got = problems(&p);
    assert!(got.contains(&(
        "items[3].listPriceFen".into(),
        PreviewProblemKind::TooLarge { max_fen: MAX_FEN }
    )));
    // The draft's JSON must hold integers: 12.5 fen is rejected when it is read.
    let mut json = serde_json::to_value(valid()).unwrap();
    json["items"][0]["livePriceFen"] = serde_json::json!(4950.5);
    assert!(serde_json::from_value::<Preview>(json).is_err());
}

#[test]
fn typed_prices_are_yuan_with_at_most_two_decimals() {
    assert_eq!(parse_yuan("12.5"), Ok(1250));
    assert_eq!(parse_yuan(" ¥ 9.90 "), Ok(990));
    assert_eq!(parse_yuan("１２．３４"), Ok(1234));
    assert_eq!(parse_yuan("0.01"), Ok(1));
    assert_eq!(parse_yuan("100"), Ok(10000));
    assert_eq!(parse_yuan("12.345"), Err(MoneyProblem::NotWholeFen));
    assert_eq!(parse_yuan(""), Err(MoneyProblem::Empty));
    assert_eq!(parse_yuan("-3"), Err(MoneyProblem::NotANumber));
    assert_eq!(parse_yuan("1e3"), Err(MoneyProblem::NotANumber));
    assert_eq!(parse_yuan("1.2.3"), Err(MoneyProblem::NotANumber));
    assert_eq!(parse_yuan("."), Err(MoneyProblem::NotANumber));
    assert_eq!(parse_yuan("10000000.01"), Err(MoneyProblem::TooLarge));
    assert_eq!(
        parse_yuan("99999999999999999999999"),
        Err(MoneyProblem::TooLarge)
    );
    assert_eq!(format_yuan(1250), "12.50");
    assert_eq!(format_yuan(1200), "12");
    assert_eq!(format_yuan(5), "0.05");
    for fen in [0, 1, 99, 100, 101, 123_456, MAX_FEN] {
        assert_eq!(parse_yuan(&format_yuan(fen)), Ok(fen));
    }
}

#[test]
fn stock_is_positive_and_required_for_welfare_deals() {
    let mut p = valid();
    p.items[0].stock = Some(0);
    one(&p, "items[0].stock", PreviewProblemKind::NotPositive);
    p.items[0].stock = None;
    one(&p, "items[0].stock", PreviewProblemKind::WelfareNeedsStock);
    let mut p = valid();
    p.items[1].stock = Some(-5);
    one(&p, "items[1].stock", PreviewProblemKind::NotPositive);
}

#[test]
fn coupons_take_a_positive_amount_less_than_the_price() {
    let mut p = valid();
    p.items[1].coupon = Some(Coupon {
        threshold_fen: 10000,
        off_fen: 1000,
    });
    assert_eq!(problems(&p), vec![]);
    for bad in [
        Coupon {
            threshold_fen: 0,
            off_fen: 0,
        },
        Coupon {
            threshold_fen: -1,
            off_fen: 100,
        },
        Coupon {
            threshold_fen: 0,
            off_fen: p.items[1].live_price_fen,
        },
    ] {
        p.items[1].coupon = Some(bad);
        one(&p, "items[1].coupon", PreviewProblemKind::CouponInvalid);
    }
}

#[test]
fn a_product_appears_once_and_must_be_the_merchants_at_its_catalogue_price() {
    let mut p = valid();
    let copy = p.items[1].clone();
    p.items.push(copy);
    one(
        &p,
        "items[6].productId",
        PreviewProblemKind::DuplicateProduct { first: 1 },
    );
    let mut p = valid();
    p.items[3].product_id = "p-gone".into();
    one(&p, "items[3].productId", PreviewProblemKind::UnknownProduct);
    let mut data = shop();
    super::fixture::product(&mut data, "p-other", "m1", "别家", 100, "fruit");
    let mut p = valid();
    p.items[3].product_id = "p-other".into();
    let got: Vec<_> = validate(&p, now(), &PreviewConfig::default(), Some(&data.products))
        .into_iter()
        .map(|p| (p.field, p.problem))
        .collect();
    assert_eq!(
        got,
        vec![(
            "items[3].productId".into(),
            PreviewProblemKind::NotMerchantsProduct
        )]
    );
    let mut p = valid();
    p.items[3].list_price_fen = 4200;
    p.items[3].live_price_fen = 3900;
    one(
        &p,
        "items[3].listPriceFen",
        PreviewProblemKind::ListPriceChanged { catalog_fen: 3900 },
    );
    p.items[3].product_id = " ".into();
    one(&p, "items[3].productId", PreviewProblemKind::EmptyProductId);
    // Without the catalogue the copies are trusted.
    let mut p = valid();
    p.items[3].product_id = "p-gone".into();
    assert_eq!(validate(&p, now(), &PreviewConfig::default(), None), vec![]);
}

#[test]
fn too_many_items_and_every_problem_at_once() {
    let config = PreviewConfig {
        max_items: 6,
        ..PreviewConfig::default()
    };
    let mut p = valid();
    let mut extra = p.items[3].clone();
    extra.product_id = "p-extra".into();
    p.items.push(extra);
    let got = validate(&p, now(), &config, None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].problem, PreviewProblemKind::TooManyItems { max: 6 });

    let mut p = valid();
    p.title.clear();
    p.minutes = 0;
    p.items[0].stock = None;
    p.items[1].live_price_fen = 0;
    let fields: Vec<String> = problems(&p).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "minutes",
            "title",
            "items[0].stock",
            "items[1].livePriceFen"
        ]
    );
    let json = serde_json::to_value(validate(&p, now(), &PreviewConfig::default(), None)).unwrap();
    assert_eq!(
        json[1],
        serde_json::json!({"field": "title", "kind": "textTooShort", "chars": 0, "min": 4})
    );
}

#[test]
fn role_names_are_the_json_names() {
    for role in Role::ALL {
        assert_eq!(
            serde_json::to_value(role).unwrap(),
            serde_json::json!(role.json_name())
        );
    }
}
