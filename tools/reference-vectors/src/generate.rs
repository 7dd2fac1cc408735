//! `generate`: the crate's output for every corpus input, written as golden vectors.
//!
//! Per input `<name>`: `<out>/<name>/manifest.json` and, per batch (sorted by event name, since the
//! crate's batch order comes from a HashMap), `batch-<i>.blob.bin` (the decompressed central blob)
//! and `batch-<i>.body.bin` (the LZ4 chunks exactly as POSTed). Random values the crate puts on
//! the wire (sourceUniqueId, TagId, x-ms-client-request-id) are checked to be UUID v4 and replaced
//! by `<uuid>` so that regenerating gives identical files.

use crate::corpus::{self, Input};
use crate::lz4::decompress_chunks;
use crate::server::{self, Recorded, Server, ENDPOINT_CLAIM, MONIKER};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;
use std::time::Duration;

const RANDOM_QUERY_KEYS: [&str; 2] = ["sourceUniqueId", "TagId"];
const RECORDED_HEADERS: [&str; 5] = ["accept", "authorization", "content-type", "user-agent", "x-ms-client-request-id"];

pub fn run(corpus_dir: &Path, out_dir: &Path) -> Result<(), String> {
    let inputs = corpus::load_dir(corpus_dir)?;
    if inputs.is_empty() {
        return Err(format!("no *.otlp.json in {}", corpus_dir.display()));
    }
    let server = server::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("tokio runtime: {e}"))?;
    if out_dir.exists() {
        fs::remove_dir_all(out_dir).map_err(|e| format!("clean {}: {e}", out_dir.display()))?;
    }
    for input in &inputs {
        let manifest = runtime.block_on(run_input(input, &server, out_dir))?;
        let dir = out_dir.join(&input.name);
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
        fs::write(dir.join("manifest.json"), text).map_err(|e| e.to_string())?;
    }
    println!("{} inputs -> {}", inputs.len(), out_dir.display());
    Ok(())
}

async fn run_input(input: &Input, server: &Server, out_dir: &Path) -> Result<Value, String> {
    let fail = |msg: String| format!("{}: {msg}", input.name);
    let dir = out_dir.join(&input.name);
    fs::create_dir_all(&dir).map_err(|e| fail(e.to_string()))?;
    let client = corpus::client_for(&input.identity, &server.base_url).map_err(fail)?;
    let mut batches = corpus::encode(&client, &input.payload).map_err(fail)?;
    batches.sort_by(|a, b| a.event_name.cmp(&b.event_name));

    let mut config_request = Value::Null;
    let mut out_batches = Vec::new();
    for (i, batch) in batches.iter().enumerate() {
        client.upload_batch(batch).await.map_err(fail)?;
        // The first upload of a client fetches config first; then comes the POST.
        let upload = loop {
            let req = next_request(server).map_err(fail)?;
            if req.method == "GET" {
                config_request = describe_request(&req).map_err(fail)?;
            } else {
                break req;
            }
        };
        if upload.body != batch.data {
            return Err(fail(format!("batch {i}: POSTed body differs from EncodedBatch.data")));
        }
        let blob = decompress_chunks(&batch.data).map_err(|e| fail(format!("batch {i}: {e}")))?;
        let blob_file = format!("batch-{i}.blob.bin");
        let body_file = format!("batch-{i}.body.bin");
        fs::write(dir.join(&blob_file), &blob).map_err(|e| fail(e.to_string()))?;
        fs::write(dir.join(&body_file), &batch.data).map_err(|e| fail(e.to_string()))?;
        let schema_ids: Vec<&str> = if batch.metadata.schema_ids.is_empty() {
            Vec::new()
        } else {
            batch.metadata.schema_ids.split(';').collect()
        };
        let upload_desc = describe_request(&upload).map_err(fail)?;
        let query_value = |key: &str| -> Value {
            let raw = upload_desc["rawQuery"].as_str().unwrap_or_default();
            raw.split('&')
                .find_map(|p| p.strip_prefix(key).and_then(|rest| rest.strip_prefix('=')))
                .map(|v| Value::String(v.to_owned()))
                .unwrap_or(Value::Null)
        };
        out_batches.push(json!({
            "eventName": batch.event_name,
            "blobFile": blob_file,
            "bodyFile": body_file,
            "rowCount": batch.row_count,
            "schemaIds": schema_ids,
            "startTimeUnixNano": batch.metadata.start_time.to_string(),
            "endTimeUnixNano": batch.metadata.end_time.to_string(),
            "startTime": query_value("startTime"),
            "endTime": query_value("endTime"),
            "dataSize": batch.data.len(),
            "uncompressedSize": blob.len(),
            "upload": upload_desc,
        }));
    }
    Ok(json!({
        "generator": "tools/reference-vectors with geneva-uploader =0.4.0 (mock_auth)",
        "input": input.otlp_path.file_name().and_then(|f| f.to_str()).unwrap_or_default(),
        "signal": input.payload.signal(),
        "recordCount": input.payload.record_count(),
        "identity": input.identity,
        "gateway": { "endpointClaim": ENDPOINT_CLAIM, "moniker": MONIKER },
        "configRequest": config_request,
        "batches": out_batches,
    }))
}

fn next_request(server: &Server) -> Result<Recorded, String> {
    server
        .requests
        .recv_timeout(Duration::from_secs(10))
        .map_err(|_| "the listener recorded no request".to_owned())
}

/// Method, path, the raw query exactly as sent with random values masked (not percent-decoded:
/// 0.4.0 encodes only some values, and that is part of what we record), selected headers.
fn describe_request(req: &Recorded) -> Result<Value, String> {
    let mut pairs = Vec::new();
    for part in req.query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let value = if RANDOM_QUERY_KEYS.contains(&key) { mask_uuid(key, value)? } else { value.to_owned() };
        pairs.push(json!([key, value]));
    }
    let raw_query = pairs
        .iter()
        .map(|p| format!("{}={}", p[0].as_str().unwrap_or_default(), p[1].as_str().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("&");
    let mut headers = serde_json::Map::new();
    for name in RECORDED_HEADERS {
        if let Some((_, value)) = req.headers.iter().find(|(n, _)| n == name) {
            let value = if name == "x-ms-client-request-id" { mask_uuid(name, value)? } else { value.clone() };
            headers.insert(name.to_owned(), Value::String(value));
        }
    }
    Ok(json!({
        "method": req.method,
        "path": req.path,
        "rawQuery": raw_query,
        "headers": headers,
    }))
}

/// A UUID v4 in canonical lowercase form becomes `<uuid>`; anything else is an error.
fn mask_uuid(what: &str, value: &str) -> Result<String, String> {
    let groups: Vec<&str> = value.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups.iter().zip(lens).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        && groups[2].starts_with('4');
    if ok {
        Ok("<uuid>".to_owned())
    } else {
        Err(format!("{what}={value} is not a UUID v4"))
    }
}
