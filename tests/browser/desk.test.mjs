// The board's desk (`stp desk`) in headless Chromium, on the demo site's real repository
// with the demo board's real keys: an e-mailed article goes intake → biên tập → kiểm tra →
// phê duyệt → đăng by clicking, as four people each running their own desk with their own
// key; every commit passes `git verify-commit` and `stp audit`. Every desk page (queue,
// status board, filtered board, an article with its buttons, a revision with its diff, the
// intake form, the monthly report, a result page, a refusal, an unknown page) passes axe
// (WCAG 2.0 A/AA) at 375 and 1280 px with no horizontal scrolling on the phone, and the
// steps are reachable with the keyboard alone. Screenshots go to the artefacts folder
// (STP_DESK_SHOTS, when set, also receives the ones the user guides show).
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";

import { artefactsDir, axeViolations, CHROMIUM, formatViolations } from "./lib/browser.mjs";

const STP = resolve(process.env.STP_BIN || "target/debug/stp");
const WIDTHS = [375, 1280];
const shots = artefactsDir();
const guideShots = process.env.STP_DESK_SHOTS;

/** Runs the demo; returns its site folder, keys folder and trust root. */
function demo() {
  const work = mkdtempSync(join(tmpdir(), "stp-desk-test-"));
  const out = execFileSync(STP, ["demo", "--out", join(work, "public")], { cwd: work, encoding: "utf8" });
  const site = out.match(/site repository: (\S+)/)[1];
  const trustRoot = out.match(/STP_TRUST_ROOT=(\S+)/)[1];
  return { site, keys: join(site, "..", "keys"), trustRoot };
}

/** Starts `stp desk` as `who`; resolves to { url, close }. */
function desk(demoSite, who, lang = "vi") {
  const child = spawn(STP, ["desk", "--no-open", "--key", join(demoSite.keys, who)], {
    cwd: demoSite.site,
    env: { ...process.env, STP_TRUST_ROOT: demoSite.trustRoot, STP_LANG: lang },
  });
  return new Promise((ok, fail) => {
    let seen = "";
    child.stdout.on("data", (d) => {
      seen += d;
      const m = seen.match(/(http:\/\/127\.0\.0\.1:\d+\/\?khoa=[0-9a-f]+)/);
      if (m) ok({ url: m[1], base: m[1].replace(/\/\?khoa=.*/, ""), close: () => child.kill() });
    });
    child.stderr.on("data", (d) => (seen += d));
    child.on("exit", (code) => fail(new Error(`stp desk ${who} ended (${code}): ${seen}`)));
  });
}

