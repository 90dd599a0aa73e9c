//! `stp check` finds legacy-encoded (TCVN3, VNI) and decomposed (NFD, UniKey "tổ hợp")
//! text in existing articles, and `stp check --fix` converts it to Unicode NFC
//! (Điều 4.1.a).

use crate::kit::intake::*;
use crate::kit::{stderr, stdout};

#[test]
fn check_reports_and_fix_repairs_legacy_and_decomposed_text() {
    let dir = site();
    let root = root(&dir);
    let rel = "content/tin-tuc/tin-cu.md";
    let text = "---\ntitle: \"Tin c\u{169}\"\ndate: 2026-05-01\n---\n\nSë T\u{ad} ph¸p tØnh B×nh Ph\u{ad}íc tæ chøc héi nghÞ.\n\nSôû Tö phaùp tænh Bình Phöôùc toå chöùc hoäi nghò.\n\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t co\u{301} da\u{302}\u{301}u.\n";
    std::fs::write(root.join(rel), text).unwrap();
    let check = stp(&root, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = stdout(&check);
    assert!(
        out.contains(
            "content/tin-tuc/tin-cu.md:6: text: text looks like legacy TCVN3 (.VnTime) encoding"
        ),
        "{out}"
    );
    assert!(
        out.contains("content/tin-tuc/tin-cu.md:10: text: text is not Unicode NFC"),
        "{out}"
    );
    let fix = stp(&root, &["check", "--fix"]);
    assert!(fix.status.success(), "{}{}", stdout(&fix), stderr(&fix));
    assert!(
        stderr(&fix).contains("fixed: content/tin-tuc/tin-cu.md"),
        "{}",
        stderr(&fix)
    );
    assert_eq!(
        std::fs::read_to_string(root.join(rel)).unwrap(),
        "---\ntitle: \"Tin cũ\"\ndate: 2026-05-01\n---\n\nSở Tư pháp tỉnh Bình Phước tổ chức hội nghị.\n\nSở Tư pháp tỉnh Bình Phước tổ chức hội nghị.\n\nTiếng Việt có dấu.\n"
    );
}
