//! The ledger owns git: reading history with git2, signing commits with the acting
//! person's SSH key, verifying signatures in pure Rust, deciding which transitions are
//! valid under the trusted people data, and handing the builder the live set.