describe("the desk, as four people", () => {
  let browser;
  let site;
  const desks = [];
  before(async () => {
    site = demo();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  });
  after(async () => {
    for (const d of desks) d.close();
    await browser?.close();
  });

  /** A signed-in tab on `who`'s desk at `width`. */
  async function signIn(who, width = 1280, lang = "vi") {
    const d = await desk(site, who, lang);
    desks.push(d);
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(d.url);
    assert.equal(new URL(page.url()).search, "", "the secret leaves the address bar");
    return { page, context, d, errors };
  }

  /** axe at both widths, no sideways scrolling on the phone, a screenshot of each. */
  async function checkPage(context, page, name) {
    // The page as it is (a result page answers a POST and cannot be asked for again).
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${name} at ${width}px:\n${formatViolations(violations)}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wide <= 0, `${name} scrolls sideways by ${wide}px at ${width}px`);
      const file = join(shots, `desk-${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (guideShots && width === 1280) {
        mkdirSync(guideShots, { recursive: true });
        copyFileSync(file, join(guideShots, `ban-lam-viec-${name}.png`));
      }
    }
  }

  function git(...args) {
    return execFileSync("git", args, { cwd: site.site, encoding: "utf8" });
  }
  function verifyHead() {
    git("verify-commit", "HEAD");
  }

  test("intake → biên tập → kiểm tra → phê duyệt → đăng by clicking, every page accessible", async () => {
    // The secretary takes in an e-mailed article by dropping the .eml.
    const mail = join(mkdtempSync(join(tmpdir(), "stp-mail-")), "bai-gui.eml");
    const subject = Buffer.from("Hội nghị tập huấn hòa giải cơ sở năm 2026").toString("base64");
    writeFileSync(
      mail,
      [
        "From: Nguyen Van Binh <binh@xa-phu-hoa.gov.vn>",
        "To: bbt@stp.gov.vn",
        `Subject: =?UTF-8?B?${subject}?=`,
        "Date: Thu, 03 Dec 2026 09:00:00 +0700",
        "Message-ID: <desk-test@xa-phu-hoa.gov.vn>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Sáng ngày 02/12/2026, Phòng Tư pháp huyện tổ chức hội nghị tập huấn nghiệp vụ hòa giải ở cơ sở cho hơn 120 hòa giải viên.",
        "",
        "Hội nghị đã trao đổi về kỹ năng hòa giải các tranh chấp đất đai và hôn nhân gia đình.",
        "",
        "Đơn vị: UBND xã Phú Hòa",
        "Người gửi: Nguyễn Văn Bình",
        "Email: binh@xa-phu-hoa.gov.vn",
        "Điện thoại: 0251 3822 111",
        "",
      ].join("\r\n"),
    );
    const secretary = await signIn("thu-ky");
    await secretary.page.getByRole("link", { name: "Nhận bài" }).click();
    await checkPage(secretary.context, secretary.page, "nhan-bai");
    await secretary.page.getByLabel("Chuyên mục").selectOption("tin-tuc");
    await secretary.page.getByLabel("Các tệp bài gửi").setInputFiles(mail);
    await secretary.page.getByRole("button", { name: "Nhận bài" }).click();
    await secretary.page.getByText("đã ký gửi bài").waitFor({ timeout: 10000 }).catch(async (e) => { throw new Error(e.message + (await secretary.page.locator("main").innerText())); });
    const article = await secretary.page.locator("ul.steps a").first().textContent();
    assert.match(article, /^content\/.+\/index\.md$/);
    verifyHead();

    // The editor, the deputy (verifier) and the head each click their step.
    const steps = [
      ["bien-tap-vien", "Biên tập xong", "Đã biên tập"],
      ["pho-truong-ban", "Kiểm tra xong", "Đã kiểm tra"],
      ["truong-ban", "Phê duyệt", "Đã phê duyệt"],
    ];
    for (const [who, button, done] of steps) {
      const s = await signIn(who);
      await s.page.getByRole("link", { name: "Hội nghị tập huấn hòa giải cơ sở năm 2026" }).first().click();
      if (who === "bien-tap-vien") {
        await checkPage(s.context, s.page, "bai-cho-bien-tap");
      }
      // The keyboard alone reaches the button.
      const target = s.page.getByRole("button", { name: button });
      await target.focus();
      await s.page.keyboard.press("Enter");
      await s.page.getByRole("heading", { name: done }).waitFor();
      if (who === "truong-ban") {
        await checkPage(s.context, s.page, "ket-qua");
      }
      verifyHead();
      assert.equal(git("log", "-1", "--format=%G?").trim(), "G", `${who}'s commit carries a good signature`);
    }

    // The secretary publishes from the queue.
    await secretary.page.goto(secretary.d.base + "/");
    await checkPage(secretary.context, secretary.page, "viec-cua-toi");
    await secretary.page.getByRole("button", { name: "Đăng tất cả bài đã phê duyệt" }).click();
    await secretary.page.getByRole("heading", { name: "Đã đăng" }).waitFor();
    verifyHead();
    const audit = execFileSync(STP, ["audit"], {
      cwd: site.site,
      env: { ...process.env, STP_TRUST_ROOT: site.trustRoot },
      encoding: "utf8",
    });
    assert.match(audit, /không có thay đổi nào không có thẩm quyền/, "stp audit, in Vietnamese by default, finds nothing");
    const log = execFileSync(STP, ["log", article], { cwd: site.site, env: { ...process.env, STP_TRUST_ROOT: site.trustRoot, STP_LANG: "en" }, encoding: "utf8" });
    for (const who of ["thu-ky", "bien-tap-vien", "pho-truong-ban", "truong-ban"]) {
      assert.ok(log.includes(who), `the trail names ${who}:\n${log}`);
    }
  });

  test("return with a reason and refusal with a ground, by clicking", async () => {
    const head = await signIn("truong-ban");
    // The demo leaves one article waiting for the check (kiểm tra) the head may sign.
    await head.page.goto(head.d.base + "/");
    await head.page.locator("table a").first().click();
    await head.page.getByLabel("Căn cứ từ chối (Điều 12.3)").selectOption("c");
    await head.page.getByLabel("Lý do từ chối").fill("Thông tin chưa được kiểm chứng.");
    await head.page.getByRole("button", { name: "Từ chối" }).click();
    await head.page.getByRole("heading", { name: "Đã từ chối" }).waitFor();
    verifyHead();
    assert.match(git("log", "-1", "--format=%B"), /Thông tin chưa được kiểm chứng\./);

    // The demo's returned article: its contributor sends it again from their queue, and
    // the editor returns it once more, with a reason.
    const contributor = await signIn("cong-tac-vien");
    await contributor.page.getByRole("heading", { name: /Bị trả lại/ }).waitFor();
    await contributor.page.getByRole("link", { name: /Trợ giúp pháp lý lưu động/ }).first().click();
    await contributor.page.getByRole("button", { name: "Gửi bài" }).click();
    await contributor.page.getByRole("heading", { name: "Đã gửi bài" }).waitFor();
    verifyHead();
    const editor = await signIn("bien-tap-vien");
    await editor.page.getByRole("link", { name: /Trợ giúp pháp lý lưu động/ }).first().click();
    await editor.page.getByLabel("Lý do trả lại").fill("Đề nghị ghi rõ nguồn số liệu.");
    await editor.page.getByRole("button", { name: "Trả lại" }).click();
    await editor.page.getByRole("heading", { name: "Đã trả lại" }).waitFor();
    verifyHead();
    assert.match(git("log", "-1", "--format=%B"), /Đề nghị ghi rõ nguồn số liệu\./);
  });

  test("every other desk page: the board, a filter, a revision's diff, the report, a refusal, an unknown page", async () => {
    const editor = await signIn("bien-tap-vien");
    const { page, context, d } = editor;
    await page.goto(d.base + "/bang");
    await checkPage(context, page, "bang-trang-thai");
    await page.goto(d.base + "/bang?loc=published");
    await checkPage(context, page, "bang-da-dang");
    // A revision of a published article: its diff against the live version.
    const published = await page.locator("table a").first().getAttribute("href");
    const path = decodeURIComponent(published.replace("/bai?p=", ""));
    appendFileSync(join(site.site, path), "\nMột đoạn sửa sau khi đăng.\n");
    await page.goto(d.base + published);
    await page.getByRole("heading", { name: "Khác với bản đang đăng" }).waitFor();
    assert.ok((await page.locator("pre.diff .ins").allTextContents()).some((t) => t.includes("Một đoạn sửa sau khi đăng.")));
    await checkPage(context, page, "ban-sua-doi");
    await page.goto(d.base + "/bao-cao");
    await checkPage(context, page, "bao-cao-thang");
    await page.goto(d.base + "/khong-co");
    await checkPage(context, page, "khong-co-trang");
    // A refusal: a return without a reason (the browser's required field bypassed).
    const refused = await page.request.post(d.base + "/buoc", {
      form: { token: "0".repeat(64), bai: path, buoc: "return" },
      headers: { Origin: d.base },
    });
    assert.equal(refused.status(), 403);
    await page.setContent(await refused.text());
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  });

  test("the desk in English, and the guard's refusals, pass axe too", async () => {
    const { page, context, d } = await signIn("truong-ban", 1280, "en");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByRole("heading", { name: "My work" }).waitFor();
    await checkPage(context, page, "en-queue");
    await page.goto(d.base + "/bang");
    await page.locator("table a").first().click();
    await page.getByRole("heading", { name: "What you can do" }).waitFor();
    await checkPage(context, page, "en-article");
    await page.goto(d.base + "/bao-cao");
    await checkPage(context, page, "en-report");
    // The guard's own pages: no session, another Host, a cross-site POST.
    const port = new URL(d.base).port;
    const refusals = [
      await page.request.get(`http://localhost:${port}/`, { headers: { Cookie: "" } }),
      await page.request.fetch(d.base + "/buoc", { method: "POST", headers: { Origin: "http://evil.example" }, form: { token: "x" } }),
    ];
    for (const answer of refusals) {
      assert.ok([403, 421].includes(answer.status()), `refused: ${answer.status()}`);
      await page.setContent(await answer.text());
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], formatViolations(violations));
    }
  });
});
