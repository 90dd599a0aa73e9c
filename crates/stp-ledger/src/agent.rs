//! The small part of the ssh-agent protocol stp needs: asking a running agent (at
//! `SSH_AUTH_SOCK`) to sign with a key it holds (draft-miller-ssh-agent, SIGN_REQUEST).

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;

use ssh_key::{PublicKey, Signature};

use super::error::{LedgerError, LedgerResult};

const SSH_AGENT_FAILURE: u8 = 5;
const SSH_AGENTC_SIGN_REQUEST: u8 = 13;
const SSH_AGENT_SIGN_RESPONSE: u8 = 14;
/// Replies larger than this are not signatures.
const MAX_REPLY: usize = 256 * 1024;

/// Asks the agent at `socket` to sign `data` with `key`.
pub fn sign(socket: &Path, key: &PublicKey, data: &[u8]) -> LedgerResult<Signature> {
    let blob = key
        .to_bytes()
        .map_err(|e| LedgerError::Agent(format!("cannot encode the public key: {e}")))?;
    let mut body = vec![SSH_AGENTC_SIGN_REQUEST];
    put_string(&mut body, &blob);
    put_string(&mut body, data);
    body.extend_from_slice(&0u32.to_be_bytes());
    let mut stream = UnixStream::connect(socket)
        .map_err(|e| LedgerError::Agent(format!("cannot connect to {}: {e}", socket.display())))?;
    let mut message = (body.len() as u32).to_be_bytes().to_vec();
    message.extend_from_slice(&body);
    stream
        .write_all(&message)
        .map_err(|e| LedgerError::Agent(format!("cannot send the request: {e}")))?;
    let mut len = [0u8; 4];
    stream
        .read_exact(&mut len)
        .map_err(|e| LedgerError::Agent(format!("no answer: {e}")))?;
    let len = u32::from_be_bytes(len) as usize;
    if len == 0 || len > MAX_REPLY {
        return Err(LedgerError::Agent(format!("an answer of {len} bytes")));
    }
    let mut reply = vec![0u8; len];
    stream
        .read_exact(&mut reply)
        .map_err(|e| LedgerError::Agent(format!("a cut answer: {e}")))?;
    match reply[0] {
        SSH_AGENT_SIGN_RESPONSE => {
            let signature = take_string(&reply[1..])
                .ok_or_else(|| LedgerError::Agent("a malformed signature answer".into()))?;
            Signature::try_from(signature)
                .map_err(|e| LedgerError::Agent(format!("an unreadable signature: {e}")))
        }
        SSH_AGENT_FAILURE => Err(LedgerError::Agent(format!(
            "the agent does not hold the key {} (add it with `ssh-add`)",
            key.fingerprint(ssh_key::HashAlg::Sha256)
        ))),
        other => Err(LedgerError::Agent(format!(
            "an unexpected answer type {other}"
        ))),
    }
}

fn put_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

fn take_string(input: &[u8]) -> Option<&[u8]> {
    let len = u32::from_be_bytes(input.get(..4)?.try_into().ok()?) as usize;
    input.get(4..4 + len)
}
