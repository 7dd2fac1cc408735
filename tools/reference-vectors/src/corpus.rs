//! Corpus loading: `<name>.otlp.json` (an OTLP/JSON ExportLogsServiceRequest or
//! ExportTraceServiceRequest) next to `<name>.identity.json` (who is sending).

use geneva_uploader::{AuthMethod, GenevaClient, GenevaClientConfig};
use opentelemetry_proto::tonic::logs::v1::ResourceLogs;
use opentelemetry_proto::tonic::trace::v1::ResourceSpans;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The sidecar identity file. Field names follow geneva-core's `GenevaClientConfig`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Identity {
    pub namespace: String,
    pub environment: String,
    pub config_major_version: u32,
    pub tenant: String,
    pub role_name: String,
    pub role_instance: String,
    pub account: String,
    pub region: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LogsRequest {
    #[serde(default)]
    resource_logs: Vec<ResourceLogs>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TracesRequest {
    #[serde(default)]
    resource_spans: Vec<ResourceSpans>,
}

pub enum Payload {
    Logs(Vec<ResourceLogs>),
    Traces(Vec<ResourceSpans>),
}

impl Payload {
    pub fn signal(&self) -> &'static str {
        match self {
            Payload::Logs(_) => "logs",
            Payload::Traces(_) => "traces",
        }
    }

    pub fn record_count(&self) -> usize {
        match self {
            Payload::Logs(r) => r
                .iter()
                .flat_map(|r| &r.scope_logs)
                .map(|s| s.log_records.len())
                .sum(),
            Payload::Traces(r) => r
                .iter()
                .flat_map(|r| &r.scope_spans)
                .map(|s| s.spans.len())
                .sum(),
        }
    }
}

pub struct Input {
    pub name: String,
    pub otlp_path: PathBuf,
    pub identity: Identity,
    pub payload: Payload,
}

/// Every `*.otlp.json` in `dir`, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Input>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read corpus {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".otlp.json").map(str::to_owned))
        .collect();
    names.sort();
    names.iter().map(|name| load_one(dir, name)).collect()
}

fn load_one(dir: &Path, name: &str) -> Result<Input, String> {
    let otlp_path = dir.join(format!("{name}.otlp.json"));
    let identity_path = dir.join(format!("{name}.identity.json"));
    let identity_text = fs::read_to_string(&identity_path)
        .map_err(|e| format!("{}: {e}", identity_path.display()))?;
    let identity: Identity = serde_json::from_str(&identity_text)
        .map_err(|e| format!("{}: {e}", identity_path.display()))?;
    let text = fs::read_to_string(&otlp_path).map_err(|e| format!("{}: {e}", otlp_path.display()))?;
    let raw: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", otlp_path.display()))?;
    let payload = if raw.get("resourceLogs").is_some() {
        let req: LogsRequest =
            serde_json::from_value(raw).map_err(|e| format!("{}: {e}", otlp_path.display()))?;
        Payload::Logs(req.resource_logs)
    } else if raw.get("resourceSpans").is_some() {
        let req: TracesRequest =
            serde_json::from_value(raw).map_err(|e| format!("{}: {e}", otlp_path.display()))?;
        Payload::Traces(req.resource_spans)
    } else {
        return Err(format!(
            "{}: neither resourceLogs nor resourceSpans at the top level",
            otlp_path.display()
        ));
    };
    Ok(Input { name: name.to_owned(), otlp_path, identity, payload })
}

/// A crate client for this identity, pointed at `endpoint` (mock auth: no credentials, `api` path).
pub fn client_for(identity: &Identity, endpoint: &str) -> Result<GenevaClient, String> {
    GenevaClient::new(GenevaClientConfig {
        endpoint: endpoint.to_owned(),
        environment: identity.environment.clone(),
        account: identity.account.clone(),
        namespace: identity.namespace.clone(),
        region: identity.region.clone(),
        config_major_version: identity.config_major_version,
        auth_method: AuthMethod::MockAuth,
        tenant: identity.tenant.clone(),
        role_name: identity.role_name.clone(),
        role_instance: identity.role_instance.clone(),
        msi_resource: None,
    })
}

/// Encode (and LZ4-compress) with the crate, exactly as its public API does before an upload.
pub fn encode(client: &GenevaClient, payload: &Payload) -> Result<Vec<geneva_uploader::EncodedBatch>, String> {
    match payload {
        Payload::Logs(r) => client.encode_and_compress_logs(r),
        Payload::Traces(r) => client.encode_and_compress_spans(r),
    }
}
