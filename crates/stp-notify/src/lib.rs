//! Hand-off mail (`stp notify`): from the status board's rows, who is waiting to take
//! which step on which article (`waiting`), the one Vietnamese message each of them gets
//! (`message`), the record of hand-offs already told so that a timer does not repeat them
//! (`sent_log`), and sending over SMTP with `lettre` (`smtp`). It reads no environment and
//! no clock: the command line hands it the board, the settings and the password.

pub mod message;
pub mod sent_log;
pub mod smtp;
pub mod waiting;

pub use message::{Message, compose, step_name};
pub use sent_log::SentLog;
pub use smtp::{MailError, Mailer};
pub use waiting::{Handoff, Recipient, recipients};
