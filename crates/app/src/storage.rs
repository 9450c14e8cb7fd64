//! The merchant's imported files in this browser's IndexedDB, so a reload (or a second tab, or a
//! crash) comes back to their data instead of the demo, until they choose the demo again. The
//! files themselves are kept — names and bytes, read here and never uploaded — and re-imported on
//! load, so a newer app reads them with its own importer.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use livetrust_core::import::InputFile;
use wasm_bindgen::{JsCast, JsValue};

const DB: &str = "livetrust";
const STORE: &str = "imports";
const KEY: &str = "current";

/// The app's database: version 1 had the imported files; version 2 adds the merchant's replies
/// (`crate::replies`), version 3 the preview drafts (`crate::drafts`), version 4 the clip plans'
/// edits (`crate::clip_edits`), version 5 the live assistant's staging zones
/// (`crate::staging_store`). Every store is created
/// when missing, so any older version upgrades.
pub(crate) async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| e.to_string())?;
    let mut request = factory.open(DB, Some(5)).map_err(|e| e.to_string())?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            for store in [
                STORE,
                crate::replies::STORE,
                crate::drafts::STORE,
                crate::clip_edits::STORE,
                crate::staging_store::STORE,
            ] {
                if !db.store_names().iter().any(|n| n == store) {
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        }
    });
    let mut db = request.await.map_err(|e| e.to_string())?;
    // Another tab opening a newer version waits for this connection: let it go.
    db.on_version_change(|event| {
        let target = js_sys::Reflect::get(&event, &JsValue::from_str("target")).ok();
        if let Some(close) = target
            .as_ref()
            .and_then(|t| js_sys::Reflect::get(t, &JsValue::from_str("close")).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = close.call0(target.as_ref().unwrap_or(&JsValue::NULL));
        }
    });
    Ok(db)
}

/// `[{name, bytes: Uint8Array}]`, the stored form of the files.
fn to_js(files: &[InputFile]) -> JsValue {
    let array = js_sys::Array::new();
    for f in files {
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"name".into(), &f.name.as_str().into());
        let _ = js_sys::Reflect::set(
            &item,
            &"bytes".into(),
            &js_sys::Uint8Array::from(f.bytes.as_slice()),
        );
        array.push(&item);
    }
    array.into()
}

fn from_js(value: &JsValue) -> Option<Vec<InputFile>> {
    let array = value.dyn_ref::<js_sys::Array>()?;
    array
        .iter()
        .map(|item| {
            let name = js_sys::Reflect::get(&item, &"name".into())
                .ok()?
                .as_string()?;
            let bytes = js_sys::Reflect::get(&item, &"bytes".into())
                .ok()?
                .dyn_into::<js_sys::Uint8Array>()
                .ok()?
                .to_vec();
            Some(InputFile { name, bytes })
        })
        .collect()
}

/// Keeps `files` as the merchant's data (replacing what was kept before).
pub async fn save(files: &[InputFile]) -> Result<(), String> {
    // Serialised before the transaction opens: nothing but IndexedDB is awaited inside it.
    let value = to_js(files);
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    store
        .put(&value, Some(&JsValue::from_str(KEY)))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let result = tx
        .commit()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    db.close();
    if result.is_committed() {
        Ok(())
    } else {
        Err("the browser did not keep the files (storage full or not allowed)".to_owned())
    }
}

/// The files kept by [`save`], if any.
pub async fn load() -> Result<Option<Vec<InputFile>>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    let value = store
        .get(JsValue::from_str(KEY))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let _ = tx.await;
    db.close();
    Ok(value.as_ref().and_then(from_js))
}

/// Forgets the kept files (the merchant went back to the demo).
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    store
        .delete(JsValue::from_str(KEY))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    db.close();
    Ok(())
}
