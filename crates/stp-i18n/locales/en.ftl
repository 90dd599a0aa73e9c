### stp's words in English (`--lang en`, `STP_LANG=en`, an en_* locale).
### Every message here is also in vi.ftl, with the same variables (the tests check it).
### docs/cli.md says how to add one.

## Labels of the lines on stderr

error-label = error
error-caused-by = Caused by
error-hint-label = hint
warning-label = warning
note-label = note
took-seconds = took { $seconds } s
site-repository = site repository: { $path }

## The language

lang-unknown = unknown language `{ $tag }`: stp speaks vi (Vietnamese) and en (English)
lang-unknown-hint = give --lang vi or --lang en (or set STP_LANG to vi or en)

## States, roles and article kinds

state-draft = draft
state-submitted = submitted
state-edited = edited
state-verified = verified
state-approved = approved
state-published = published
state-returned = returned
state-rejected = rejected
state-withdrawn = withdrawn
role-contributor = contributor
role-editor = editor
role-verifier = verifier
role-approver = approver
role-secretary = secretary
role-admin = admin
role-site-admin = site-admin
kind-news = news
kind-document = document
kind-plan = plan
kind-statistics = statistics
kind-answer = answer
kind-feedback = feedback
kind-monthly_report = monthly_report
kind-quarterly_report = quarterly_report
kind-half_year_report = half_year_report
kind-annual_report = annual_report
kind-programme_summary = programme_summary
kind-commentary = commentary
kind-interview = interview
kind-research = research
kind-photo = photo
kind-media = media

## Finding the site and naming articles

no-site-toml-in = { $path } has no site.toml, so it is not a site repository
no-site-toml-in-hint = create one with `stp init DIR`, or point -C at the site's folder
no-site-toml-above = no site.toml in { $path } or any folder above it
no-site-toml-above-hint = run stp inside a site repository, or create one with `stp init DIR`
not-an-article = { $path } is not an article: articles are content/<section>/<slug>.md files
no-article-named = no article is named { $name }: name one by its slug (the file name without .md), section/slug, or its path content/<section>/<slug>.md
no-article-named-hint = `stp status` lists the articles in the queues with their paths
names-several-articles = { $name } names { $count } articles: { $articles }
names-several-articles-hint = add the section (section/slug) or give the path

## Signing

reason-needed = `stp { $command }` needs --reason
reason-needed-hint = say why, in words the sender and the log will read: --reason "…"
trust-first-use = the first admin ({ $root }) is trusted on first use; pin it with --trust-root or STP_TRUST_ROOT
passphrase-prompt = Enter the passphrase for { $file }:

## The step commands (submit, review, verify, approve, return, reject, withdraw, publish)

step-moved = { $article }: { $from } -> { $to }
step-signed = signed by { $person } in commit { $commit }
queue-needs-key = `stp { $action }` without an article lists your queue, which needs your key: { $error }
queue-needs-key-hint = give --key PATH, or name the article
queue-empty = nothing waits for { $person } to { $action }
queue-item = { $article }  { $state }, { $days ->
    [one] { $days } day
   *[other] { $days } days
}
publish-not-sent = published and signed in this clone, but not sent to { $remote }
publish-not-sent-hint = send it with `stp sync --remote { $remote }` when the shared repository can be reached; until then the others do not see it
publish-would = would publish { $article }: { $from } -> { $to }
publish-would-site = would take the approved site files live (version { $version })
publish-dry-run-nothing-signed = nothing was signed: run it again without --dry-run, as { $person }

## Why a step is refused

why-missing-role = { $article }: `{ $person }` does not hold the { $role } role
why-wrong-state = { $article } is { $state }, and `{ $action }` does not start from { $state }
why-not-live = { $article } is not on the public site, so it cannot be withdrawn
why-four-eyes = { $article } was edited by { $editor }, who may not also { $action } it (four_eyes in workflow/workflow.toml)
why-missing-reason = { $article } `{ $action }` needs a reason
why-missing-ground = { $article } a refusal needs its ground of Điều 12.3 (a, b, c, d or đ)
why-unexpected-ground = { $article } only a refusal carries a ground, not `{ $action }`
why-unknown-key = the key { $fingerprint } ({ $file }) is not in the trusted workflow/people.toml
why-no-trusted-people = no admin has signed workflow/people.toml yet, so nobody can sign a step
why-nothing-approved = no approved article waits for publishing
why-content-changed = { $article } is not the content that was { $state }; a content change voids the step


## Why an article's file is refused (the content layer)

content-too-large = is { $size } MB, over the { $limit } MB limit for an article; move large files to attachments
content-file-too-large = is { $size } MB, over the limit of { $limit } MB; shrink it or split it
content-not-utf8 = is not valid UTF-8; save the file as UTF-8 (Unicode, TCVN 6909:2001)
content-legacy = text looks like legacy { $encoding } encoding; convert it to Unicode (`stp check --fix`)
content-no-front-matter = has no front matter; start the file with a `---` line, the fields, and another `---` line
content-front-matter-open = front matter is not closed; add a `---` line after the last field
content-front-matter-large = front matter is over 64 KB; keep long text in the body
content-front-matter = front matter: { $detail }
content-unknown-field = front matter: unknown field `{ $field }`, expected one of { $allowed }
content-missing-field = front matter: missing field `{ $field }`
content-yaml-alias = YAML anchors and aliases (`&name`, `*name`) are not allowed in front matter; write the value out
content-yaml-budget = front matter is too deeply nested or too large ({ $detail }); keep it to plain fields and move long text to the body
content-unknown-section = is in section `{ $section }`, which site.toml does not list; move it to one of: { $sections }
content-bad-date = date `{ $date }` is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM
content-no-title = title is empty; give the article a title
content-misplaced = is not where articles live; put it at content/<section>/<slug>.md or content/<section>/<slug>/index.md
content-bad-slug = slug `{ $slug }` must be lower-case ASCII words joined by `-`, e.g. `{ $suggestion }`
content-bad-file-name = file name `{ $name }` is not a plain slug; rename it to `{ $suggestion }`
content-path-escapes = path `{ $path }` leaves its folder; give a plain name inside the article's folder
content-symlink = is a symbolic link; stp reads no links in content/, static/ or themes/; copy the file or folder in instead
content-blob-missing = its published version ({ $blob }) is missing from the repository and the working tree does not hold it; fetch the whole history (git fetch --unshallow) or restore the object
content-errors-count = { $count } articles have errors; the build wrote nothing

## What to do next

