use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::local::LocalError;
use crate::state::RequestError;

/// An HTTP API error: a status and a plain-text message, as the reference API answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Internal(String),
    /// 413: a body, a value or a transaction over its limit.
    #[error("{0}")]
    TooLarge(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
        };
        (status, [("content-type", "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}

/// The one mapping of request errors to the HTTP API's statuses and bodies (the reference's
/// texts where it has one: `No cluster leader`, `No known Consul servers`, `No path to
/// datacenter`).
impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::Rejected(crate::state::StateError::AclBootstrapDone { .. }) => {
                ApiError::Forbidden(e.to_string())
            }
            // A session refused, or a lock naming an unknown session: 500, as the reference.
            RequestError::Rejected(crate::state::StateError::Session(_)) => ApiError::Internal(e.to_string()),
            // The request was wrong.
            RequestError::Rejected(_) | RequestError::Invalid { .. } | RequestError::BadInput(_) => {
                ApiError::BadRequest(e.to_string())
            }
            RequestError::NotLeader { .. } | RequestError::NoLeader => ApiError::Internal("No cluster leader".into()),
            RequestError::PermissionDenied(_) => ApiError::Forbidden(e.to_string()),
            RequestError::NotFound(_) => ApiError::NotFound(e.to_string()),
            RequestError::NoServers
            | RequestError::NoPathToDatacenter(_)
            | RequestError::Unreachable { .. }
            | RequestError::Timeout(_)
            | RequestError::Storage(_)
            | RequestError::LeadershipLost { .. }
            | RequestError::Ca(_)
            | RequestError::Protocol(_) => ApiError::Internal(e.to_string()),
        }
    }
}

impl From<LocalError> for ApiError {
    fn from(e: LocalError) -> Self {
        match e {
            LocalError::UnknownService(_) | LocalError::UnknownCheck(_) => ApiError::NotFound(e.to_string()),
            LocalError::Definition(_) | LocalError::NotTtl(_) => ApiError::BadRequest(e.to_string()),
        }
    }
}

/// Parses a JSON body, answering 400 with serde's message (and the key path) on failure.
pub fn decode_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest("Request decode failed: the body is empty".into()));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            ApiError::BadRequest(format!("Request decode failed: {inner}"))
        } else {
            ApiError::BadRequest(format!("Request decode failed: {path}: {inner}"))
        }
    })
}
