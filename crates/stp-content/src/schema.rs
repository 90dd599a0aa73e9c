//! The typed front-matter fields of each section kind (legal documents, procedures, Q&A,
//! drafts for comment, the work schedule, the staff directory) and the sender of a
//! submission (Điều 9.1.b).

use serde::{Deserialize, Serialize};

/// A legal, direction or administration document (its details as Nghị định 224/2026/NĐ-CP, which replaced 42/2022 and 43/2011, lists them).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalDocument {
    /// Loại văn bản: Quyết định, Chỉ thị, Kế hoạch, Công văn…
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Số ký hiệu, e.g. `12/2026/QĐ-UBND`.
    pub number: String,
    /// Cơ quan ban hành.
    pub issuer: String,
    /// Ngày ban hành (YYYY-MM-DD).
    pub issued: String,
    /// Ngày có hiệu lực (YYYY-MM-DD).
    pub effective: String,
    /// Ngày hết hiệu lực, when it has one.
    #[serde(default)]
    pub expires: Option<String>,
    /// Trích yếu.
    pub excerpt: String,
    /// The signed file, relative to the article's folder.
    pub file: String,
    /// Người ký.
    #[serde(default)]
    pub signer: Option<String>,
    /// Lĩnh vực (hộ tịch, lý lịch tư pháp, công chứng…): one of the legal-document list's
    /// filters, when given.
    #[serde(default)]
    pub field: Option<String>,
}

/// An administrative procedure (Điều 10; Nghị định 224/2026 Điều 9).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Lĩnh vực.
    pub field: String,
    /// Mức độ dịch vụ công: `toàn trình`, `một phần`, or `không`.
    pub service_level: String,
    /// Thời hạn giải quyết.
    pub processing_time: String,
    /// Phí, lệ phí.
    pub fees: String,
    /// The procedure on the national public-service portal.
    #[serde(default)]
    pub portal_url: Option<String>,
    /// Mã thủ tục on the national database.
    #[serde(default)]
    pub code: Option<String>,
    /// Cơ quan thực hiện.
    #[serde(default)]
    pub agency: Option<String>,
}

/// A citizen's legal question; the body of the article is the answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QaInfo {
    pub question: String,
    /// The asker's name only (no address or phone is published).
    pub asker: String,
    /// The date the question was received (YYYY-MM-DD).
    pub asked: String,
    pub answered_by: String,
    /// The Ministry must be consulted: 30 working days instead of 15 (Điều 11.2).
    #[serde(default)]
    pub consult_ministry: bool,
}

/// A draft legal document open for comment.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftInfo {
    /// The last day comments are taken (YYYY-MM-DD).
    pub comment_until: String,
    /// The agency drafting it.
    #[serde(default)]
    pub drafting_body: Option<String>,
    /// The draft file, relative to the article's folder.
    #[serde(default)]
    pub file: Option<String>,
}

/// One entry of the leadership's work schedule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// YYYY-MM-DD.
    pub date: String,
    /// `08:00`, or `Sáng`/`Chiều`.
    pub time: String,
    pub content: String,
    /// Who chairs or attends for the leadership.
    pub leader: String,
    pub location: String,
}

/// A member of staff (Điều 5: staff contacts with name, phone, email).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffInfo {
    pub name: String,
    /// Chức vụ.
    pub position: String,
    pub unit: String,
    pub phone: String,
    pub email: String,
    /// Order in the directory, lowest first.
    #[serde(default)]
    pub order: i64,
}

/// Who sent a submission (Điều 9.1.b). Kept for the record, never published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    pub organisation: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

/// How a submission was taken in by the board's secretary (Điều 11.1), written by
/// `stp intake`. Kept for the record, never published.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntakeRecord {
    /// When it was received: the mail's `Date:`, else the time of intake (RFC 3339).
    pub received: String,
    /// The files it came from, kept in the bundle's `nguon/` folder.
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Legacy encodings its text was converted from (Điều 4.1.a).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub converted: Vec<String>,
    /// What a person must look at before the article goes on, such as a legal document
    /// whose PDF carries no digital signature (Điều 9.1.c).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// The sender's details were stated by the secretary who took it in (received on
    /// paper, by hand or through a messaging app), not read from the submission.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sender_stated: bool,
}
