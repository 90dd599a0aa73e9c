//! The trailers of an stp commit, in its last paragraph: `Stp-Date` once, then for each
//! article `Stp-Article`, `Stp-Transition: <from> -> <to>`, `Stp-Blob`, and `Stp-Reason` /
//! `Stp-Ground` where they apply; an adoption names each article with `Stp-Adopt` instead
//! of `Stp-Article` (and no transition). They are part of the signed commit, so they are
//! the signer's own statement.

use chrono::NaiveDate;

/// One article's step as the commit states it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepTrailer {
    pub article: String,
    /// `<from> -> <to>` as written.
    pub transition: Option<String>,
    pub blob: Option<String>,
    pub reason: Option<String>,
    pub ground: Option<String>,
    /// Named by `Stp-Adopt`: an admin records an article from before stp as published.
    pub adopt: bool,
}

/// Everything stp reads from a commit message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trailers {
    /// The date the signer states (Vietnam time); used for delegation windows.
    pub date: Option<NaiveDate>,
    pub steps: Vec<StepTrailer>,
    /// A description of a trust data change (`Stp-Trust: people add …`).
    pub trust: Option<String>,
    /// A step on the site files (`Stp-Site: propose|approve|return|publish`).
    pub site: Option<SiteTrailer>,
    /// Audit findings an admin acknowledges (`Stp-Ack: <commit>`).
    pub acks: Vec<AckTrailer>,
}

/// A step on the site files: `Stp-Site`, `Stp-Site-Version` (the version of the site files
/// the step signs, `site_files::SiteVersion`), `Stp-Site-Reason` where one is given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteTrailer {
    pub action: String,
    pub version: Option<String>,
    pub reason: Option<String>,
}

/// An admin's acknowledgement of the audit findings of one commit: `Stp-Ack: <commit>`
/// and `Stp-Ack-Reason: <what was seen and why it is harmless>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AckTrailer {
    pub commit: String,
    pub reason: Option<String>,
}

impl Trailers {
    /// Reads the trailers of `message`.
    pub fn parse(message: &str) -> Trailers {
        let mut out = Trailers::default();
        let last = message.trim_end().rsplit("\n\n").next().unwrap_or_default();
        for line in last.lines() {
            let Some((key, value)) = line.split_once(": ") else {
                continue;
            };
            let value = value.trim().to_string();
            match key {
                "Stp-Date" => {
                    if let Ok(d) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                        out.date = Some(d);
                    }
                }
                "Stp-Trust" => out.trust = Some(value),
                "Stp-Site" => {
                    out.site = Some(SiteTrailer {
                        action: value,
                        ..SiteTrailer::default()
                    })
                }
                "Stp-Site-Version" | "Stp-Site-Reason" => {
                    if let Some(site) = out.site.as_mut() {
                        let slot = if key == "Stp-Site-Version" {
                            &mut site.version
                        } else {
                            &mut site.reason
                        };
                        *slot = Some(value);
                    }
                }
                "Stp-Ack" => out.acks.push(AckTrailer {
                    commit: value,
                    reason: None,
                }),
                "Stp-Ack-Reason" => {
                    if let Some(ack) = out.acks.last_mut() {
                        ack.reason = Some(value);
                    }
                }
                "Stp-Article" | "Stp-Adopt" => out.steps.push(StepTrailer {
                    adopt: key == "Stp-Adopt",
                    article: value,
                    ..StepTrailer::default()
                }),
                "Stp-Transition" | "Stp-Blob" | "Stp-Reason" | "Stp-Ground" => {
                    let Some(step) = out.steps.last_mut() else {
                        continue;
                    };
                    let slot = match key {
                        "Stp-Transition" => &mut step.transition,
                        "Stp-Blob" => &mut step.blob,
                        "Stp-Reason" => &mut step.reason,
                        _ => &mut step.ground,
                    };
                    *slot = Some(value);
                }
                _ => {}
            }
        }
        out
    }

    /// The commit message: a summary line, then the trailers.
    pub fn to_message(&self, summary: &str) -> String {
        let mut s = format!("{}\n\n", one_line(summary));
        if let Some(date) = self.date {
            s.push_str(&format!("Stp-Date: {date}\n"));
        }
        if let Some(trust) = &self.trust {
            s.push_str(&format!("Stp-Trust: {}\n", one_line(trust)));
        }
        if let Some(site) = &self.site {
            s.push_str(&format!("Stp-Site: {}\n", one_line(&site.action)));
            for (key, value) in [
                ("Stp-Site-Version", &site.version),
                ("Stp-Site-Reason", &site.reason),
            ] {
                if let Some(v) = value {
                    s.push_str(&format!("{key}: {}\n", one_line(v)));
                }
            }
        }
        for ack in &self.acks {
            s.push_str(&format!("Stp-Ack: {}\n", one_line(&ack.commit)));
            if let Some(reason) = &ack.reason {
                s.push_str(&format!("Stp-Ack-Reason: {}\n", one_line(reason)));
            }
        }
        for step in &self.steps {
            let key = if step.adopt {
                "Stp-Adopt"
            } else {
                "Stp-Article"
            };
            s.push_str(&format!("{key}: {}\n", one_line(&step.article)));
            for (key, value) in [
                ("Stp-Transition", &step.transition),
                ("Stp-Blob", &step.blob),
                ("Stp-Reason", &step.reason),
                ("Stp-Ground", &step.ground),
            ] {
                if let Some(v) = value {
                    s.push_str(&format!("{key}: {}\n", one_line(v)));
                }
            }
        }
        s
    }
}

