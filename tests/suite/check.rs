//! Integration tests for `beacon check` and loading: see tests/README.md.
