//! Inverse of the crate's chunked LZ4 body: `u32 LE compressed length` + raw LZ4 block, repeated.

const CHUNK: usize = 64 * 1024;

pub fn decompress_chunks(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut scratch = vec![0u8; CHUNK];
    while offset < body.len() {
        let header = body
            .get(offset..offset + 4)
            .ok_or_else(|| format!("truncated chunk header at offset {offset}"))?;
        let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let start = offset + 4;
        let block = body
            .get(start..start + len)
            .ok_or_else(|| format!("chunk at offset {offset} claims {len} bytes past the end"))?;
        let n = lz4_flex::block::decompress_into(block, &mut scratch)
            .map_err(|e| format!("chunk at offset {offset}: {e}"))?;
        out.extend_from_slice(&scratch[..n]);
        offset = start + len;
    }
    Ok(out)
}
