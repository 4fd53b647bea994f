//! fedctl integration tests.