hint-no-key = make a key with `stp key new ~/.ssh/stp_ed25519` and ask an admin to add its .pub
hint-missing-key = check the path, or make a key there with `stp key new { $file }` and ask an admin to add its .pub
hint-bad-key = give the OpenSSH ed25519 key file that `ssh-keygen` or `stp key new` wrote
hint-locked-key = run the command on a terminal, where stp asks for the passphrase, or add the key to ssh-agent first: `ssh-add { $file }`
hint-wrong-passphrase = type the passphrase again (it is case-sensitive); nothing was signed
hint-agent = check SSH_AUTH_SOCK and `ssh-add -l`
hint-workflow-file = ask an admin to correct the file with `stp people …`
hint-cache-mismatch = delete .git/stp/ledger-cache.bin and run the command again
next-status = see the articles and their states with `stp status`
next-queues = see the queues with `stp status`
next-log = see its trail with `stp log { $article }`
next-log-or-revise = see its trail with `stp log { $article }`; a published article is revised with `stp submit`
next-fix-article = fix the article, check it with `stp check`
next-fix-article-adopted = fix the article, check it with `stp check`; nothing was adopted
next-finish-article = finish the article first; `stp check` lists everything still missing
next-grant-role = `{ $action }` needs the { $role } role; the { $role } role is held by { $holders }: ask one of them, or ask an admin to run `stp people grant { $person } { $role_id }`
next-grant-role-nobody = `{ $action }` needs the { $role } role; nobody holds the { $role } role yet: ask an admin to run `stp people grant { $person } { $role_id }`
next-site-role = `stp site { $action }` needs the { $role } role: ask an admin to grant it
next-first-admin = the first admin runs `stp people add ID --name NAME --role admin --key THEIR.pub --signing-key THEIR_KEY`
next-add-me = ask an admin to run `stp people add ID --name NAME --role ROLE --key YOUR_KEY.pub`
next-add-yourself-as-first-admin = run `stp people add ID --name NAME --role admin --key YOUR_KEY.pub --signing-key YOUR_KEY`
next-correct-person = ask an admin to correct the person with `stp people add`
next-people-list = nothing was signed; `stp people list` shows who holds which role
next-commit-site-first = commit the site first (`git add -A && git commit`), or use `stp init DIR --admin-key PUB`
next-copy-workflow-settings = copy the example settings (`stp init DIR` writes them) into workflow/, commit, and run again
next-admin-adopts = ask an admin to run `stp adopt`
next-audit-with-commit = list the findings with `stp audit`, and give the commit id it shows
next-audit = see them with `stp audit`
next-propose-site-change = see `stp status`; a site administrator proposes one with `stp site propose`
next-propose-site-files-again = the site administrator proposes them again (`stp site propose`)
next-propose-corrected-settings = the site administrator proposes a corrected site.toml (`stp site propose`)
next-propose-corrected-site-files = the site administrator proposes a corrected version (`stp site propose`)
next-sign-site-files = the site administrator proposes them (`stp site propose`), an approver approves (`stp site approve`) and the secretary publishes
next-secretary-publishes = the secretary posts it with `stp publish`
next-withdraw-section-first = withdraw its published articles first (`stp withdraw`), or keep the section
next-sync-again = run `stp sync` again
next-sync-with-key = give --key PATH (or set STP_KEY or git's user.signingkey) and run `stp sync` again
next-commit-or-stash-then-sync = commit them (`stp submit` or `git commit`) or put them aside (`git stash`), then run `stp sync` again

## stp status

status-trust-root = trust root: { $root }
status-no-trust-root = no admin has signed the trust data yet: nothing can be published
status-as-of = as of { $moment }
status-nothing-overdue = nothing is overdue
status-group-waiting = { $state } ({ $count }), waiting for { $role }:
status-group = { $state } ({ $count }):
status-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
status-live-version = a published version is live
status-held-by = held by { $people }
status-deadline = { $kind } due { $due }, { $standing }
status-standing-on-time = published on time
status-standing-late = published late
status-standing-pending = pending
status-standing-overdue = OVERDUE
status-open-findings = { $count } findings (changes without authority, merges) are not acknowledged: see `stp audit`
status-site-live = the approved version is live
status-site-unsigned = no signed version yet (nothing can be built for the public)
status-site-no-change = site files: { $live }; no change waits
status-site-approved-by = approved by { $person }, waiting for the secretary's `stp publish`
status-site-proposed = proposed, waiting for an approver (`stp site approve`)
status-site-change = site files: { $live }; change { $version } proposed by { $person }: { $stage }
status-unsigned-edits = published, with unsigned edits in HEAD (the site shows the signed version):
status-overdue-count = { $count } article(s) overdue as of { $moment }
status-overdue-hint = see who holds each with `stp status`
status-history-hint = fix the article with a signed step (`stp submit`), then run again
status-no-trusted-workflow = no trusted workflow/ yet; deadlines use no tables and the law's calendar

## stp key new, stp setup

key-written = wrote { $path } and { $path }.pub ({ $fingerprint })
key-written-protected = wrote { $path } and { $path }.pub ({ $fingerprint }), the private key protected by the passphrase
key-next = next: send { $path }.pub to an admin, who runs `stp people add`
key-no-terminal = there is no terminal to ask for the passphrase on
key-no-terminal-hint = give it on stdin with --passphrase-stdin
key-new-passphrase = Enter a passphrase for the new key { $path }:
key-passphrase-again = Again:
key-passphrases-differ = the two passphrases differ; no key was written
key-passphrase-short = the passphrase is shorter than { $count } characters; no key was written
key-passphrase-short-hint = a few words make a passphrase that is long and easy to remember
setup-no-home = there is no home folder to keep the settings in
setup-no-home-hint = set HOME (or XDG_CONFIG_HOME) and run `stp setup` again
setup-not-fingerprint = { $root } is not a key fingerprint
setup-not-fingerprint-hint = copy it exactly as the admin gave it: SHA256: and 43 letters, digits, + or /
setup-no-home-for-key = there is no home folder for the key
setup-no-home-for-key-hint = give the key with --key PATH
setup-signing-key = signing key: { $path } ({ $fingerprint })
setup-signing-key-new = signing key: { $path } ({ $fingerprint }), new
setup-public-key = the public key, for your admin:
setup-trust-root = trust root: { $root }
setup-trust-root-unpinned = trust root: not pinned; ask the admin for the first admin's fingerprint, then `stp setup --trust-root SHA256:…`
setup-saved = saved: { $path }
setup-no-key-file = { $path }: no such key file
setup-no-key-file-hint = give the path of the key `stp key new` or ssh-keygen wrote
setup-not-openssh = { $path } is not an OpenSSH key ({ $error })
setup-not-openssh-hint = give the key `stp key new` or ssh-keygen wrote

## stp man

man-written = wrote the manual pages into { $dir } (read one with `man -l { $page }`)

## stp log
log-no-step = { $article } has no signed step in the history
log-no-step-hint = send it in with `stp submit { $article }`
log-head = { $article }: { $state }
log-delegated = , for { $from } by delegation { $start } to { $until }
log-step = { $date }  { $action } { $from } -> { $to }  by { $name } ({ $person }, { $role }{ $via })  { $commit }
log-ground = ground: Điều 12.3.{ $ground } ({ $meaning })
log-reason = reason: { $reason }
log-adopted = { $date }  adopted  -> { $published }  by { $name } ({ $person }, { $role }): an article from before stp  { $commit }
log-voided = { $date }  content changed after it was { $was }: the step is void, back to { $submitted }  { $commit }
log-unknown-signer = unknown
log-invalid = { $date }  NOT VALID `{ $transition }` signed by { $by }: { $why }  { $commit }
log-live = on the public site: the version published by { $name } in { $commit }
log-site-none = none
log-site-live = site files: live version { $live }
log-site-by = by { $name } ({ $person })
log-site-root = first version, signed with the trust root
log-site-voided = voided: the files changed after the proposal
log-site-why-label = why
log-site-reason-label = reason

## stp sync
sync-received = received { $count } commits from { $remote }
sync-redone = signed again on top of theirs: { $old } -> { $new }
sync-sent = sent { $count } commits to { $remote }
sync-up-to-date = up to date with { $remote }/{ $branch }
sync-parked = { $count } of your commits were not sent to { $remote }, which has new commits of its own:
sync-parked-kept = nothing is lost: they are kept on branch { $branch }; this clone now has the shared history
sync-parked-kept-others = nothing is lost: they are kept on branch { $branch }; this clone now has the shared history and your other commits
sync-parked-hint = see where the article is now with `stp log ARTICLE`, and sign again if it is still needed; `git log -p { $branch }` shows what was kept

## stp intake
intake-progress = taking in submissions
intake-refused = refused: { $what }
intake-unsigned = { $article }: not signed: the site has no trusted admin yet, so it is a draft only a preview shows
intake-flag = flag: { $article }: { $flag }
intake-refused-count = { $refused } of { $total } submissions refused; nothing was written for them
intake-refused-hint = fix or ask the sender about each `refused:` line above, then run `stp intake` again for those files
intake-bad-email = --sender-email `{ $email }` is not an e-mail address
intake-bad-email-hint = write it as name@example.vn, or give --sender-phone instead
intake-needs-key = intake signs each submission, but { $why }
intake-needs-key-hint = give the secretary's key with --key PATH or STP_KEY
intake-signed = signed: { $article } submitted by { $person } in commit { $commit }

## stp audit
audit-progress = verifying the whole history
audit-verified = verified { $commits } commits; trust root { $root }
audit-verified-first-use = verified { $commits } commits; trust root { $root } (trusted on first use: pin it with --trust-root)
audit-no-root = (none yet)
audit-acknowledged-by = acknowledged by { $by }: { $reason }
audit-pending = pending  { $article }: unsigned edits in HEAD; the public site shows the signed version until they go through the steps
audit-clean = no unauthorised changes
audit-all-acknowledged = every finding is acknowledged
audit-open = { $count } findings are not acknowledged
audit-open-hint = nothing they did reaches the public site. To undo a change, `git revert COMMIT` (going back to the signed version is not a finding); an admin then records each finding as seen with `stp audit ack COMMIT --reason "…"`
audit-allowed-rollback = allowed rolling back the site deployed from { $deployed } in commit { $commit }; now `stp build`, then `stp deploy`
audit-acknowledged = acknowledged { $count } findings of { $target } in commit { $commit }

## stp report (the command's own lines; the report's tables have their own words)
report-needs-month = give --month YYYY-MM, or --logs FILE... for access statistics
report-bad-month = `{ $month }` is not a month
report-bad-month-hint = write it as YYYY-MM, e.g. 2026-03
report-progress = making the report for { $month }
report-no-trusted-tables = no admin has signed workflow/ yet, so there are no trusted deadline tables and no signed history to report
report-no-trusted-tables-hint = the first admin signs the board with `stp people add … --signing-key`
report-month-out-of-range = that month is out of range
report-figures-until = số liệu tính đến ngày { $day } (figures up to { $iso }): tháng { $month } chưa kết thúc
report-skipped-lines = { $count } malformed log lines skipped, e.g.:

## stp serve

serve-built = built a preview of { $articles } articles in { $ms } ms
serve-serving = serving a preview of { $root } at http://127.0.0.1:{ $port }/ (Ctrl-C to stop)
serve-serving-static = serving { $dir } at http://127.0.0.1:{ $port }/ (Ctrl-C to stop)
serve-rebuilt-files = rebuilt after { $changes } change(s) in { $ms } ms ({ $files } files)
serve-rebuilt-whole = rebuilt after { $changes } change(s) in { $ms } ms (whole site)
serve-search-updated = search index updated in { $ms } ms ({ $files } files)

## stp build
build-preview-not-public = a preview never goes to public/ or a folder holding it; choose another --out
build-progress-preview = building a preview
build-progress-history = reading the signed history
build-progress-public = building the public site
build-unsigned-edits = { $article } has unsigned edits in HEAD; the site shows its signed version until the edit goes through the steps (`stp submit { $article }`)
build-ledger = ledger: { $commits } commits, { $read } read now, { $issues } issues (see `stp audit`)
build-merge-around = merge { $commit } goes around signed history: { $why }
build-merge-around-hint = make history linear again without it (the signed steps on its other side are the ones that count), or have an admin acknowledge it: `stp audit ack COMMIT --reason …`
build-rewound = { $out } was built from signed commit { $commit }, which the history no longer contains: the history was rewound or replaced
build-rewound-hint = bring the signed commits back (`git reflog`, or fetch them from the shared repository); to build anyway, pass --allow-rewind after reading `stp audit`
build-variants = and { $count } precompressed variants ({ $mb } MB)
build-kept = { $count } files unchanged since the previous build were kept as they were, not written again
build-done = { $kind ->
    [preview] built a preview of { $articles } articles
   *[public] built the public site: { $articles } published articles
}: { $files } files, { $mb } MB{ $variants } in { $out } ({ $secs } s)

## stp check
check-fixed = fixed: { $file } (now Unicode NFC)
check-clean = no problems found
check-problems = { $count } problems found
check-problems-hint = fix each line above, then run `stp check` again

## stp init
init-wrote = wrote { $file }
init-ci-next = next: set STP_TRUST_ROOT, STP_DEPLOY_TARGET and STP_INSTALL in the CI's protected settings, then commit { $file }
init-created = created a site repository in { $dir }
init-first-admin = first admin: { $name } ({ $person }), trust root { $fingerprint }
init-pin = pin it in CI: STP_TRUST_ROOT={ $fingerprint }
init-next = next: cd { $dir } && stp check && stp build --preview
init-not-empty = { $dir } exists and is not empty
init-not-empty-hint = give a new folder name
init-bad-id = { $id } is not an id: ids are lower-case letters, digits and '-' (e.g. { $example })
init-wrong-key = the signing key { $key } is not the admin key { $fingerprint }
init-wrong-key-hint = give the admin's private key with --key PATH

## stp new
new-no-section = site.toml has no section `{ $section }`
new-no-section-hint = choose one of: { $sections }
new-empty-slug = the title has no letters or digits to make a file name from
new-exists = { $article } already exists
new-exists-hint = choose another title, or edit the existing article

## stp people
people-bad-key-hint = give the .pub file `stp key new` or `ssh-keygen` wrote, as it is
people-ignored-edits = { $file } held changes no admin signed; they are not folded in (this change is made on the trusted version)
people-first-admin = first admin set: trust root { $fingerprint } (pin it: STP_TRUST_ROOT={ $fingerprint })
people-signed = signed commit { $commit }
people-no-trust-data = no admin has signed the trust data yet
people-delegation = { $to } acts as { $role } for { $from } from { $start } until { $until }

## stp site
site-proposed = proposed site files { $version } in commit { $commit } (signed by { $person }); { $count } files change:
site-proposed-next = next: an approver runs `stp site approve` (see `stp site diff`)
site-approved = approved site files { $version } in commit { $commit } (signed by { $person }); they go live with the next `stp publish`
site-returned = returned site files { $version } in commit { $commit } (signed by { $person }); the public site keeps the live version
site-nothing-proposed = no site change is proposed; compare the working tree with --working-tree
site-no-difference = no difference from the live site files

## stp adopt
adopt-progress = adopting the articles
adopt-adopted = { $article }: adopted as published
adopt-left-alone = left alone: { $count } articles that already have a signed history
adopt-done = { $count } articles adopted, signed by { $person } in commit { $commit }
adopt-next = next: `stp build` puts them on the public site; `stp log ARTICLE` shows "adopted"

## stp calendar
calendar-outside-range = { $what } is outside the calendar's range { $first }–{ $last }
calendar-what-year = year { $year }
calendar-what-start = the start { $day }
calendar-what-end = the end of { $what } after { $start }
calendar-what-next = the working day after { $day }
calendar-bad-start = `{ $start }` is not a date or a date and time
calendar-bad-start-hint = write START as 2026-02-13 or 2026-02-13T08:30
calendar-max-working-days = --working-days is at most { $max }
calendar-max-admin-hours = --admin-hours is at most { $max }
calendar-working-days = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
calendar-admin-hours = { $count ->
    [one] { $count } administrative hour
   *[other] { $count } administrative hours
}
calendar-start-off = { $day } { $weekday } is a day off ({ $name }); the next working day is { $next } { $next_weekday }
calendar-due-days = { $due } { $weekday }, { $what } after { $start } (the start day not counted)
calendar-due-hours = { $due } { $weekday }, { $what } after { $start }
calendar-no-file = the site has no workflow/calendar.toml
calendar-no-file-hint = copy workflow/calendar.toml from `stp init --example` and adjust it
calendar-law-default = no workflow/calendar.toml here; using the law's holidays and 07:00–11:30, 13:30–17:00
calendar-not-utf8 = { $file } is not UTF-8 text
calendar-not-utf8-hint = save it as UTF-8
calendar-fix-hint = fix that line of the calendar, then run again
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## stp deploy
deploy-progress = deploying to { $target }
deploy-not-public = { $build } is not a public build: it has no { $record } naming the signed commit it was built from
deploy-not-public-hint = build the public site with `stp build` (a preview never goes out), then deploy
deploy-record-no-commit = { $target }: its { $record } names no signed commit, so stp cannot tell whether this build would roll the site back
deploy-record-no-commit-hint = look at { $record } there; if the target is not stp's, deploy into a folder of its own
deploy-bad-target-hint = give a folder (/var/www/stp), a folder on a host over ssh (web1:/var/www/stp) or object storage (s3://bucket/prefix)
deploy-no-credentials = { $target } needs credentials: { $missing } are not set
deploy-no-credentials-hint = export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), then deploy again
deploy-rolling-back = rolling back from { $deployed }, as { $person } decided in signed commit { $commit }: { $reason }
deploy-rollback = { $target } was deployed from signed commit { $deployed }, and the build in { $build } (from { $built }) does not contain it: deploying it would roll the site back
deploy-rollback-hint = build from the current history (`stp sync`, then `stp build`); if the rollback is intended, an admin signs the decision with `stp audit allow-rollback { $deployed } --reason "…"`, then build and deploy again
deploy-would-send = would send
deploy-would-delete = would delete
deploy-sent = sent
deploy-deleted = deleted
deploy-left-alone = left alone (stp did not send it): { $file }
deploy-done = { $target }: { $sent_count } { $sent }, { $deleted_count } { $deleted }, { $unchanged } unchanged (signed commit { $commit })
deploy-overlap = { $build } and { $target } are the same folder or one holds the other; deploy into a folder of its own
deploy-foreign = { $target } already holds files that stp did not deploy (it has no { $record }); stp replaces what the target holds, so they would be deleted
deploy-foreign-hint = deploy into a new or empty folder (e.g. /var/www/stp) and point the web server at it

## The help: clap's own words, then each command's (from the doc comments)

help-heading-usage = Usage
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print version
help-help-command = Print this message or the help of the given subcommand(s)
help-stp-arg-lang = The language of messages and help: vi (Vietnamese, the default) or en (English); default: $STP_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: en_* is English)

