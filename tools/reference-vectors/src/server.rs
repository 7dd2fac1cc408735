//! A tiny HTTP/1.1 listener on 127.0.0.1 playing both Geneva services for the crate:
//! the config service (GET .../MonitoringStorageKeys/) and the ingestion gateway (POST .../ingest).
//! Every request is recorded and handed to the caller through a channel.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread;

/// Value of the `Endpoint` claim inside the token (what the crate puts in `endpoint=`).
pub const ENDPOINT_CLAIM: &str = "https://vectors.ingest.example.test/";
/// Primary moniker; 0.4.0 only accepts a primary moniker whose name contains `diag`.
pub const MONIKER: &str = "vectorsdiagmoniker";
/// Unsigned JWT: header {"alg":"none","typ":"JWT"}, payload {"Endpoint": ENDPOINT_CLAIM, "exp": 4102444800}.
pub const TOKEN: &str = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJFbmRwb2ludCI6Imh0dHBzOi8vdmVjdG9ycy5pbmdlc3QuZXhhbXBsZS50ZXN0LyIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl";
const TOKEN_EXPIRY: &str = "2099-12-31T23:59:59Z";

pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub struct Server {
    pub base_url: String,
    pub requests: Receiver<Recorded>,
}

pub fn start() -> Result<Server, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind 127.0.0.1:0: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let base_url = format!("http://127.0.0.1:{port}");
    let (tx, rx) = channel();
    let gateway = format!("{base_url}/");
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let tx = tx.clone();
            let gateway = gateway.clone();
            // One thread per connection: the crate keeps separate keep-alive pools for the
            // config client and the uploader.
            thread::spawn(move || {
                let _ = serve_connection(stream, &tx, &gateway);
            });
        }
    });
    Ok(Server { base_url, requests: rx })
}

fn serve_connection(stream: TcpStream, tx: &Sender<Recorded>, gateway: &str) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut ticket = 0u64;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(()); // peer closed the keep-alive connection
        }
        let mut parts = request_line.trim_end().splitn(3, ' ');
        let method = parts.next().unwrap_or_default().to_owned();
        let target = parts.next().unwrap_or_default().to_owned();
        let mut headers = Vec::new();
        let mut content_length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                let value = value.trim().to_owned();
                if name == "content-length" {
                    content_length = value.parse().unwrap_or(0);
                }
                headers.push((name, value));
            }
        }
        let mut body = vec![0u8; content_length];
        reader.read_exact(&mut body)?;
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p.to_owned(), q.to_owned()),
            None => (target.clone(), String::new()),
        };
        let (status, response) = respond(&method, &path, gateway, &mut ticket);
        let _ = tx.send(Recorded { method, path, query, headers, body });
        write!(
            writer,
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{response}",
            response.len()
        )?;
        writer.flush()?;
    }
}

fn respond(method: &str, path: &str, gateway: &str, ticket: &mut u64) -> (&'static str, String) {
    if method == "GET" && path.ends_with("/MonitoringStorageKeys/") {
        let body = serde_json::json!({
            "IngestionGatewayInfo": { "Endpoint": gateway, "AuthToken": TOKEN, "AuthTokenExpiryTime": TOKEN_EXPIRY },
            "StorageAccountKeys": [
                { "AccountMonikerName": "vectorssecuritymoniker", "AccountGroupName": "vectorsgroup", "IsPrimaryMoniker": true },
                { "AccountMonikerName": MONIKER, "AccountGroupName": "vectorsgroup", "IsPrimaryMoniker": true }
            ],
            "TagId": "vectors"
        });
        ("200 OK", body.to_string())
    } else if method == "POST" && path == "/api/v1/ingestion/ingest" {
        *ticket += 1;
        ("202 Accepted", format!("{{\"ticket\":\"vectors-{ticket}\"}}"))
    } else {
        ("404 Not Found", "{}".to_owned())
    }
}
