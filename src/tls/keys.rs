//! Reading keys and certificates from PEM.
//!
//! fedctl writes private keys as PKCS#8 (`PRIVATE KEY`). It also reads SEC1 (`EC PRIVATE KEY`)
//! keys, the form Consul's `tls ca create` writes, so an existing Consul CA can sign fedctl
//! certificates. ring only loads PKCS#8, so a SEC1 key is wrapped into PKCS#8 first.

use rcgen::KeyPair;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// Why a PEM input could not be used. Displayed after the file name by the caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PemProblem {
    #[error("no PEM private key found (expected a PRIVATE KEY or EC PRIVATE KEY block)")]
    NoKey,
    #[error("no PEM certificate found (expected a CERTIFICATE block)")]
    NoCert,
    #[error("RSA keys in PKCS#1 form are not supported; convert with `openssl pkcs8 -topk8 -nocrypt`")]
    Pkcs1,
    #[error("unsupported EC private key: {0}")]
    Sec1(&'static str),
    #[error("the key cannot be used for signing: {0}")]
    Unusable(String),
}

/// Loads a signing key from PEM (PKCS#8, or SEC1 P-256/P-384).
pub fn key_pair_from_pem(pem: &[u8]) -> Result<KeyPair, PemProblem> {
    let key = PrivateKeyDer::from_pem_slice(pem).map_err(|_| PemProblem::NoKey)?;
    let pkcs8 = match key {
        PrivateKeyDer::Pkcs8(k) => k,
        PrivateKeyDer::Sec1(k) => PrivatePkcs8KeyDer::from(sec1_to_pkcs8(k.secret_sec1_der())?),
        PrivateKeyDer::Pkcs1(_) => return Err(PemProblem::Pkcs1),
        _ => return Err(PemProblem::NoKey),
    };
    KeyPair::try_from(&pkcs8).map_err(|e| PemProblem::Unusable(e.to_string()))
}

/// Returns the first certificate in a PEM document.
pub fn first_cert_from_pem(pem: &[u8]) -> Result<CertificateDer<'static>, PemProblem> {
    CertificateDer::pem_slice_iter(pem).next().and_then(Result::ok).ok_or(PemProblem::NoCert)
}

/// All certificates in a PEM document (a chain, or a bundle of roots).
pub fn certs_from_pem(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, PemProblem> {
    let certs = CertificateDer::pem_slice_iter(pem).collect::<Result<Vec<_>, _>>().map_err(|_| PemProblem::NoCert)?;
    if certs.is_empty() {
        return Err(PemProblem::NoCert);
    }
    Ok(certs)
}

/// The private key of a PEM document as rustls wants it.
pub fn private_key_from_pem(pem: &[u8]) -> Result<PrivateKeyDer<'static>, PemProblem> {
    PrivateKeyDer::from_pem_slice(pem).map_err(|_| PemProblem::NoKey)
}

const OID_EC_PUBLIC_KEY: &[u8] = &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];

/// Wraps an RFC 5915 ECPrivateKey into an RFC 5208 PrivateKeyInfo.
///
/// The curve is read from the length of the `privateKey` octet string (32 bytes for P-256,
/// 48 for P-384), which RFC 5915 fixes per curve. ring then checks the optional inner
/// `parameters` against the curve we name here, so a mismatch is still caught.
fn sec1_to_pkcs8(sec1: &[u8]) -> Result<Vec<u8>, PemProblem> {
    let (tag, body, _) = der_read(sec1).ok_or(PemProblem::Sec1("not DER"))?;
    if tag != 0x30 {
        return Err(PemProblem::Sec1("not a DER sequence"));
    }
    let (tag, version, rest) = der_read(body).ok_or(PemProblem::Sec1("truncated"))?;
    if tag != 0x02 || version != [1] {
        return Err(PemProblem::Sec1("unexpected version"));
    }
    let (tag, private_key, _) = der_read(rest).ok_or(PemProblem::Sec1("truncated"))?;
    if tag != 0x04 {
        return Err(PemProblem::Sec1("missing privateKey"));
    }
    let curve = match private_key.len() {
        32 => OID_P256,
        48 => OID_P384,
        _ => return Err(PemProblem::Sec1("only P-256 and P-384 keys are supported")),
    };
    let mut algorithm = OID_EC_PUBLIC_KEY.to_vec();
    algorithm.extend_from_slice(curve);
    let mut info = vec![0x02, 0x01, 0x00]; // version 0
    info.extend(der_wrap(0x30, &algorithm));
    info.extend(der_wrap(0x04, sec1));
    Ok(der_wrap(0x30, &info))
}

/// Reads one DER TLV; returns (tag, value, rest).
fn der_read(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, input) = input.split_first()?;
    let (&first, mut input) = input.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || input.len() < n {
            return None;
        }
        let (len_bytes, rest) = input.split_at(n);
        input = rest;
        len_bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
    };
    if input.len() < len {
        return None;
    }
    let (value, rest) = input.split_at(len);
    Some((tag, value, rest))
}

fn der_wrap(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(value);
    out
}