## Shared by the commands that take the argument, unless a command has its own text
help-arg-articles = The articles: the slug (x, section/x, x.en for the English version) or the path (content/…/x.md)
help-arg-commit = The commit: for `ack`, the one whose findings are acknowledged (its id, or the start of it); for `allow-rollback`, the one the target was deployed from (all 40 digits, as `stp deploy` names it when it refuses)
help-arg-id = The person's id in workflow/people.toml
help-arg-json = Print what was committed as JSON (one object; see docs/cli.md)
help-arg-key = The OpenSSH ed25519 key that signs (a private key file, or a .pub held by ssh-agent); default: $STP_KEY, else the key `stp setup` stored, else git's user.signingkey
help-arg-reason = Why, in words the sender and the log will read (needed)
help-arg-role = contributor, editor, verifier, approver, secretary or admin
help-arg-signing-key = The admin's key that signs the change; default: $STP_KEY, else git's user.signingkey
help-arg-trust-root = The fingerprint (SHA256:…) of the first admin's key; without it the first admin is trusted on first use, with a warning. Default: $STP_TRUST_ROOT, else the one `stp setup --trust-root` kept

## stp
help-stp-about = The command line: runs an agency's website as a git repository of signed editorial steps.
help-stp-after =
    Exit status:
      0  success
      1  the command ran and found something: audit found changes without authority, check
         found problems, status --overdue found overdue articles, sync kept clashing commits
      2  error or refusal: the command could not run, wrong input, a usage mistake, a refused
         step
