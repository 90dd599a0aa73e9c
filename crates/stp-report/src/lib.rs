//! Reports for the board: status boards, the monthly report for the leadership meeting
//! (Điều 18.5), quotas (Điều 9.4, 13.1), royalties (Điều 8) and access-log statistics.

pub mod export;
pub mod from_ledger;
pub mod history;
pub mod html;
pub mod logs;
pub mod monthly;
pub mod quotas;
pub mod royalties;
pub mod status;
pub mod table;
