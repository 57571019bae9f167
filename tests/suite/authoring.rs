//! Integration tests: see tests/README.md.