help-stp-arg-quiet = Quiet: nothing on stderr but warnings and errors (no notes, no progress)
help-stp-arg-repo = The site repository (default: the current folder or the nearest one above it holding site.toml)
help-stp-arg-verbose = Verbose: also say on stderr which site repository is used and how long the command took

## stp demo
help-demo-about = Walk the example site through every step with a demo board's keys, in a new temporary repository, and build its public site into ./public
help-demo-arg-compress = Write precompressed variants beside the text files, as `stp build --compress`
help-demo-arg-out = Where to build the public site (default: public/ in the current folder)
help-demo-arg-port = The port for --serve (0: any free port)
help-demo-arg-serve = Then serve the public site on 127.0.0.1 until Ctrl-C
help-demo-arg-desk = Then open the demo site's desk (`stp desk`) as the head of the demo board (Trưởng Ban), who has an article waiting for a check, until Ctrl-C
help-demo-arg-no-open = With --desk: print the desk's address without opening the browser

## stp desk
help-desk-about = The board's desk in your browser: your queue, each article as readers will see it, its diff and signed trail, and the buttons for the steps your roles allow, signed with your own key (served on 127.0.0.1 only)
help-desk-arg-port = The port on 127.0.0.1 (0: any free port; the line printed names the address)
help-desk-arg-no-open = Do not open the browser; only print the address
help-desk-arg-remote = The shared remote that publishing and the sync button send to

