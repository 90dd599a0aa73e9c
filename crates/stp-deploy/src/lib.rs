//! Deploy owns putting a finished public build where readers get it. It compares the
//! build with what the target holds by content (SHA-256), never by timestamps, and says
//! what it will send, delete and leave (`Changes`); a local folder (a web server's
//! document root) gets the new build swapped in atomically, so a reader never sees half
//! of one. Which builds may go out at all (a public build, never a preview; never a
//! history older than the one deployed) is the command line's to check, with the ledger.

mod changes;
mod error;
mod folder;

pub use changes::{Changes, Digests, digests};
pub use error::DeployError;
pub use folder::to_folder;
