//! The words of a hand-off message, in Vietnamese with the regulation's terms: the
//! subject (how many articles wait and for which steps) and a plain-text body listing
//! each article's title, path, step, due date (dd/mm/yyyy, Vietnam time, as the board
//! computes it on the working-day calendar) and whether it is overdue, new hand-offs
//! marked. Text only: the `smtp` module puts it in a mail.

use chrono::{NaiveDate, NaiveDateTime};
use stp_workflow::State;

use super::waiting::{Handoff, Recipient};

/// A composed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

/// The step an article in `state` waits for, as the regulation names it.
pub fn step_name(state: State) -> &'static str {
    match state {
        State::Submitted => "biên tập",
        State::Edited => "kiểm tra",
        State::Verified => "phê duyệt",
        State::Approved => "đăng",
        State::Returned => "sửa và gửi lại (bài bị trả lại)",
        State::Draft => "gửi bài",
        State::Published | State::Rejected | State::Withdrawn => "không còn bước nào",
    }
}

/// A due date as the board gives it, written the Vietnamese way: `02/03/2026` for the end
/// of a day, `15:00 ngày 02/03/2026` for a time in administrative hours. Text the board
/// never gives is shown as it is.
pub fn due_text(due: &str) -> String {
    if let Ok(t) = NaiveDateTime::parse_from_str(due, "%Y-%m-%dT%H:%M") {
        return t.format("%H:%M ngày %d/%m/%Y").to_string();
    }
    if let Ok(d) = NaiveDate::parse_from_str(due, "%Y-%m-%d") {
        return d.format("%d/%m/%Y").to_string();
    }
    due.to_string()
}

/// The message for `recipient` from the site `site_title`; `is_new` tells the hand-offs
/// not told before (marked "mới").
pub fn compose(
    recipient: &Recipient,
    site_title: &str,
    is_new: impl Fn(&Handoff) -> bool,
) -> Message {
    let n = recipient.handoffs.len();
    let mut steps: Vec<&str> = Vec::new();
    for h in &recipient.handoffs {
        let step = step_name(h.state);
        if !steps.contains(&step) {
            steps.push(step);
        }
    }
    let overdue = recipient.handoffs.iter().filter(|h| h.overdue).count();
    let mut subject = format!("{n} tin, bài chờ anh/chị xử lý: {}", steps.join(", "));
    if overdue > 0 {
        subject.push_str(&format!(" ({overdue} quá hạn)"));
    }
    let mut body = format!(
        "Kính gửi {},\n\nCác tin, bài sau đang chờ bước do anh/chị đảm nhận trên {site_title}:\n",
        recipient.name
    );
    for (i, h) in recipient.handoffs.iter().enumerate() {
        let title = h.title.as_deref().unwrap_or("(chưa có tiêu đề)");
        let new = if is_new(h) { " [mới]" } else { "" };
        body.push_str(&format!("\n{}. {title}{new}\n", i + 1));
        body.push_str(&format!("   Đường dẫn: {}\n", h.article));
        body.push_str(&format!("   Bước: {}\n", step_name(h.state)));
        match h.due.as_deref() {
            Some(due) if h.overdue => {
                body.push_str(&format!("   Hạn: {} (QUÁ HẠN)\n", due_text(due)))
            }
            Some(due) => body.push_str(&format!("   Hạn: {}\n", due_text(due))),
            None => body.push_str("   Hạn: không có hạn theo quy chế\n"),
        }
    }
    body.push_str(
        "\nXem hàng chờ: `stp status`; thực hiện bước bằng `stp review`, `stp verify`, \
         `stp approve` hoặc `stp publish`.\n\
         Thư này do `stp notify` gửi tự động; mỗi lần chuyển bước chỉ báo một lần.\n",
    );
    Message { subject, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handoff(article: &str, state: State, due: Option<&str>, overdue: bool) -> Handoff {
        Handoff {
            article: article.into(),
            title: Some(format!("Tiêu đề {article}")),
            state,
            due: due.map(str::to_string),
            overdue,
            commit: "c".repeat(40),
        }
    }

    fn person(handoffs: Vec<Handoff>) -> Recipient {
        Recipient {
            id: "truong-ban".into(),
            name: "Nguyễn Văn An".into(),
            email: Some("an@example.vn".into()),
            handoffs,
        }
    }

    #[test]
    fn due_dates_read_the_vietnamese_way() {
        assert_eq!(due_text("2026-03-16"), "16/03/2026");
        assert_eq!(due_text("2026-03-02T15:00"), "15:00 ngày 02/03/2026");
        assert_eq!(due_text("soon"), "soon");
    }

    #[test]
    fn the_subject_counts_the_articles_names_each_step_once_and_the_overdue() {
        let m = compose(
            &person(vec![
                handoff("content/a.md", State::Verified, Some("2026-03-16"), true),
                handoff("content/b.md", State::Verified, None, false),
                handoff("content/c.md", State::Edited, Some("2026-03-20"), false),
            ]),
            "Cổng",
            |_| true,
        );
        assert_eq!(
            m.subject,
            "3 tin, bài chờ anh/chị xử lý: phê duyệt, kiểm tra (1 quá hạn)"
        );
    }

    #[test]
    fn the_body_lists_each_article_with_its_step_due_date_and_new_mark() {
        let m = compose(
            &person(vec![
                handoff("content/a.md", State::Verified, Some("2026-03-16"), true),
                handoff("content/b.md", State::Submitted, None, false),
            ]),
            "Cổng thông tin",
            |h| h.article == "content/b.md",
        );
        assert!(m.body.starts_with("Kính gửi Nguyễn Văn An,"), "{}", m.body);
        assert!(m.body.contains(
            "1. Tiêu đề content/a.md\n   Đường dẫn: content/a.md\n   Bước: phê duyệt\n   Hạn: 16/03/2026 (QUÁ HẠN)\n"
        ), "{}", m.body);
        assert!(m.body.contains(
            "2. Tiêu đề content/b.md [mới]\n   Đường dẫn: content/b.md\n   Bước: biên tập\n   Hạn: không có hạn theo quy chế\n"
        ), "{}", m.body);
    }
}