/// Text on one line: a trailer ends at the end of its line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_back_as_written() {
        let t = Trailers {
            date: NaiveDate::from_ymd_opt(2026, 3, 5),
            steps: vec![
                StepTrailer {
                    article: "content/tin-tuc/a.md".into(),
                    transition: Some("verified -> returned".into()),
                    blob: Some("abc".into()),
                    reason: Some("Thiếu nguồn\nsố liệu".into()),
                    ground: None,
                    adopt: false,
                },
                StepTrailer {
                    article: "content/tin-tuc/b.md".into(),
                    transition: Some("edited -> rejected".into()),
                    ground: Some("đ".into()),
                    ..StepTrailer::default()
                },
            ],
            ..Trailers::default()
        };
        let back = Trailers::parse(&t.to_message("stp: return"));
        assert_eq!(back.date, t.date);
        assert_eq!(back.steps.len(), 2);
        assert_eq!(back.steps[0].reason.as_deref(), Some("Thiếu nguồn số liệu"));
        assert_eq!(back.steps[1].ground.as_deref(), Some("đ"));
    }

    #[test]
    fn an_adoption_reads_back_as_written() {
        let t = Trailers {
            steps: vec![StepTrailer {
                article: "content/tin-tuc/cu.md".into(),
                blob: Some("abc".into()),
                adopt: true,
                ..StepTrailer::default()
            }],
            ..Trailers::default()
        };
        let message = t.to_message("stp: adopt 1 article");
        assert!(message.contains("Stp-Adopt: content/tin-tuc/cu.md\nStp-Blob: abc\n"));
        assert_eq!(Trailers::parse(&message), t);
    }

    #[test]
    fn a_site_step_and_acks_read_back_as_written() {
        let t = Trailers {
            date: NaiveDate::from_ymd_opt(2026, 12, 4),
            site: Some(SiteTrailer {
                action: "propose".into(),
                version: Some("ab12".into()),
                reason: Some("Đổi số điện thoại\nđường dây nóng".into()),
            }),
            acks: vec![AckTrailer {
                commit: "cafe".into(),
                reason: Some("lỗi gõ, đã sửa".into()),
            }],
            ..Trailers::default()
        };
        let back = Trailers::parse(&t.to_message("stp: site propose"));
        assert_eq!(
            back.site.as_ref().and_then(|s| s.reason.as_deref()),
            Some("Đổi số điện thoại đường dây nóng")
        );
        assert_eq!(back.acks, t.acks);
        assert_eq!(back.site.map(|s| s.version), Some(Some("ab12".into())));
    }

    #[test]
    fn only_the_last_paragraph_counts() {
        let t = Trailers::parse("Stp-Article: x\n\nbody\n");
        assert!(t.steps.is_empty());
    }
}
