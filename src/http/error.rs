use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::local::LocalError;
use crate::raft::ApplyError;

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
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        (status, [("content-type", "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}

impl From<ApplyError> for ApiError {
    fn from(e: ApplyError) -> Self {
        match e {
            // The state machine refused the command: the request was wrong.
            ApplyError::Rejected(e) => ApiError::BadRequest(e.to_string()),
            ApplyError::NotLeader { .. } | ApplyError::NoLeader(_) => ApiError::Internal("No cluster leader".into()),
            ApplyError::PermissionDenied(_) => ApiError::Forbidden(e.to_string()),
            ApplyError::Forward { .. } | ApplyError::Raft(_) | ApplyError::NoPathToDatacenter(_) => {
                ApiError::Internal(e.to_string())
            }
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
