//! Workflow owns the regulation as data and rules: the article states and transitions
//! (Điều 4.2, 12.3, 15), roles and delegations (Điều 19.2), deadlines (Điều 9.3, 11.2) and
//! the Vietnamese working-day calendar. Pure logic: it never touches git or files.

pub mod calendar;
pub mod config_error;
pub mod deadlines;
