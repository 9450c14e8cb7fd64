//! A session's plan of four products and a buyer history around them.

use crate::preview::audience::{AudienceHistory, HistoryColumns, HistoryProduct, PlannedProduct};
use crate::staging::{LivePlan, StagingConfig, StagingState};

pub fn plan() -> LivePlan {
    LivePlan {
        session_id: "s1".into(),
        products: ["tea", "cup", "pot", "mat"]
            .iter()
            .enumerate()
            .map(|(i, id)| PlannedProduct {
                product_id: (*id).into(),
                live_price_fen: 1000 * (i as i64 + 1),
            })
            .collect(),
    }
}

pub fn config() -> StagingConfig {
    StagingConfig::default()
}

pub fn at(now: u32) -> StagingState {
    StagingState {
        now_second: now,
        ..StagingState::default()
    }
}

/// Six buyers: 0–2 bought tea (0 twice), 3 bought a cup, 4 a pot, 5 nothing; tea and cup share
/// a category.
pub fn history() -> AudienceHistory {
    let products = [
        ("tea", "drink"),
        ("cup", "drink"),
        ("pot", "kitchen"),
        ("mat", "home"),
    ]
    .iter()
    .map(|(id, c)| HistoryProduct {
        id: (*id).into(),
        category_id: (*c).into(),
    })
    .collect();
    AudienceHistory::from_columns(HistoryColumns {
        buyer_count: 6,
        buyer_ids: Some((0..6).map(|b| format!("b{b}")).collect()),
        products,
        purchase_buyer: vec![0, 0, 1, 2, 3, 4],
        purchase_product: vec![0, 0, 0, 0, 1, 2],
        purchase_days_ago: vec![1, 5, 3, 40, 2, 2],
        purchase_unit_price_fen: vec![1000, 1000, 900, 1100, 2000, 3000],
        followers: vec![5],
        earlier_reservations: Vec::new(),
    })
    .unwrap()
}
