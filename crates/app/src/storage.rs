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

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| e.to_string())?;
    let mut request = factory.open(DB, Some(1)).map_err(|e| e.to_string())?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(|e| e.to_string())
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
