//! `cargo xtask schemas`: the JSON Schemas of the input format, generated from the core's model
//! types into `schemas/`. A test fails when the committed files differ from the types.

use std::path::PathBuf;

use livetrust_core::model::{
    Buyer, Category, Dataset, FollowerCount, LiveSession, Merchant, Order, Product, Promotion,
    Review, ServiceEvent, SessionTraffic,
};
use schemars::schema_for;

use crate::process::{project_root, Result};

fn dir() -> PathBuf {
    project_root().join("schemas")
}

/// (file name, content) of every schema: one per table record, and the whole dataset.
fn generate() -> Result<Vec<(String, String)>> {
    let schemas = [
        ("dataset", schema_for!(Dataset)),
        ("category", schema_for!(Category)),
        ("merchant", schema_for!(Merchant)),
        ("buyer", schema_for!(Buyer)),
        ("product", schema_for!(Product)),
        ("order", schema_for!(Order)),
        ("review", schema_for!(Review)),
        ("service-event", schema_for!(ServiceEvent)),
        ("live-session", schema_for!(LiveSession)),
        ("follower-count", schema_for!(FollowerCount)),
        ("promotion", schema_for!(Promotion)),
        ("session-traffic", schema_for!(SessionTraffic)),
    ];
    schemas
        .into_iter()
        .map(|(name, schema)| {
            let text = serde_json::to_string_pretty(&schema)
                .map_err(|e| format!("cannot serialize the {name} schema: {e}"))?;
            Ok((format!("{name}.schema.json"), text + "\n"))
        })
        .collect()
}

pub fn write() -> Result {
    let dir = dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {dir:?}: {e}"))?;
    for (name, text) in generate()? {
        std::fs::write(dir.join(&name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
        println!("wrote schemas/{name}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schemas_match_the_model_types() {
        for (name, text) in generate().unwrap() {
            let committed = std::fs::read_to_string(dir().join(&name)).unwrap_or_default();
            assert!(
                committed == text,
                "schemas/{name} is out of date with the Rust types: run `cargo xtask schemas`"
            );
        }
    }
}
