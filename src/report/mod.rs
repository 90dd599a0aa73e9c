//! Reports for the board: status boards, the monthly report for the leadership meeting
//! (Điều 18.5), quotas (Điều 9.4, 13.1), royalties (Điều 8) and access-log statistics.

pub mod history;
pub mod logs;
pub mod quotas;
pub mod royalties;
pub mod table;