## stp build
help-build-about = Build the public site from the live set (or the working tree with --preview)
help-build-arg-allow-rewind = Build the public site even though the history no longer contains the signed commit the output was last built from (a rewound history: read `stp audit` first)
help-build-arg-compress = Also write a gzip (`.gz`) and a brotli (`.br`) file beside every text file larger than 512 bytes, for a web server that serves them as they are (nginx's `gzip_static`). `compress = true` in site.toml makes it the site's default
help-build-arg-json = Print the result as JSON
help-build-arg-out = Output folder (default: public/, or preview/ with --preview)
help-build-arg-preview = Build every article of the working tree, whatever its state, with a banner and `noindex`: a preview, never the public site

## stp deploy
help-deploy-about = Put the public build into a web server's folder: only what changed, swapped in whole, never a rollback
help-deploy-arg-dry-run = Only list what would be sent and deleted
help-deploy-arg-endpoint = For object storage other than AWS: the service's URL (default: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else AWS in AWS_REGION); reached with path-style URLs
help-deploy-arg-from = The public build to deploy (default: the site's public/, as `stp build` writes it)
help-deploy-arg-json = Print the counts (and the files) as JSON (see docs/cli.md)
help-deploy-arg-target = Where readers get the site: a folder (a web server's document root), or a folder on another host over ssh: `host:/var/www/stp`, `user@host:/srv/site`, `ssh://user@host:port/srv/site`; or S3-compatible object storage, `s3://bucket/prefix` (credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; AWS_REGION)

## stp calendar
help-calendar-about = The working calendar: days off of a year, and deadlines in working days or administrative hours

## stp calendar holidays
help-calendar-holidays-about = Print each day off of YEAR beyond the weekends and each weekend day that is worked: the ISO date, its name, then whether it is off or worked and whether a notice (a [[year]] entry of calendar.toml) or the rule gives it
help-calendar-holidays-arg-json = Print one JSON object instead
help-calendar-holidays-arg-year = The year, e.g. 2026

## stp calendar due
help-calendar-due-about = Print when a period that starts at START ends (the day of START is not counted for working days; administrative hours run from START's moment)
help-calendar-due-arg-admin-hours = Count this many administrative hours (office hours on working days)
help-calendar-due-arg-json = Print one JSON object instead
help-calendar-due-arg-start = YYYY-MM-DD, or YYYY-MM-DDTHH:MM for administrative hours (Vietnam time)
help-calendar-due-arg-working-days = Count this many working days

## stp check
help-check-about = Check links, pictures, front matter and Vietnamese text; exit 1 with the list of problems
help-check-arg-fix = Rewrite text that can be repaired (TCVN3, VNI and decomposed Unicode to NFC) before checking
help-check-arg-json = Print the problems as JSON

## stp intake
help-intake-about = Take in submissions (.eml, Maildir, .docx, .odt, pictures) as submitted articles
help-intake-arg-files = `.eml` messages, Maildir folders, or documents (`.docx`, `.odt`) with their pictures (jpg, gif, bmp, png) and files (the signed PDF). Each message is one submission; loose files together are one
help-intake-arg-section = The section to put the articles in (see site.toml). Without it, a document that reads as a legal document and comes with a PDF goes to the legal-document section
help-intake-arg-sender-address = The sender's postal address
help-intake-arg-sender-email = The sender's e-mail address
help-intake-arg-sender-name = The sender's full name (also the article's author)
help-intake-arg-sender-phone = The sender's phone number
help-intake-arg-sender-title = The sender's title, if any
help-intake-arg-sender-unit = The sender's organisation or unit

## stp init
help-init-about = Write a new site repository
help-init-arg-admin-id = The first admin's id in workflow/people.toml (default: the name without diacritics, `Trưởng Ban` → `truong-ban`)
help-init-arg-admin-key = The first admin's OpenSSH ed25519 public key (a .pub file or the key text): the trust root. Without it the site works for previews and `stp check`, and publishing waits until a first admin is set
help-init-arg-admin-name = The first admin's full name
help-init-arg-ci = Add the pipeline file for this CI service (audit, build, deploy; docs/deploy.md). On an existing site, only the pipeline file is written
help-init-arg-dir = The folder to create (it must not exist, or be empty)
help-init-arg-example = Add the Department's example articles
help-init-arg-key = The key that signs the first commit (default: the private key beside the .pub file, else $STP_KEY, else ssh-agent)

## stp new
help-new-about = Write a new draft article and print its path
help-new-arg-bundle = Make a bundle (a folder with index.md) for pictures and attachments
help-new-arg-section = The section's slug, e.g. `tin-tuc` (see site.toml)
help-new-arg-title = The article's title, in Vietnamese

## stp report
help-report-about = The monthly report for the leadership meeting (Điều 18.5): HTML with charts, XLSX and CSV; or, without --month, the access statistics of --logs
help-report-arg-json = Print what was written (or the access statistics) as JSON
help-report-arg-logs = Web-server access logs, nginx/Apache combined format, plain or gzip
help-report-arg-month = The month to report, YYYY-MM. Without it, only the access statistics of --logs are printed
help-report-arg-out = Where to write the report (default: reports/YYYY-MM in the site repository)

## stp serve
help-serve-about = Serve a preview on 127.0.0.1 and rebuild what changes
help-serve-arg-out = With --public: the output folder (default: public/)
help-serve-arg-port = The port on 127.0.0.1 (0: any free port; the line printed names the one bound)
help-serve-arg-public = Build the public site from signed history (as `stp build` does, into public/ or --out) and serve that, instead of a preview of the working tree

## stp submit
help-submit-about = Send an article in for the board's three steps (Điều 15)

## stp review
help-review-about = Step 1: sign an article as compiled and edited; alone, list your queue
help-review-arg-articles = The articles: the slug (x, section/x, x.en for the English version) or the path (content/…/x.md); none: list the articles waiting for you

## stp verify
help-verify-about = Step 2: sign an article as verified; alone, list your queue
help-verify-arg-articles = The articles: the slug (x, section/x, x.en for the English version) or the path (content/…/x.md); none: list the articles waiting for you

## stp approve
help-approve-about = Step 3: the final check; alone, list your queue
help-approve-arg-articles = The articles: the slug (x, section/x, x.en for the English version) or the path (content/…/x.md); none: list the articles waiting for you

## stp return
help-return-about = Send an article back to its sender with a reason (Điều 4.2)

## stp reject
help-reject-about = Refuse an article on a ground of Điều 12.3, with a reason
help-reject-arg-ground = The ground of Điều 12.3: a (against policy or law), b (state secret, not cleared), c (untrue), d (not of adequate quality), đ or dd (other legal bans)

## stp publish
help-publish-about = Post every approved article in one signed commit, then build the public site
help-publish-arg-articles = The approved articles to post (default: every approved article, and an approved change of the site files)
help-publish-arg-dry-run = Show what would go live, checked as the step would be; sign and build nothing
help-publish-arg-no-sync = Do not send the publish to the shared repository (send it later with `stp sync`)
help-publish-arg-remote = The shared repository the publish is sent to, when this clone has it (as `stp sync --remote`)
help-publish-arg-to = Where to build the public site (default: public/)

## stp withdraw
help-withdraw-about = Take a published article off the public site, with a reason

## stp sync
help-sync-about = Fetch the shared site's new commits and send yours; signatures stay valid
help-sync-arg-remote = The remote that holds the shared site: a bare repository by path or file://, or by ssh or https (reached through the git program, with your ssh keys)

## stp status
help-status-about = The queues by state and role, with their age
help-status-arg-json = Print the state as JSON
help-status-arg-overdue = List only the overdue articles; exit 1 when there is any

## stp notify
help-notify-about = Tell the people who hold each waiting step by e-mail, once per hand-off (for a timer or a CI schedule; off unless workflow/workflow.toml has a signed [notify])
help-notify-arg-again = Tell every waiting hand-off again, even those already told
help-notify-arg-dry-run = Print what would be sent to whom; send nothing and record nothing
help-notify-arg-json = Print the counts as JSON (sent, people, articles)
help-notify-arg-state = The record of hand-offs already told; default: .git/stp/notified.tsv (keep it between runs, e.g. in a CI cache, or every run tells everything)

## stp log
help-log-about = The signed trail of an article
help-log-arg-article = The article: the slug (x, section/x, x.en) or the path (content/…/x.md); `site` for the trail of the site files
help-log-arg-json = Print the trail as JSON

## stp audit
help-audit-about = Verify the whole history; list every change made without authority (exit 1 if any)
help-audit-arg-json = Print the findings as JSON

## stp audit ack
help-audit-ack-about = Admin: acknowledge the findings of one commit as seen and harmless, in a signed commit. They stay listed, marked; audit passes once every finding is acknowledged
help-audit-ack-arg-reason = What was seen and why it is harmless, or why the site goes back (needed)

## stp audit allow-rollback
help-audit-allow-rollback-about = Admin: allow `stp deploy` to roll a target back: the target was deployed from COMMIT, which this history no longer contains (a history reset past signed steps). Signed, with the reason; build and deploy after it
help-audit-allow-rollback-arg-reason = What was seen and why it is harmless, or why the site goes back (needed)

## stp adopt
help-adopt-about = Admin: record a site's articles from before stp as published, in one signed commit
help-adopt-arg-all = Every article in content/ that has no signed history yet
help-adopt-arg-articles = The articles to record as published: the slug (x, section/x, x.en) or the path (content/…/x.md)

## stp people
help-people-about = People, roles, keys and delegations (admin-signed)

## stp people add
help-people-add-about = Add a person; for one already there, update the name and key, add the roles given (their other roles stay) and replace the unit, title and e-mail only when given
help-people-add-arg-email = The person's e-mail address
help-people-add-arg-id = A short id for the person, as steps and the log name them: lower-case letters, digits and hyphens, e.g. nguyen-van-an
help-people-add-arg-key = The person's OpenSSH ed25519 public key: a .pub file, or the key text
help-people-add-arg-name = The person's full name, as the log and the reports show it
help-people-add-arg-roles = contributor, editor, verifier, approver, secretary or admin (repeatable)
help-people-add-arg-title = The person's job title (chức vụ), e.g. "Chánh Văn phòng"
help-people-add-arg-unit = The person's unit (phòng, đơn vị), e.g. "Văn phòng Sở": the monthly report counts articles per unit

## stp people remove
help-people-remove-about = Remove a person: their later signatures grant nothing, their earlier ones stay valid
help-people-remove-arg-id = The id of the person to remove (see `stp people list`)

## stp people grant
help-people-grant-about = Give a person one more role; their other roles stay

## stp people revoke
help-people-revoke-about = Take one role from a person; their other roles stay

## stp people delegate
help-people-delegate-about = Let TO act in FROM's ROLE between two dates, both included (Điều 19.2)
help-people-delegate-arg-from-id = The id of the person who delegates (holds ROLE)
help-people-delegate-arg-role = The role delegated: contributor, editor, verifier, approver, secretary or admin
help-people-delegate-arg-start = The first day of the delegation: YYYY-MM-DD or DD/MM/YYYY
help-people-delegate-arg-to-id = The id of the person who acts for them
help-people-delegate-arg-until = The last day of the delegation (included): YYYY-MM-DD or DD/MM/YYYY

## stp people list
help-people-list-about = List the trusted people and their roles
help-people-list-arg-json = Print the people and the delegations as JSON

## stp people export-allowed-signers
help-people-export-allowed-signers-about = Write the allowed-signers file for `git verify-commit` (gpg.ssh.allowedSignersFile)
help-people-export-allowed-signers-arg-file = The file to write, e.g. .stp/allowed_signers (then `git config gpg.ssh.allowedSignersFile .stp/allowed_signers`)

## stp site
help-site-about = Changes to the site files (site.toml, themes/, static/): propose, approve, return, diff

## stp site propose
help-site-propose-about = Site administrator: sign the working tree's site.toml, themes/ and static/ as a proposed change (it goes live only after approval and the next publish)
help-site-propose-arg-reason = What the change is for (recorded in the signed commit)

## stp site approve
help-site-approve-about = Approver: approve the proposed change (not the proposer's own)

## stp site return
help-site-return-about = Approver: send the proposed change back, with a reason
help-site-return-arg-reason = Why it goes back (needed)

## stp site diff
help-site-diff-about = What a change would change on the public site: the proposal (default), or the working tree with --working-tree, against the live version
help-site-diff-arg-working-tree = Compare the working tree instead of the pending proposal

## stp key
help-key-about = Signing keys

## stp key new
help-key-new-about = Write a new key pair: PATH (private, mode 0600) and PATH.pub
help-key-new-arg-comment = The comment at the end of the public key
help-key-new-arg-passphrase = Protect the private key with a passphrase, asked twice on the terminal; stp asks for it again at each signing (or ssh-agent holds the key: `ssh-add PATH`)
help-key-new-arg-passphrase-stdin = Read the passphrase from the first line of stdin instead (for scripts)
help-key-new-arg-path = Where to write the private key (the public key goes beside it, as PATH.pub), e.g. ~/.ssh/stp_ed25519; an existing file is not overwritten

## stp setup
help-setup-about = Your own settings, once per machine: makes your key if you have none, shows the public key for the admin, and keeps the key and the trust root so that no command needs --key again
help-setup-arg-key = Sign with this key (an OpenSSH private key, or a .pub held by ssh-agent) instead of the one kept, or of a new one at ~/.ssh/stp_ed25519
help-setup-arg-passphrase = When a new key is made: protect it with a passphrase, asked twice on the terminal
help-setup-arg-trust-root = The first admin's fingerprint (SHA256:…), as the admin gave it to you on paper or by phone: every reading command then checks the site's trust data starts from it

## stp completions
help-completions-about = Print the shell completion script for bash, zsh, fish, powershell or elvish (e.g. `stp completions bash > /etc/bash_completion.d/stp`)
help-completions-arg-shell = The shell: bash, zsh, fish, powershell or elvish

## stp man
help-man-about = Write the manual pages, one per command, into a folder
help-man-arg-dir = The folder to write the pages into (made if missing), e.g. /usr/local/share/man/man1

## stp desk
desk-running = the desk is running at { $url }
desk-how = (open that address in a browser; Ctrl-C stops it)
desk-no-browser = could not open a browser ({ $error }); open the address above yourself
desk-failed-hint = run `stp audit` to see the site's history, or `stp setup` if your key is not trusted yet
desk-demo-heading = The head's desk:

## stp desk: the desk's pages (crates/stp-desk)
desk-title = The editorial board's desk
desk-skip = Skip to the main content
desk-who = Working as:
desk-nav = Main menu
desk-nav-queue = My work
desk-nav-board = Status board
desk-nav-intake = Take in
desk-nav-report = Monthly report
desk-sync-button = Sync with the shared repository ({ $remote })
desk-footer = stp — every step is a digital signature with your own key; no server holds a key.
desk-col-article = Article
desk-col-state = State
desk-col-due = Due
desk-col-waited = Waited
desk-overdue = (overdue)
desk-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
desk-queue-meta = From the signed history, read at { $at }. Due dates count working days.
desk-read-at = { $time } on { $date }
desk-queue-empty = Nothing waits for you.
desk-queue-more = and { $n } more: see
desk-publish-all = Publish every approved article
desk-whole-site = The whole site
desk-overdue-heading = Overdue ({ $n })
desk-overdue-list = Overdue articles
desk-all = all
desk-filter = Filter
desk-board-count = { $n ->
    [one] { $n } article
   *[other] { $n } articles
}
desk-board-page = , page { $page }/{ $pages }
desk-board-list = Articles
desk-pager = Pages of the board
desk-prev = Previous page
desk-next = Next page
desk-file = File
desk-live = On the public site
desk-live-at = published { $at }, { $by }
desk-your-steps = What you can do
desk-ground-label = Ground for refusal (Điều 12.3)
desk-reason-label = Reason to { $step }
desk-no-steps = This article waits for no step of yours.
desk-content = Content
desk-preview-link = See it as readers will (opens a new tab)
desk-preview-building = The preview is being built; reload in a few seconds.
desk-preview-failed = The preview could not be built: { $error }
desk-diff = Changes from the published version
desk-diff-help = Lines starting with − are the published version's, + the revision's.
desk-sender = Sender
desk-sender-name = Name
desk-sender-title = Title
desk-sender-organisation = Organisation, unit
desk-sender-email = E-mail
desk-sender-phone = Phone
desk-sender-address = Address
desk-received = Received
desk-sender-stated = (sender's details stated by the secretary)
desk-sources = Original files
desk-flag = To check
desk-trail = Signed steps
desk-trail-ground = , on ground { $ground } of Điều 12.3
desk-trail-empty = No step has been signed yet.
desk-trail-adopted = recorded as published before stp
desk-trail-voided = content changed after “{ $state }”: must be submitted again
desk-trail-invalid = invalid step
desk-nothing-changed = Nothing changed.
desk-signed-by = Signed with the key of { $name } in commit
desk-remote-heading = Shared repository
desk-send-failed = Not sent to the shared repository yet: { $error }
desk-sync-counts = Received { $received } commits, sent { $sent } commits to { $remote }
desk-sync-redone = , signed { $n } of your commits again on top of the others'
desk-sync-parked = { $n } of your commits were not sent because someone else sent clashing changes first; they are kept on branch { $branch }. Look at the article again and redo that step.
desk-taken = signed as submitted in commit
desk-not-taken = not taken in
desk-back-article = Back to the article
desk-intake-intro = Choose saved e-mails (.eml), Word (.docx) or OpenOffice (.odt) files and their pictures. Each e-mail, or the files chosen together, becomes one article waiting for editing, signed as submitted with the secretary's key.
desk-section = Section
desk-section-auto = let stp tell from the submission
desk-files = The submitted files
desk-sender-legend = Sender (for a submission received on paper, by hand or through a messaging app; an e-mail names its sender)
desk-intake-only-secretary = Only the board's secretary takes in submissions (Điều 11.1).
desk-report-title = Monthly report { $month }
desk-month = Month (year-month)
desk-show = Show
desk-no-figures = No figures.
desk-done = Done: { $step }
desk-sync-heading = Sync with the shared repository
desk-refused = This step could not be taken
desk-wrong-host = Wrong address
desk-wrong-host-why = The desk answers only when called by its own address (127.0.0.1). Open the address stp desk printed.
desk-cross-site = A request from another site was refused
desk-cross-site-why = Only the desk's own buttons may change an article. Nothing changed.
desk-no-session = No session yet
desk-no-session-why = Open the desk with the whole address stp desk printed (with its ?khoa=…). Each run of stp desk has a new address.
desk-bad-token = The request lacks the desk's token
desk-bad-token-why = This request did not come from a button of the running desk, so nothing changed.
desk-bad-token-hint = Reload the page and press the button again.
desk-no-step = No such step
desk-no-step-why = “{ $step }” is not a step of the regulation.
desk-use-buttons = Use the buttons on the article's page.
desk-no-article = No such article
desk-no-article-why = “{ $path }” is not an article in the site's content/ folder.
desk-no-article-hint = Choose the article from “My work” or the “Status board”.
desk-no-files = No file chosen
desk-no-files-why = No file was sent.
desk-no-files-hint = Choose or drop .eml, .docx or .odt files, then press “Take in”.
desk-bad-email = Not an e-mail address
desk-bad-email-why = “{ $email }” is not an e-mail address.
desk-bad-email-hint = Write it as name@agency.gov.vn, or leave it empty and give a phone number.
desk-file-name = a file name holds a folder or `..`; give the file a plain name
desk-upload-broke = the upload broke off: { $error }
desk-unreadable = The site's history could not be read
desk-unreadable-hint = Run stp audit in the site's folder for the details, then reload this page.
desk-bad-month = Not a month
desk-bad-month-why = “{ $month }” is not a month.
desk-bad-month-hint = Choose the month as year-month, e.g. 2026-03.
desk-no-report = No report yet
desk-no-report-why = No admin has signed workflow/ yet, so there are no deadline tables and no signed history to report.
desk-no-report-hint = An admin must sign the people and deadlines (workflow/) first.
desk-not-found = No such page
desk-not-found-why = The desk has no page at this address.
desk-not-found-hint = Go back to “My work”.
desk-page-failed = The page could not be made
desk-page-failed-hint = This is a bug in stp: tell the admin, with the line above.
desk-state-draft = draft
desk-state-submitted = submitted, waiting for editing
desk-state-edited = edited, waiting for the check
desk-state-verified = checked, waiting for approval
desk-state-approved = approved, waiting to be published
desk-state-published = published
desk-state-returned = returned
desk-state-rejected = rejected
desk-state-withdrawn = withdrawn
desk-button-submit = Submit
desk-button-review = Editing done
desk-button-verify = Check done
desk-button-approve = Approve
desk-button-return = Return
desk-button-reject = Reject
desk-button-publish = Publish
desk-button-withdraw = Withdraw
desk-step-submit = submit
desk-step-review = edit
desk-step-verify = check
desk-step-approve = approve
desk-step-return = return
desk-step-reject = reject
desk-step-publish = publish
desk-step-withdraw = withdraw
desk-queue-submit = Returned, waiting for me to fix and resubmit
desk-queue-review = Waiting for me to edit
desk-queue-verify = Waiting for me to check
desk-queue-approve = Waiting for my approval
desk-queue-publish = Waiting for me to publish
desk-role-contributor = contributor
desk-role-editor = editor
desk-role-verifier = verifier
desk-role-approver = head of the board (approver)
desk-role-secretary = secretary of the board
desk-role-admin = admin
desk-role-site-admin = site admin

## stp notify: hand-off mail
notify-unconfigured = Hand-off mail is not configured: { $why }; nothing sent. An admin adds a signed [notify] table to workflow/workflow.toml (see docs/cli.md).
notify-why-no-workflow = no version of workflow/ is signed by an admin yet
notify-why-no-table = the signed workflow/workflow.toml has no [notify] table
notify-no-email = { $name } ({ $id }) has { $count ->
    [one] one article
   *[other] { $count } articles
} waiting but no e-mail address (`email`) in workflow/people.toml: not told
notify-nothing-new = Nothing new to tell.
notify-would-send = Would send to { $name } <{ $email }>: { $subject }
notify-sent = sent: { $name } <{ $email }>, { $count ->
    [one] one article
   *[other] { $count } articles
}
notify-send-failed = could not send to { $name } ({ $id }) <{ $email }>: { $error }
notify-failed = could not send to { $count } of { $total } people: { $names }
notify-failed-hint = the others were told; check the address in workflow/people.toml or the server's answer above, then run `stp notify` again: only those not told are told
notify-log-unreadable-hint = the record of what was told, { $path }, cannot be read; remove it to start again
notify-log-unsaved-hint = the messages went out, but { $path } could not be written: the next run will tell them again
notify-unreachable = cannot reach the mail server { $server }
notify-sending = sending hand-off mail: { $error }
notify-hint-no-password = set the mail server's password in the environment variable { $var } (it is never kept in the repository)
notify-hint-login-without-tls = set security = "starttls" or "tls" in the [notify] table of workflow/workflow.toml (signed by an admin)
notify-hint-bad-address = fix the `from` address in the [notify] table of workflow/workflow.toml (signed by an admin)
notify-hint-certificate = the mail server's TLS certificate is not trusted: smtp_host must be the name the certificate gives, issued by a public certificate authority
notify-hint-unreachable = check smtp_host, smtp_port and security in the [notify] table of workflow/workflow.toml and the network to the mail server; `stp notify --dry-run` shows the messages without sending
notify-hint-refused = check the [notify] settings and the mail server's answer
