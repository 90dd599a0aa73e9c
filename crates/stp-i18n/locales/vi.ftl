### Lời của stp bằng tiếng Việt (mặc định).
### Mỗi thông điệp ở đây cũng có trong en.ftl, với cùng các biến (kiểm thử kiểm tra điều này).
### docs/cli.md hướng dẫn cách thêm một thông điệp.

## Nhãn của các dòng trên stderr

error-label = lỗi
error-caused-by = Nguyên nhân
error-hint-label = gợi ý
warning-label = cảnh báo
note-label = lưu ý
took-seconds = mất { $seconds } giây
site-repository = kho trang: { $path }

## Ngôn ngữ

lang-unknown = không có ngôn ngữ `{ $tag }`: stp dùng vi (tiếng Việt) và en (tiếng Anh)
lang-unknown-hint = dùng --lang vi hoặc --lang en (hoặc đặt STP_LANG là vi hoặc en)

## Trạng thái, vai trò và loại tin, bài

state-draft = bản nháp
state-submitted = đã gửi
state-edited = đã biên tập
state-verified = đã kiểm tra
state-approved = đã phê duyệt
state-published = đã đăng
state-returned = trả lại
state-rejected = từ chối
state-withdrawn = gỡ bỏ
role-contributor = người gửi tin, bài
role-editor = biên tập viên
role-verifier = người kiểm tra
role-approver = người phê duyệt
role-secretary = Thư ký Ban Biên tập
role-admin = quản trị
role-site-admin = quản trị mạng
kind-news = tin
kind-document = văn bản
kind-plan = kế hoạch
kind-statistics = số liệu thống kê
kind-answer = trả lời
kind-feedback = góp ý
kind-monthly_report = báo cáo tháng
kind-quarterly_report = báo cáo quý
kind-half_year_report = báo cáo 6 tháng
kind-annual_report = báo cáo năm
kind-programme_summary = tóm tắt chương trình
kind-commentary = bình luận
kind-interview = phỏng vấn
kind-research = nghiên cứu
kind-photo = ảnh
kind-media = âm thanh, video

## Tìm trang và gọi tên tin, bài

no-site-toml-in = { $path } không có site.toml, nên không phải là kho trang
no-site-toml-in-hint = tạo kho trang bằng `stp init THƯ_MỤC`, hoặc trỏ -C vào thư mục của trang
no-site-toml-above = không có site.toml trong { $path } hay thư mục nào bên trên
no-site-toml-above-hint = chạy stp trong một kho trang, hoặc tạo kho trang bằng `stp init THƯ_MỤC`
not-an-article = { $path } không phải là tin, bài: tin, bài là các tệp content/<chuyên-mục>/<tên>.md
no-article-named = không có tin, bài nào tên là { $name }: gọi bằng tên ngắn (tên tệp không có .md), chuyên-mục/tên, hoặc đường dẫn content/<chuyên-mục>/<tên>.md
no-article-named-hint = `stp status` liệt kê các tin, bài trong hàng chờ cùng đường dẫn
names-several-articles = { $name } chỉ { $count } tin, bài: { $articles }
names-several-articles-hint = thêm chuyên mục (chuyên-mục/tên) hoặc ghi đường dẫn

## Ký

reason-needed = `stp { $command }` cần --reason (lý do)
reason-needed-hint = ghi lý do bằng lời mà người gửi và nhật ký sẽ đọc: --reason "…"
trust-first-use = quản trị đầu tiên ({ $root }) được tin ở lần dùng đầu; hãy ghim bằng --trust-root hoặc STP_TRUST_ROOT
passphrase-prompt = Cụm mật khẩu của khóa { $file }:

## Các lệnh bước (submit, review, verify, approve, return, reject, withdraw, publish)

step-moved = { $article }: { $from } -> { $to }
step-signed = { $person } đã ký, trong commit { $commit }
queue-needs-key = `stp { $action }` không kèm tin, bài thì liệt kê hàng chờ của anh/chị, việc này cần khóa của anh/chị: { $error }
queue-needs-key-hint = dùng --key ĐƯỜNG_DẪN, hoặc ghi tên tin, bài
queue-empty = không có tin, bài nào chờ { $person } thực hiện `{ $action }`
queue-item = { $article }  { $state }, { $days } ngày
publish-not-sent = đã đăng và ký trong bản sao này, nhưng chưa gửi lên { $remote }
publish-not-sent-hint = gửi bằng `stp sync --remote { $remote }` khi kết nối được kho dùng chung; đến lúc đó người khác chưa thấy
publish-would = sẽ đăng { $article }: { $from } -> { $to }
publish-would-site = sẽ đưa các tệp của trang đã phê duyệt lên (phiên bản { $version })
publish-dry-run-nothing-signed = chưa ký gì: chạy lại không có --dry-run, với tư cách { $person }

## Vì sao một bước bị từ chối

why-missing-role = { $article }: `{ $person }` không giữ vai trò { $role }
why-wrong-state = { $article } đang ở trạng thái “{ $state }”; bước `{ $action }` không bắt đầu từ trạng thái “{ $state }”
why-not-live = { $article } không có trên trang công khai, nên không gỡ bỏ được
why-four-eyes = { $article } do { $editor } biên tập, nên người này không được thực hiện cả bước `{ $action }` (four_eyes trong workflow/workflow.toml)
why-missing-reason = { $article }: bước `{ $action }` cần lý do
why-missing-ground = { $article }: từ chối cần căn cứ theo Điều 12.3 (a, b, c, d hoặc đ)
why-unexpected-ground = { $article }: chỉ khi từ chối mới ghi căn cứ, bước `{ $action }` thì không
why-unknown-key = khóa { $fingerprint } ({ $file }) không có trong workflow/people.toml được tin cậy
why-no-trusted-people = chưa quản trị nào ký workflow/people.toml, nên chưa ai ký được bước nào
why-nothing-approved = không có tin, bài đã phê duyệt nào chờ đăng
why-content-changed = { $article } không còn là nội dung đã ở trạng thái “{ $state }”; thay đổi nội dung làm bước đó mất hiệu lực


## Vì sao một tệp tin, bài bị từ chối (lớp nội dung)

content-too-large = dung lượng { $size } MB, quá giới hạn { $limit } MB của một tin, bài; chuyển các tệp lớn thành tệp đính kèm
content-file-too-large = dung lượng { $size } MB, quá giới hạn { $limit } MB; hãy làm tệp nhỏ lại hoặc tách ra
content-not-utf8 = không phải văn bản UTF-8; hãy lưu tệp dạng UTF-8 (Unicode, TCVN 6909:2001)
content-legacy = chữ có vẻ được gõ theo bảng mã cũ { $encoding }; hãy chuyển sang Unicode (`stp check --fix`)
content-no-front-matter = thiếu phần đầu (front matter); bắt đầu tệp bằng một dòng `---`, các trường, rồi một dòng `---` nữa
content-front-matter-open = phần đầu (front matter) chưa được đóng; thêm một dòng `---` sau trường cuối cùng
content-front-matter-large = phần đầu (front matter) dài quá 64 KB; hãy để phần chữ dài trong thân bài
content-front-matter = phần đầu (front matter) viết sai: { $detail }
content-unknown-field = phần đầu (front matter) có trường `{ $field }` không được dùng; chỉ dùng các trường: { $allowed }
content-missing-field = phần đầu (front matter) thiếu trường `{ $field }`; hãy thêm trường này
content-yaml-alias = phần đầu (front matter) không được dùng neo và bí danh YAML (`&tên`, `*tên`); hãy viết thẳng giá trị
content-yaml-budget = phần đầu (front matter) lồng nhau quá sâu hoặc quá lớn ({ $detail }); chỉ dùng các trường đơn giản và để phần chữ dài trong thân bài
content-unknown-section = nằm trong chuyên mục `{ $section }`, mà site.toml không có; hãy chuyển tệp vào một trong các chuyên mục: { $sections }
content-bad-date = ngày `{ $date }` không phải một ngày; hãy viết YYYY-MM-DD hoặc YYYY-MM-DD HH:MM
content-no-title = tiêu đề (title) đang trống; hãy đặt tiêu đề cho tin, bài
content-misplaced = không nằm ở nơi chứa tin, bài; hãy đặt tệp tại content/<chuyên mục>/<tên>.md hoặc content/<chuyên mục>/<tên>/index.md
content-bad-slug = đường dẫn (slug) `{ $slug }` phải là các từ chữ thường không dấu nối bằng `-`, ví dụ `{ $suggestion }`
content-bad-file-name = tên tệp `{ $name }` không phải một tên đường dẫn (slug) đơn giản; hãy đổi tên thành `{ $suggestion }`
content-path-escapes = đường dẫn `{ $path }` ra ngoài thư mục của nó; hãy ghi một tên tệp nằm trong thư mục của tin, bài
content-symlink = là một liên kết tượng trưng (symbolic link); stp không đọc liên kết trong content/, static/ hay themes/; hãy chép tệp hoặc thư mục thật vào
content-blob-missing = phiên bản đã đăng ({ $blob }) không còn trong kho git và thư mục làm việc cũng không giữ đúng bản đó; hãy lấy đủ lịch sử (git fetch --unshallow) hoặc khôi phục đối tượng này
content-errors-count = { $count } tin, bài có lỗi; bản dựng chưa ghi gì

## Việc cần làm tiếp

hint-no-key = tạo khóa bằng `stp key new ~/.ssh/stp_ed25519` và nhờ quản trị thêm tệp .pub của khóa
hint-missing-key = kiểm tra đường dẫn, hoặc tạo khóa tại đó bằng `stp key new { $file }` và nhờ quản trị thêm tệp .pub của khóa
hint-bad-key = dùng tệp khóa OpenSSH ed25519 do `ssh-keygen` hoặc `stp key new` tạo
hint-locked-key = chạy lệnh trên một cửa sổ dòng lệnh, nơi stp hỏi cụm mật khẩu, hoặc thêm khóa vào ssh-agent trước: `ssh-add { $file }`
hint-wrong-passphrase = gõ lại cụm mật khẩu (phân biệt chữ hoa, chữ thường); chưa ký gì
hint-agent = kiểm tra SSH_AUTH_SOCK và `ssh-add -l`
hint-workflow-file = nhờ quản trị sửa tệp bằng `stp people …`
hint-cache-mismatch = xóa .git/stp/ledger-cache.bin rồi chạy lại lệnh
next-status = xem các tin, bài và trạng thái bằng `stp status`
next-queues = xem các hàng chờ bằng `stp status`
next-log = xem quá trình xử lý bằng `stp log { $article }`
next-log-or-revise = xem quá trình xử lý bằng `stp log { $article }`; tin, bài đã đăng được sửa bằng cách gửi lại (`stp submit`)
next-fix-article = sửa tin, bài rồi kiểm tra bằng `stp check`
next-fix-article-adopted = sửa tin, bài rồi kiểm tra bằng `stp check`; chưa ghi nhận tin, bài nào
next-finish-article = hoàn thiện tin, bài trước; `stp check` liệt kê những gì còn thiếu
next-grant-role = `{ $action }` cần vai trò { $role }; vai trò { $role } do { $holders } giữ: nhờ một trong số họ, hoặc nhờ quản trị chạy `stp people grant { $person } { $role_id }`
next-grant-role-nobody = `{ $action }` cần vai trò { $role }; chưa ai giữ vai trò { $role }: nhờ quản trị chạy `stp people grant { $person } { $role_id }`
next-site-role = `stp site { $action }` cần vai trò { $role }: nhờ quản trị cấp vai trò này
next-first-admin = quản trị đầu tiên chạy `stp people add ID --name TÊN --role admin --key KHÓA_CỦA_HỌ.pub --signing-key KHÓA_CỦA_HỌ`
next-add-me = nhờ quản trị chạy `stp people add ID --name TÊN --role VAI_TRÒ --key KHÓA_CỦA_BẠN.pub`
next-add-yourself-as-first-admin = chạy `stp people add ID --name TÊN --role admin --key KHÓA_CỦA_BẠN.pub --signing-key KHÓA_CỦA_BẠN`
next-correct-person = nhờ quản trị sửa thông tin người này bằng `stp people add`
next-people-list = chưa ký gì; `stp people list` cho biết ai giữ vai trò nào
next-commit-site-first = commit trang trước (`git add -A && git commit`), hoặc dùng `stp init THƯ_MỤC --admin-key PUB`
next-copy-workflow-settings = chép các thiết lập mẫu (`stp init THƯ_MỤC` viết ra) vào workflow/, commit rồi chạy lại
next-admin-adopts = nhờ quản trị chạy `stp adopt`
next-audit-with-commit = liệt kê các phát hiện bằng `stp audit`, rồi ghi mã commit mà lệnh đó hiển thị
next-audit = xem bằng `stp audit`
next-propose-site-change = xem `stp status`; quản trị mạng đề xuất thay đổi bằng `stp site propose`
next-propose-site-files-again = quản trị mạng đề xuất lại (`stp site propose`)
next-propose-corrected-settings = quản trị mạng đề xuất một site.toml đã sửa (`stp site propose`)
next-propose-corrected-site-files = quản trị mạng đề xuất một phiên bản đã sửa (`stp site propose`)
next-sign-site-files = quản trị mạng đề xuất (`stp site propose`), người phê duyệt phê duyệt (`stp site approve`) và Thư ký đăng
next-secretary-publishes = Thư ký đăng bằng `stp publish`
next-withdraw-section-first = gỡ bỏ các tin, bài đã đăng của chuyên mục trước (`stp withdraw`), hoặc giữ chuyên mục
next-sync-again = chạy lại `stp sync`
next-sync-with-key = dùng --key ĐƯỜNG_DẪN (hoặc đặt STP_KEY hay user.signingkey của git) rồi chạy lại `stp sync`
next-commit-or-stash-then-sync = commit các thay đổi đó (`stp submit` hoặc `git commit`) hoặc cất tạm (`git stash`), rồi chạy lại `stp sync`

## stp status

status-trust-root = gốc tin cậy: { $root }
status-no-trust-root = chưa quản trị nào ký dữ liệu tin cậy: chưa đăng được gì
status-as-of = tính đến { $moment }
status-nothing-overdue = không có tin, bài nào quá hạn
status-group-waiting = { $state } ({ $count }), chờ { $role }:
status-group = { $state } ({ $count }):
status-days = { $days } ngày
status-live-version = đang có một phiên bản đã đăng trên trang
status-held-by = người xử lý: { $people }
status-deadline = { $kind }, hạn { $due }, { $standing }
status-standing-on-time = đăng đúng hạn
status-standing-late = đăng trễ hạn
status-standing-pending = chưa đến hạn
status-standing-overdue = QUÁ HẠN
status-open-findings = { $count } phát hiện (thay đổi không có thẩm quyền, merge) chưa được xác nhận: xem `stp audit`
status-site-live = phiên bản đã phê duyệt đang chạy
status-site-unsigned = chưa có phiên bản đã ký (chưa dựng được trang công khai)
status-site-no-change = tệp của trang: { $live }; không có thay đổi nào đang chờ
status-site-approved-by = { $person } đã phê duyệt, chờ Thư ký đăng (`stp publish`)
status-site-proposed = đã đề xuất, chờ người phê duyệt (`stp site approve`)
status-site-change = tệp của trang: { $live }; thay đổi { $version } do { $person } đề xuất: { $stage }
status-unsigned-edits = đã đăng, có chỉnh sửa chưa ký trong HEAD (trang vẫn hiển thị phiên bản đã ký):
status-overdue-count = { $count } tin, bài quá hạn tính đến { $moment }
status-overdue-hint = xem ai đang xử lý từng tin, bài bằng `stp status`
status-history-hint = sửa tin, bài bằng một bước có ký (`stp submit`), rồi chạy lại
status-no-trusted-workflow = chưa có workflow/ được tin cậy; thời hạn tính không theo bảng, theo lịch làm việc của luật

## stp key new, stp setup

key-written = đã ghi { $path } và { $path }.pub ({ $fingerprint })
key-written-protected = đã ghi { $path } và { $path }.pub ({ $fingerprint }), khóa bí mật được bảo vệ bằng cụm mật khẩu
key-next = tiếp theo: gửi { $path }.pub cho quản trị, người sẽ chạy `stp people add`
key-no-terminal = không có cửa sổ dòng lệnh để hỏi cụm mật khẩu
key-no-terminal-hint = đưa cụm mật khẩu qua stdin bằng --passphrase-stdin
key-new-passphrase = Cụm mật khẩu cho khóa mới { $path }:
key-passphrase-again = Nhập lại:
key-passphrases-differ = hai cụm mật khẩu không khớp; chưa ghi khóa nào
key-passphrase-short = cụm mật khẩu ngắn hơn { $count } ký tự; chưa ghi khóa nào
key-passphrase-short-hint = vài từ ghép lại thành một cụm mật khẩu vừa dài vừa dễ nhớ
setup-no-home = không có thư mục nhà (home) để lưu thiết lập
setup-no-home-hint = đặt HOME (hoặc XDG_CONFIG_HOME) rồi chạy lại `stp setup`
setup-not-fingerprint = { $root } không phải là dấu vân tay của khóa
setup-not-fingerprint-hint = chép đúng như quản trị đã đưa: SHA256: và 43 chữ cái, chữ số, + hoặc /
setup-no-home-for-key = không có thư mục nhà (home) để đặt khóa
setup-no-home-for-key-hint = chỉ khóa bằng --key ĐƯỜNG_DẪN
setup-signing-key = khóa ký: { $path } ({ $fingerprint })
setup-signing-key-new = khóa ký: { $path } ({ $fingerprint }), mới tạo
setup-public-key = khóa công khai, gửi cho quản trị:
setup-trust-root = gốc tin cậy: { $root }
setup-trust-root-unpinned = gốc tin cậy: chưa ghim; hỏi quản trị dấu vân tay của quản trị đầu tiên, rồi chạy `stp setup --trust-root SHA256:…`
setup-saved = đã lưu: { $path }
setup-no-key-file = { $path }: không có tệp khóa này
setup-no-key-file-hint = chỉ đường dẫn của khóa do `stp key new` hoặc ssh-keygen tạo
setup-not-openssh = { $path } không phải là khóa OpenSSH ({ $error })
setup-not-openssh-hint = dùng khóa do `stp key new` hoặc ssh-keygen tạo

## stp man

man-written = đã ghi các trang hướng dẫn vào { $dir } (đọc một trang bằng `man -l { $page }`)

## stp log
log-no-step = { $article } chưa có bước nào được ký trong lịch sử
log-no-step-hint = gửi tin, bài bằng `stp submit { $article }`
log-head = { $article }: { $state }
log-delegated = , thay { $from } theo ủy quyền từ { $start } đến { $until }
log-step = { $date }  { $action } { $from } -> { $to }  do { $name } ({ $person }, { $role }{ $via })  { $commit }
log-ground = căn cứ: Điều 12.3.{ $ground } ({ $meaning })
log-reason = lý do: { $reason }
log-adopted = { $date }  tiếp nhận -> { $published }  do { $name } ({ $person }, { $role }): tin, bài có từ trước khi dùng stp  { $commit }
log-voided = { $date }  nội dung đã thay đổi sau khi { $was }: bước đó mất hiệu lực, trở về { $submitted }  { $commit }
log-unknown-signer = không rõ
log-invalid = { $date }  KHÔNG HỢP LỆ `{ $transition }` do { $by } ký: { $why }  { $commit }
log-live = trên trang công khai: phiên bản do { $name } đăng, trong commit { $commit }
log-site-none = chưa có
log-site-live = tệp của trang: phiên bản đang dùng { $live }
log-site-by = do { $name } ({ $person })
log-site-root = phiên bản đầu tiên, ký bằng gốc tin cậy
log-site-voided = mất hiệu lực: các tệp đã thay đổi sau khi đề xuất
log-site-why-label = lý do không hợp lệ
log-site-reason-label = lý do

## stp sync
sync-received = đã nhận { $count } commit từ kho chung { $remote }
sync-redone = đã ký lại trên các commit của kho chung: { $old } -> { $new }
sync-sent = đã gửi { $count } commit lên kho chung { $remote }
sync-up-to-date = đã khớp với kho chung { $remote }/{ $branch }, không có gì để nhận hay gửi
sync-parked = { $count } commit của bạn chưa được gửi lên kho chung { $remote }, vì kho chung đã có commit mới của người khác:
sync-parked-kept = không mất gì: các commit đó được giữ trên nhánh { $branch }; bản sao này nay có lịch sử chung
sync-parked-kept-others = không mất gì: các commit đó được giữ trên nhánh { $branch }; bản sao này nay có lịch sử chung và các commit khác của bạn
sync-parked-hint = xem tin, bài đang ở bước nào bằng `stp log ARTICLE`, rồi ký lại nếu vẫn cần; `git log -p { $branch }` cho thấy những gì được giữ lại

## stp intake
intake-progress = đang tiếp nhận tin, bài
intake-refused = từ chối: { $what }
intake-unsigned = { $article }: chưa ký: trang chưa có quản trị được tin cậy, nên đây là bản nháp chỉ thấy khi xem trước
intake-flag = cần xem: { $article }: { $flag }
intake-refused-count = từ chối { $refused } trong { $total } tin, bài gửi đến; không ghi gì cho các tin, bài đó
intake-refused-hint = sửa, hoặc hỏi lại người gửi, theo từng dòng `từ chối:` ở trên, rồi chạy lại `stp intake` cho các tệp đó
intake-bad-email = --sender-email `{ $email }` không phải địa chỉ thư điện tử
intake-bad-email-hint = viết dạng ten@example.vn, hoặc dùng --sender-phone thay thế
intake-needs-key = stp intake ký từng tin, bài tiếp nhận, nhưng { $why }
intake-needs-key-hint = dùng khóa của Thư ký Ban Biên tập với --key PATH hoặc STP_KEY
intake-signed = đã ký: { $article } được gửi bởi { $person }, trong commit { $commit }

## stp audit
audit-progress = đang kiểm tra lại toàn bộ lịch sử
audit-verified = đã kiểm tra { $commits } commit; gốc tin cậy { $root }
audit-verified-first-use = đã kiểm tra { $commits } commit; gốc tin cậy { $root } (được tin ở lần dùng đầu: hãy ghim bằng --trust-root)
audit-no-root = (chưa có)
audit-acknowledged-by = { $by } đã ghi nhận: { $reason }
audit-pending = chờ ký  { $article }: có sửa đổi chưa ký trong HEAD; trang công khai vẫn hiện phiên bản đã ký cho đến khi sửa đổi đi qua các bước
audit-clean = không có thay đổi nào không có thẩm quyền
audit-all-acknowledged = mọi phát hiện đều đã được ghi nhận
audit-open = { $count } phát hiện chưa được ghi nhận
audit-open-hint = không thay đổi nào trong số đó lên trang công khai. Để hoàn tác một thay đổi, dùng `git revert COMMIT` (trở về phiên bản đã ký không phải là phát hiện); sau đó quản trị ghi nhận từng phát hiện bằng `stp audit ack COMMIT --reason "…"`
audit-allowed-rollback = đã cho phép đưa trang về bản triển khai từ { $deployed }, trong commit { $commit }; tiếp theo chạy `stp build`, rồi `stp deploy`
audit-acknowledged = đã ghi nhận { $count } phát hiện của { $target }, trong commit { $commit }

## stp report (lời của lệnh; các bảng của báo cáo có lời riêng)
report-needs-month = hãy cho --month YYYY-MM, hoặc --logs FILE... để có số liệu truy cập
report-bad-month = `{ $month }` không phải là một tháng
report-bad-month-hint = viết dạng YYYY-MM, ví dụ 2026-03
report-progress = đang lập báo cáo tháng { $month }
report-no-trusted-tables = chưa có quản trị nào ký workflow/, nên chưa có bảng thời hạn được tin cậy và chưa có lịch sử đã ký để báo cáo
report-no-trusted-tables-hint = quản trị đầu tiên ký danh sách Ban Biên tập bằng `stp people add … --signing-key`
report-month-out-of-range = tháng đó nằm ngoài phạm vi cho phép
report-figures-until = số liệu tính đến ngày { $day } ({ $iso }): tháng { $month } chưa kết thúc
report-skipped-lines = bỏ qua { $count } dòng nhật ký sai định dạng, ví dụ:

## stp serve

serve-built = đã dựng bản xem trước { $articles } tin, bài trong { $ms } ms
serve-serving = đang phục vụ bản xem trước của { $root } tại http://127.0.0.1:{ $port }/ (Ctrl-C để dừng)
serve-serving-static = đang phục vụ { $dir } tại http://127.0.0.1:{ $port }/ (Ctrl-C để dừng)
serve-rebuilt-files = đã dựng lại sau { $changes } thay đổi trong { $ms } ms ({ $files } tệp)
serve-rebuilt-whole = đã dựng lại sau { $changes } thay đổi trong { $ms } ms (toàn bộ trang)
serve-search-updated = đã cập nhật chỉ mục tìm kiếm trong { $ms } ms ({ $files } tệp)

## stp build
build-preview-not-public = bản xem trước không bao giờ được ghi vào public/ hay thư mục chứa nó; hãy chọn --out khác
build-progress-preview = đang dựng bản xem trước
build-progress-history = đang đọc lịch sử đã ký
build-progress-public = đang dựng trang công khai
build-unsigned-edits = { $article } có sửa đổi chưa ký trong HEAD; trang vẫn hiện phiên bản đã ký cho đến khi sửa đổi đi qua các bước (`stp submit { $article }`)
build-ledger = lịch sử đã ký: { $commits } commit, { $read } commit vừa đọc, { $issues } phát hiện (xem `stp audit`)
build-merge-around = commit gộp { $commit } đi vòng qua lịch sử đã ký: { $why }
build-merge-around-hint = làm lại lịch sử thẳng hàng không có commit gộp đó (các bước đã ký ở nhánh kia mới là các bước có giá trị), hoặc nhờ quản trị ghi nhận: `stp audit ack COMMIT --reason …`
build-rewound = { $out } được dựng từ commit đã ký { $commit }, nhưng lịch sử không còn commit đó: lịch sử đã bị quay lui hoặc thay thế
build-rewound-hint = đưa các commit đã ký trở lại (`git reflog`, hoặc lấy về từ kho chung); nếu vẫn muốn dựng, thêm --allow-rewind sau khi đã đọc `stp audit`
build-variants = và { $count } bản nén sẵn ({ $mb } MB)
build-kept = { $count } tệp không đổi so với lần dựng trước được giữ nguyên, không ghi lại
build-done = { $kind ->
    [preview] đã dựng bản xem trước gồm { $articles } tin, bài
   *[public] đã dựng trang công khai: { $articles } tin, bài đã đăng
}: { $files } tệp, { $mb } MB{ $variants } trong { $out } ({ $secs } giây)

## stp check
check-fixed = đã sửa: { $file } (nay là Unicode NFC)
check-clean = không thấy lỗi nào
check-problems = có { $count } lỗi
check-problems-hint = sửa từng dòng ở trên, rồi chạy lại `stp check`

## stp init
init-wrote = đã ghi { $file }
init-ci-next = tiếp theo: đặt STP_TRUST_ROOT, STP_DEPLOY_TARGET và STP_INSTALL trong phần cài đặt được bảo vệ của CI, rồi commit { $file }
init-created = đã tạo kho của trang trong { $dir }
init-first-admin = quản trị đầu tiên: { $name } ({ $person }), gốc tin cậy { $fingerprint }
init-pin = ghim trong CI: STP_TRUST_ROOT={ $fingerprint }
init-next = tiếp theo: cd { $dir } && stp check && stp build --preview
init-not-empty = { $dir } đã có và không trống
init-not-empty-hint = hãy cho tên một thư mục mới
init-bad-id = { $id } không phải là mã định danh: mã chỉ gồm chữ thường không dấu, chữ số và '-' (ví dụ { $example })
init-wrong-key = khóa ký { $key } không phải là khóa của quản trị { $fingerprint }
init-wrong-key-hint = dùng khóa bí mật của quản trị với --key PATH

## stp new
new-no-section = site.toml không có chuyên mục `{ $section }`
new-no-section-hint = chọn một trong: { $sections }
new-empty-slug = tiêu đề không có chữ hay số nào để đặt tên tệp
new-exists = { $article } đã có
new-exists-hint = chọn tiêu đề khác, hoặc sửa tin, bài đã có

## stp people
people-bad-key-hint = dùng nguyên tệp .pub mà `stp key new` hoặc `ssh-keygen` đã tạo
people-ignored-edits = { $file } có thay đổi chưa được quản trị ký; các thay đổi đó không được đưa vào (thay đổi này làm trên phiên bản được tin cậy)
people-first-admin = đã đặt quản trị đầu tiên: gốc tin cậy { $fingerprint } (hãy ghim: STP_TRUST_ROOT={ $fingerprint })
people-signed = đã ký, trong commit { $commit }
people-no-trust-data = chưa có quản trị nào ký dữ liệu tin cậy
people-delegation = { $to } làm { $role } thay { $from } từ { $start } đến { $until }

## stp site
site-proposed = đã đề xuất các tệp của trang { $version }, trong commit { $commit } ({ $person } ký); { $count } tệp thay đổi:
site-proposed-next = tiếp theo: người phê duyệt chạy `stp site approve` (xem `stp site diff`)
site-approved = đã phê duyệt các tệp của trang { $version }, trong commit { $commit } ({ $person } ký); các tệp được đưa lên với lần `stp publish` tới
site-returned = đã trả lại các tệp của trang { $version }, trong commit { $commit } ({ $person } ký); trang công khai giữ phiên bản đang dùng
site-nothing-proposed = không có đề xuất thay đổi nào cho các tệp của trang; so sánh với thư mục làm việc bằng --working-tree
site-no-difference = không khác gì các tệp của trang đang dùng

## stp adopt
adopt-progress = đang tiếp nhận các tin, bài có sẵn
adopt-adopted = { $article }: đã tiếp nhận là đã đăng
adopt-left-alone = bỏ qua: { $count } tin, bài đã có lịch sử đã ký
adopt-done = đã tiếp nhận { $count } tin, bài, { $person } ký, trong commit { $commit }
adopt-next = tiếp theo: `stp build` đưa các tin, bài lên trang công khai; `stp log ARTICLE` ghi "tiếp nhận"

## stp calendar
calendar-outside-range = { $what } nằm ngoài phạm vi của lịch { $first }–{ $last }
calendar-what-year = năm { $year }
calendar-what-start = ngày bắt đầu { $day }
calendar-what-end = ngày cuối của { $what } sau { $start }
calendar-what-next = ngày làm việc sau { $day }
calendar-bad-start = `{ $start }` không phải là ngày hay ngày giờ
calendar-bad-start-hint = viết START dạng 2026-02-13 hoặc 2026-02-13T08:30
calendar-max-working-days = --working-days tối đa là { $max }
calendar-max-admin-hours = --admin-hours tối đa là { $max }
calendar-working-days = { $count } ngày làm việc
calendar-admin-hours = { $count } giờ hành chính
calendar-start-off = { $day } ({ $weekday }) là ngày nghỉ ({ $name }); ngày làm việc tiếp theo là { $next } ({ $next_weekday })
calendar-due-days = { $due } ({ $weekday }), { $what } sau { $start } (không tính ngày bắt đầu)
calendar-due-hours = { $due } ({ $weekday }), { $what } sau { $start }
calendar-no-file = trang chưa có workflow/calendar.toml
calendar-no-file-hint = chép workflow/calendar.toml từ `stp init --example` rồi điều chỉnh
calendar-law-default = ở đây không có workflow/calendar.toml; dùng các ngày nghỉ theo luật và giờ làm việc 07:00–11:30, 13:30–17:00
calendar-not-utf8 = { $file } không phải văn bản UTF-8
calendar-not-utf8-hint = hãy lưu tệp dạng UTF-8
calendar-fix-hint = sửa dòng đó của lịch, rồi chạy lại
weekday-mon = Thứ Hai
weekday-tue = Thứ Ba
weekday-wed = Thứ Tư
weekday-thu = Thứ Năm
weekday-fri = Thứ Sáu
weekday-sat = Thứ Bảy
weekday-sun = Chủ Nhật

## stp deploy
deploy-progress = đang triển khai lên { $target }
deploy-not-public = { $build } không phải bản dựng công khai: không có { $record } ghi commit đã ký mà nó được dựng từ đó
deploy-not-public-hint = dựng trang công khai bằng `stp build` (bản xem trước không bao giờ được đưa ra), rồi triển khai
deploy-record-no-commit = { $target }: tệp { $record } ở đó không ghi commit đã ký nào, nên stp không biết bản dựng này có đưa trang về phiên bản cũ hơn không
deploy-record-no-commit-hint = xem tệp { $record } ở đó; nếu nơi nhận không phải của stp, hãy triển khai vào một thư mục riêng
deploy-bad-target-hint = cho một thư mục (/var/www/stp), một thư mục trên máy chủ qua ssh (web1:/var/www/stp) hoặc kho lưu trữ đối tượng (s3://bucket/prefix)
deploy-no-credentials = { $target } cần thông tin xác thực: chưa đặt { $missing }
deploy-no-credentials-hint = đặt AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY (và AWS_SESSION_TOKEN với thông tin xác thực tạm thời), rồi triển khai lại
deploy-rolling-back = đưa trang về phiên bản trước { $deployed }, theo quyết định của { $person } trong commit đã ký { $commit }: { $reason }
deploy-rollback = { $target } được triển khai từ commit đã ký { $deployed }, nhưng bản dựng trong { $build } (từ { $built }) không chứa commit đó: triển khai sẽ đưa trang về phiên bản cũ hơn
deploy-rollback-hint = dựng từ lịch sử hiện tại (`stp sync`, rồi `stp build`); nếu đúng là muốn quay về, quản trị ký quyết định bằng `stp audit allow-rollback { $deployed } --reason "…"`, rồi dựng và triển khai lại
deploy-would-send = sẽ gửi
deploy-would-delete = sẽ xóa
deploy-sent = đã gửi
deploy-deleted = đã xóa
deploy-left-alone = giữ nguyên (không phải do stp gửi): { $file }
deploy-done = { $target }: { $sent }: { $sent_count }, { $deleted }: { $deleted_count }, không đổi: { $unchanged } (commit đã ký { $commit })
deploy-overlap = { $build } và { $target } là cùng một thư mục hoặc thư mục này chứa thư mục kia; hãy triển khai vào một thư mục riêng
deploy-foreign = { $target } đã có các tệp không do stp triển khai (không có { $record }); stp thay toàn bộ nội dung nơi nhận, nên các tệp đó sẽ bị xóa
deploy-foreign-hint = triển khai vào một thư mục mới hoặc trống (ví dụ /var/www/stp) rồi trỏ máy chủ web vào đó

## Trợ giúp: lời của clap, rồi của từng lệnh

help-heading-usage = Cách dùng
help-heading-arguments = Đối số
help-heading-options = Tùy chọn
help-heading-commands = Lệnh
help-flag-help = In trợ giúp
help-flag-version = In phiên bản
help-help-command = In trợ giúp này hoặc trợ giúp của (các) lệnh con đã nêu
help-stp-arg-lang = Ngôn ngữ của thông báo và trợ giúp: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); mặc định: $STP_LANG, nếu không thì theo locale (LC_ALL, LC_MESSAGES, LANG: en_* là tiếng Anh)

## Dùng chung cho các lệnh có đối số này, trừ khi lệnh có lời riêng
help-arg-articles = Các tin, bài: tên ngắn (x, chuyên-mục/x, x.en cho bản tiếng Anh) hoặc đường dẫn (content/…/x.md)
help-arg-commit = Commit: với `ack`, commit có các phát hiện được xác nhận (mã của nó, hoặc phần đầu của mã); với `allow-rollback`, commit mà đích đã được triển khai từ đó (đủ 40 chữ số, như `stp deploy` ghi khi từ chối)
help-arg-id = Mã của người trong workflow/people.toml
help-arg-json = In những gì đã commit dưới dạng JSON (một đối tượng; xem docs/cli.md)
help-arg-key = Khóa OpenSSH ed25519 dùng để ký (tệp khóa bí mật, hoặc tệp .pub mà ssh-agent giữ khóa); mặc định: $STP_KEY, nếu không thì khóa `stp setup` đã lưu, nếu không thì user.signingkey của git
help-arg-reason = Lý do, bằng lời mà người gửi và nhật ký sẽ đọc (bắt buộc)
help-arg-role = contributor (người gửi tin, bài), editor (biên tập viên), verifier (người kiểm tra), approver (người phê duyệt), secretary (Thư ký) hoặc admin (quản trị)
help-arg-signing-key = Khóa của quản trị ký thay đổi; mặc định: $STP_KEY, nếu không thì user.signingkey của git
help-arg-trust-root = Dấu vân tay (SHA256:…) khóa của quản trị đầu tiên; không có thì quản trị đầu tiên được tin ở lần dùng đầu, kèm cảnh báo. Mặc định: $STP_TRUST_ROOT, nếu không thì dấu vân tay `stp setup --trust-root` đã lưu

## stp
help-stp-about = Dòng lệnh: vận hành trang thông tin điện tử của cơ quan như một kho git gồm các bước biên tập có ký.
help-stp-after =
    Mã thoát:
      0  thành công
      1  lệnh đã chạy và phát hiện vấn đề: audit thấy thay đổi không có thẩm quyền, check
         thấy lỗi, status --overdue thấy tin, bài quá hạn, sync giữ lại các commit xung đột
      2  lỗi hoặc từ chối: lệnh không chạy được, dữ liệu vào sai, dùng sai lệnh, một bước
         bị từ chối
help-stp-arg-quiet = Im lặng: stderr chỉ có cảnh báo và lỗi (không có lưu ý, không có tiến trình)
help-stp-arg-repo = Kho trang (mặc định: thư mục hiện tại hoặc thư mục gần nhất bên trên có site.toml)
help-stp-arg-verbose = Chi tiết: trên stderr nói thêm kho trang nào được dùng và lệnh chạy mất bao lâu

## stp demo
help-demo-about = Đưa trang mẫu qua mọi bước bằng khóa của một Ban Biên tập mẫu, trong một kho tạm mới, và dựng trang công khai vào ./public
help-demo-arg-compress = Ghi thêm các bản nén sẵn bên cạnh tệp văn bản, như `stp build --compress`
help-demo-arg-out = Nơi dựng trang công khai (mặc định: public/ trong thư mục hiện tại)
help-demo-arg-port = Cổng cho --serve (0: cổng trống bất kỳ)
help-demo-arg-serve = Sau đó phục vụ trang công khai trên 127.0.0.1 đến khi bấm Ctrl-C
help-demo-arg-desk = Sau đó mở bàn làm việc của trang mẫu (`stp desk`) với tư cách Trưởng Ban mẫu, người có một bài đang chờ kiểm tra, đến khi bấm Ctrl-C
help-demo-arg-no-open = Với --desk: chỉ in địa chỉ bàn làm việc, không mở trình duyệt

## stp desk
help-desk-about = Bàn làm việc của Ban Biên tập trong trình duyệt: việc đang chờ bạn, từng bài như bạn đọc sẽ thấy, phần sửa đổi và các bước đã ký, cùng các nút cho đúng những bước vai trò của bạn được làm, ký bằng khóa của chính bạn (chỉ phục vụ trên 127.0.0.1)
help-desk-arg-port = Cổng trên 127.0.0.1 (0: cổng trống bất kỳ; dòng in ra cho biết địa chỉ)
help-desk-arg-no-open = Không mở trình duyệt; chỉ in địa chỉ
help-desk-arg-remote = Kho chung mà việc đăng và nút đồng bộ gửi tới

## stp build
help-build-about = Dựng trang công khai từ các tin, bài đang đăng (hoặc từ cây làm việc với --preview)
help-build-arg-allow-rewind = Dựng trang công khai dù lịch sử không còn commit có ký mà bản dựng trước lấy từ đó (lịch sử bị quay lui: đọc `stp audit` trước)
help-build-arg-compress = Ghi thêm tệp gzip (`.gz`) và brotli (`.br`) bên cạnh mỗi tệp văn bản lớn hơn 512 byte, cho máy chủ web phục vụ nguyên tệp (`gzip_static` của nginx). `compress = true` trong site.toml làm điều này thành mặc định của trang
help-build-arg-json = In kết quả dưới dạng JSON
help-build-arg-out = Thư mục ra (mặc định: public/, hoặc preview/ với --preview)
help-build-arg-preview = Dựng mọi tin, bài trong cây làm việc, ở bất kỳ trạng thái nào, có băng cảnh báo và `noindex`: bản xem trước, không bao giờ là trang công khai

## stp deploy
help-deploy-about = Đưa bản dựng công khai vào thư mục của máy chủ web: chỉ những gì thay đổi, thay trọn một lần, không bao giờ quay lui
help-deploy-arg-dry-run = Chỉ liệt kê những gì sẽ gửi và xóa
help-deploy-arg-endpoint = Với kho lưu trữ đối tượng không phải AWS: URL của dịch vụ (mặc định: AWS_ENDPOINT_URL_S3, nếu không thì AWS_ENDPOINT_URL, nếu không thì AWS ở AWS_REGION); truy cập bằng URL kiểu đường dẫn
help-deploy-arg-from = Bản dựng công khai cần triển khai (mặc định: public/ của trang, như `stp build` ghi)
help-deploy-arg-json = In các số đếm (và các tệp) dưới dạng JSON (xem docs/cli.md)
help-deploy-arg-target = Nơi người đọc lấy trang: một thư mục (thư mục gốc của máy chủ web), hoặc thư mục trên máy khác qua ssh: `host:/var/www/stp`, `user@host:/srv/site`, `ssh://user@host:port/srv/site`; hoặc kho lưu trữ đối tượng tương thích S3, `s3://bucket/prefix` (thông tin xác thực từ AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; AWS_REGION)

## stp calendar
help-calendar-about = Lịch làm việc: các ngày nghỉ trong năm, và thời hạn tính theo ngày làm việc hoặc giờ hành chính

## stp calendar holidays
help-calendar-holidays-about = In từng ngày nghỉ của NĂM ngoài các ngày cuối tuần và từng ngày cuối tuần phải làm việc: ngày theo ISO, tên ngày, rồi là ngày nghỉ hay ngày làm việc và do thông báo (một mục [[year]] của calendar.toml) hay quy định đặt ra
help-calendar-holidays-arg-json = In một đối tượng JSON thay vào đó
help-calendar-holidays-arg-year = Năm, ví dụ 2026

## stp calendar due
help-calendar-due-about = In thời điểm kết thúc của một khoảng thời gian bắt đầu từ START (không tính ngày START khi đếm ngày làm việc; giờ hành chính tính từ thời điểm START)
help-calendar-due-arg-admin-hours = Đếm bấy nhiêu giờ hành chính (giờ làm việc của các ngày làm việc)
help-calendar-due-arg-json = In một đối tượng JSON thay vào đó
help-calendar-due-arg-start = YYYY-MM-DD, hoặc YYYY-MM-DDTHH:MM cho giờ hành chính (giờ Việt Nam)
help-calendar-due-arg-working-days = Đếm bấy nhiêu ngày làm việc

## stp check
help-check-about = Kiểm tra liên kết, ảnh, phần đầu (front matter) và chữ tiếng Việt; thoát với mã 1 kèm danh sách lỗi
help-check-arg-fix = Viết lại chữ sửa được (TCVN3, VNI và Unicode tổ hợp sang NFC) trước khi kiểm tra
help-check-arg-json = In các lỗi dưới dạng JSON

## stp intake
help-intake-about = Tiếp nhận tin, bài gửi đến (.eml, Maildir, .docx, .odt, ảnh) thành tin, bài đã gửi
help-intake-arg-files = Thư `.eml`, thư mục Maildir, hoặc văn bản (`.docx`, `.odt`) kèm ảnh (jpg, gif, bmp, png) và tệp (bản PDF có ký). Mỗi thư là một lần gửi; các tệp rời đi cùng nhau là một lần gửi
help-intake-arg-section = Chuyên mục để đặt tin, bài (xem site.toml). Không có thì một văn bản đọc như văn bản quy phạm và có kèm PDF được đưa vào chuyên mục văn bản pháp luật
help-intake-arg-sender-address = Địa chỉ bưu chính của người gửi
help-intake-arg-sender-email = Địa chỉ thư điện tử của người gửi
help-intake-arg-sender-name = Họ tên người gửi (cũng là tác giả của tin, bài)
help-intake-arg-sender-phone = Số điện thoại của người gửi
help-intake-arg-sender-title = Chức vụ của người gửi, nếu có
help-intake-arg-sender-unit = Cơ quan hoặc đơn vị của người gửi

## stp init
help-init-about = Tạo một kho trang mới
help-init-arg-admin-id = Mã của quản trị đầu tiên trong workflow/people.toml (mặc định: tên không dấu, `Trưởng Ban` → `truong-ban`)
help-init-arg-admin-key = Khóa công khai OpenSSH ed25519 của quản trị đầu tiên (tệp .pub hoặc nội dung khóa): gốc tin cậy. Không có thì trang dùng được để xem trước và `stp check`, còn việc đăng chờ đến khi có quản trị đầu tiên
help-init-arg-admin-name = Họ tên quản trị đầu tiên
help-init-arg-ci = Thêm tệp quy trình cho dịch vụ CI này (audit, build, deploy; docs/deploy.md). Với trang đã có, chỉ ghi tệp quy trình
help-init-arg-dir = Thư mục cần tạo (phải chưa có, hoặc đang trống)
help-init-arg-example = Thêm các tin, bài mẫu của Sở
help-init-arg-key = Khóa ký commit đầu tiên (mặc định: khóa bí mật cạnh tệp .pub, nếu không thì $STP_KEY, nếu không thì ssh-agent)

## stp new
help-new-about = Tạo một tin, bài nháp mới và in đường dẫn của nó
help-new-arg-bundle = Tạo một gói (thư mục có index.md) để chứa ảnh và tệp đính kèm
help-new-arg-section = Tên ngắn của chuyên mục, ví dụ `tin-tuc` (xem site.toml)
help-new-arg-title = Tiêu đề tin, bài, bằng tiếng Việt

## stp report
help-report-about = Báo cáo tháng cho cuộc họp giao ban (Điều 18.5): HTML có biểu đồ, XLSX và CSV; hoặc, không có --month, thống kê truy cập từ --logs
help-report-arg-json = In những gì đã ghi (hoặc thống kê truy cập) dưới dạng JSON
help-report-arg-logs = Nhật ký truy cập của máy chủ web, định dạng combined của nginx/Apache, thường hoặc nén gzip
help-report-arg-month = Tháng cần báo cáo, YYYY-MM. Không có thì chỉ in thống kê truy cập từ --logs
help-report-arg-out = Nơi ghi báo cáo (mặc định: reports/YYYY-MM trong kho trang)

## stp serve
help-serve-about = Phục vụ bản xem trước trên 127.0.0.1 và dựng lại những gì thay đổi
help-serve-arg-out = Với --public: thư mục ra (mặc định: public/)
help-serve-arg-port = Cổng trên 127.0.0.1 (0: cổng trống bất kỳ; dòng được in ghi cổng đã dùng)
help-serve-arg-public = Dựng trang công khai từ lịch sử có ký (như `stp build`, vào public/ hoặc --out) và phục vụ trang đó, thay cho bản xem trước của cây làm việc

## stp submit
help-submit-about = Gửi một tin, bài để Ban Biên tập xử lý qua ba bước (Điều 15)

## stp review
help-review-about = Bước 1: ký xác nhận tin, bài đã được tổng hợp, biên tập; không kèm tin, bài thì liệt kê hàng chờ của anh/chị
help-review-arg-articles = Các tin, bài: tên ngắn (x, chuyên-mục/x, x.en cho bản tiếng Anh) hoặc đường dẫn (content/…/x.md); không có: liệt kê các tin, bài đang chờ anh/chị

## stp verify
help-verify-about = Bước 2: ký xác nhận tin, bài đã được kiểm tra; không kèm tin, bài thì liệt kê hàng chờ của anh/chị
help-verify-arg-articles = Các tin, bài: tên ngắn (x, chuyên-mục/x, x.en cho bản tiếng Anh) hoặc đường dẫn (content/…/x.md); không có: liệt kê các tin, bài đang chờ anh/chị

## stp approve
help-approve-about = Bước 3: phê duyệt lần cuối; không kèm tin, bài thì liệt kê hàng chờ của anh/chị
help-approve-arg-articles = Các tin, bài: tên ngắn (x, chuyên-mục/x, x.en cho bản tiếng Anh) hoặc đường dẫn (content/…/x.md); không có: liệt kê các tin, bài đang chờ anh/chị

## stp return
help-return-about = Trả lại tin, bài cho người gửi, kèm lý do (Điều 4.2)

## stp reject
help-reject-about = Từ chối tin, bài theo một căn cứ của Điều 12.3, kèm lý do
help-reject-arg-ground = Căn cứ của Điều 12.3: a (trái đường lối, chính sách, pháp luật), b (bí mật nhà nước, chưa được phép công bố), c (không đúng sự thật), d (không đảm bảo chất lượng), đ hoặc dd (vi phạm quy định cấm khác của pháp luật)

## stp publish
help-publish-about = Đăng mọi tin, bài đã phê duyệt trong một commit có ký, rồi dựng trang công khai
help-publish-arg-articles = Các tin, bài đã phê duyệt cần đăng (mặc định: mọi tin, bài đã phê duyệt, và một thay đổi đã phê duyệt của các tệp của trang)
help-publish-arg-dry-run = Cho biết những gì sẽ được đăng, kiểm tra như khi thực hiện bước; không ký, không dựng gì
help-publish-arg-no-sync = Không gửi lần đăng lên kho dùng chung (gửi sau bằng `stp sync`)
help-publish-arg-remote = Kho dùng chung để gửi lần đăng tới, khi bản sao này có kho đó (như `stp sync --remote`)
help-publish-arg-to = Nơi dựng trang công khai (mặc định: public/)

## stp withdraw
help-withdraw-about = Gỡ bỏ một tin, bài đã đăng khỏi trang công khai, kèm lý do

## stp sync
help-sync-about = Lấy các commit mới của trang dùng chung và gửi các commit của anh/chị; chữ ký vẫn hợp lệ
help-sync-arg-remote = Kho từ xa chứa trang dùng chung: một kho bare theo đường dẫn hoặc file://, hoặc qua ssh hay https (truy cập qua chương trình git, với khóa ssh của anh/chị)

## stp status
help-status-about = Các hàng chờ theo trạng thái và vai trò, kèm thời gian chờ
help-status-arg-json = In tình trạng dưới dạng JSON
help-status-arg-overdue = Chỉ liệt kê các tin, bài quá hạn; thoát với mã 1 khi có

## stp notify
help-notify-about = Báo bằng thư điện tử cho những người giữ từng bước đang chờ, mỗi lần chuyển bước một lần (cho bộ hẹn giờ hoặc lịch CI; tắt trừ khi workflow/workflow.toml có mục [notify] đã ký)
help-notify-arg-again = Báo lại mọi lần chuyển bước đang chờ, kể cả những lần đã báo
help-notify-arg-dry-run = In những gì sẽ gửi cho ai; không gửi và không ghi nhận gì
help-notify-arg-json = In các số đếm dưới dạng JSON (đã gửi, số người, số tin, bài)
help-notify-arg-state = Sổ ghi các lần chuyển bước đã báo; mặc định: .git/stp/notified.tsv (giữ tệp này giữa các lần chạy, ví dụ trong bộ nhớ đệm CI, nếu không mỗi lần chạy sẽ báo lại tất cả)

## stp log
help-log-about = Quá trình xử lý có ký của một tin, bài
help-log-arg-article = Tin, bài: tên ngắn (x, chuyên-mục/x, x.en) hoặc đường dẫn (content/…/x.md); `site` cho quá trình của các tệp của trang
help-log-arg-json = In quá trình xử lý dưới dạng JSON

## stp audit
help-audit-about = Kiểm tra toàn bộ lịch sử; liệt kê mọi thay đổi không có thẩm quyền (thoát với mã 1 nếu có)
help-audit-arg-json = In các phát hiện dưới dạng JSON

## stp audit ack
help-audit-ack-about = Quản trị: xác nhận các phát hiện của một commit là đã xem và vô hại, trong một commit có ký. Chúng vẫn được liệt kê, có đánh dấu; audit đạt khi mọi phát hiện đều đã được xác nhận
help-audit-ack-arg-reason = Đã thấy gì và vì sao vô hại, hoặc vì sao trang quay lui (bắt buộc)

## stp audit allow-rollback
help-audit-allow-rollback-about = Quản trị: cho phép `stp deploy` đưa một đích quay lui: đích đã được triển khai từ COMMIT, mà lịch sử này không còn chứa (lịch sử bị đặt lại qua các bước có ký). Có ký, kèm lý do; sau đó dựng và triển khai
help-audit-allow-rollback-arg-reason = Đã thấy gì và vì sao vô hại, hoặc vì sao trang quay lui (bắt buộc)

## stp adopt
help-adopt-about = Quản trị: ghi nhận các tin, bài của trang từ trước khi dùng stp là đã đăng, trong một commit có ký
help-adopt-arg-all = Mọi tin, bài trong content/ chưa có lịch sử có ký
help-adopt-arg-articles = Các tin, bài cần ghi nhận là đã đăng: tên ngắn (x, chuyên-mục/x, x.en) hoặc đường dẫn (content/…/x.md)

## stp people
help-people-about = Người, vai trò, khóa và ủy quyền (do quản trị ký)

## stp people add
help-people-add-about = Thêm một người; với người đã có, cập nhật tên và khóa, thêm các vai trò được nêu (các vai trò khác giữ nguyên) và chỉ thay đơn vị, chức vụ và thư điện tử khi được nêu
help-people-add-arg-email = Địa chỉ thư điện tử của người đó
help-people-add-arg-id = Mã ngắn của người đó, như các bước và nhật ký ghi: chữ thường, chữ số và dấu gạch nối, ví dụ nguyen-van-an
help-people-add-arg-key = Khóa công khai OpenSSH ed25519 của người đó: tệp .pub, hoặc nội dung khóa
help-people-add-arg-name = Họ tên của người đó, như nhật ký và báo cáo hiển thị
help-people-add-arg-roles = contributor (người gửi tin, bài), editor (biên tập viên), verifier (người kiểm tra), approver (người phê duyệt), secretary (Thư ký) hoặc admin (quản trị) (dùng được nhiều lần)
help-people-add-arg-title = Chức vụ của người đó, ví dụ "Chánh Văn phòng"
help-people-add-arg-unit = Đơn vị của người đó (phòng, đơn vị), ví dụ "Văn phòng Sở": báo cáo tháng đếm tin, bài theo đơn vị

## stp people remove
help-people-remove-about = Xóa một người: các chữ ký sau này của họ không còn giá trị, các chữ ký trước đó vẫn hợp lệ
help-people-remove-arg-id = Mã của người cần xóa (xem `stp people list`)

## stp people grant
help-people-grant-about = Cấp thêm một vai trò cho một người; các vai trò khác giữ nguyên

## stp people revoke
help-people-revoke-about = Thu hồi một vai trò của một người; các vai trò khác giữ nguyên

## stp people delegate
help-people-delegate-about = Cho TO thay FROM giữ vai trò ROLE trong khoảng giữa hai ngày, tính cả hai ngày (Điều 19.2)
help-people-delegate-arg-from-id = Mã của người ủy quyền (đang giữ ROLE)
help-people-delegate-arg-role = Vai trò được ủy quyền: contributor, editor, verifier, approver, secretary hoặc admin
help-people-delegate-arg-start = Ngày đầu của ủy quyền: YYYY-MM-DD hoặc DD/MM/YYYY
help-people-delegate-arg-to-id = Mã của người được ủy quyền
help-people-delegate-arg-until = Ngày cuối của ủy quyền (tính cả ngày này): YYYY-MM-DD hoặc DD/MM/YYYY

## stp people list
help-people-list-about = Liệt kê những người được tin cậy và vai trò của họ
help-people-list-arg-json = In danh sách người và các ủy quyền dưới dạng JSON

## stp people export-allowed-signers
help-people-export-allowed-signers-about = Ghi tệp allowed-signers cho `git verify-commit` (gpg.ssh.allowedSignersFile)
help-people-export-allowed-signers-arg-file = Tệp cần ghi, ví dụ .stp/allowed_signers (sau đó `git config gpg.ssh.allowedSignersFile .stp/allowed_signers`)

## stp site
help-site-about = Thay đổi các tệp của trang (site.toml, themes/, static/): đề xuất, phê duyệt, trả lại, so sánh

## stp site propose
help-site-propose-about = Quản trị mạng: ký site.toml, themes/ và static/ của cây làm việc thành một thay đổi đề xuất (chỉ có hiệu lực sau khi được phê duyệt và lần đăng kế tiếp)
help-site-propose-arg-reason = Thay đổi nhằm mục đích gì (ghi trong commit có ký)

## stp site approve
help-site-approve-about = Người phê duyệt: phê duyệt thay đổi đã đề xuất (không phải thay đổi do chính mình đề xuất)

## stp site return
help-site-return-about = Người phê duyệt: trả lại thay đổi đã đề xuất, kèm lý do
help-site-return-arg-reason = Vì sao trả lại (bắt buộc)

## stp site diff
help-site-diff-about = Một thay đổi sẽ làm khác gì trên trang công khai: bản đề xuất (mặc định), hoặc cây làm việc với --working-tree, so với phiên bản đang chạy
help-site-diff-arg-working-tree = So sánh cây làm việc thay cho bản đề xuất đang chờ

## stp key
help-key-about = Khóa ký

## stp key new
help-key-new-about = Tạo một cặp khóa mới: PATH (khóa bí mật, quyền 0600) và PATH.pub
help-key-new-arg-comment = Chú thích ở cuối khóa công khai
help-key-new-arg-passphrase = Bảo vệ khóa bí mật bằng cụm mật khẩu, hỏi hai lần trên cửa sổ dòng lệnh; stp hỏi lại mỗi lần ký (hoặc ssh-agent giữ khóa: `ssh-add PATH`)
help-key-new-arg-passphrase-stdin = Đọc cụm mật khẩu từ dòng đầu của stdin thay vào đó (cho các script)
help-key-new-arg-path = Nơi ghi khóa bí mật (khóa công khai nằm bên cạnh, là PATH.pub), ví dụ ~/.ssh/stp_ed25519; tệp đã có sẽ không bị ghi đè

## stp setup
help-setup-about = Thiết lập của riêng anh/chị, một lần cho mỗi máy: tạo khóa nếu chưa có, hiển thị khóa công khai để gửi quản trị, và lưu khóa cùng gốc tin cậy để không lệnh nào cần --key nữa
help-setup-arg-key = Ký bằng khóa này (khóa bí mật OpenSSH, hoặc tệp .pub mà ssh-agent giữ khóa) thay cho khóa đã lưu, hoặc cho một khóa mới ở ~/.ssh/stp_ed25519
help-setup-arg-passphrase = Khi tạo khóa mới: bảo vệ khóa bằng cụm mật khẩu, hỏi hai lần trên cửa sổ dòng lệnh
help-setup-arg-trust-root = Dấu vân tay của quản trị đầu tiên (SHA256:…), như quản trị đã đưa cho anh/chị trên giấy hoặc qua điện thoại: từ đó mọi lệnh đọc đều kiểm tra dữ liệu tin cậy của trang bắt đầu từ dấu vân tay này

## stp completions
help-completions-about = In script tự hoàn thành lệnh cho bash, zsh, fish, powershell hoặc elvish (ví dụ `stp completions bash > /etc/bash_completion.d/stp`)
help-completions-arg-shell = Shell: bash, zsh, fish, powershell hoặc elvish

## stp man
help-man-about = Ghi các trang hướng dẫn (man), mỗi lệnh một trang, vào một thư mục
help-man-arg-dir = Thư mục để ghi các trang (tạo nếu chưa có), ví dụ /usr/local/share/man/man1

## stp desk
desk-running = bàn làm việc đang chạy tại { $url }
desk-how = (mở địa chỉ trên bằng trình duyệt; Ctrl-C để dừng)
desk-no-browser = không mở được trình duyệt ({ $error }); hãy tự mở địa chỉ trên
desk-failed-hint = chạy `stp audit` để xem lịch sử của trang, hoặc `stp setup` nếu khóa của bạn chưa được tin cậy
desk-demo-heading = Bàn làm việc của Trưởng Ban:

## stp desk: the desk's pages (crates/stp-desk)
desk-title = Bàn làm việc Ban Biên tập
desk-skip = Bỏ qua, đến nội dung chính
desk-who = Đang làm việc:
desk-nav = Trình đơn chính
desk-nav-queue = Việc của tôi
desk-nav-board = Bảng trạng thái
desk-nav-intake = Nhận bài
desk-nav-report = Báo cáo tháng
desk-sync-button = Đồng bộ với kho chung ({ $remote })
desk-footer = stp — mỗi bước là một lần ký số bằng khóa của chính bạn; không máy chủ nào giữ khóa.
desk-col-article = Bài
desk-col-state = Trạng thái
desk-col-due = Hạn
desk-col-waited = Đã chờ
desk-overdue = (quá hạn)
desk-days = { $n } ngày
desk-queue-meta = Theo lịch sử đã ký, đọc lúc { $at }. Hạn tính theo ngày làm việc.
desk-read-at = { $time } ngày { $date }
desk-queue-empty = Không có bài nào đang chờ bạn.
desk-queue-more = và { $n } bài nữa: xem
desk-publish-all = Đăng tất cả bài đã phê duyệt
desk-whole-site = Toàn trang
desk-overdue-heading = Quá hạn ({ $n })
desk-overdue-list = Bài quá hạn
desk-all = tất cả
desk-filter = Lọc
desk-board-count = { $n } bài
desk-board-page = , trang { $page }/{ $pages }
desk-board-list = Các bài
desk-pager = Các trang của bảng
desk-prev = Trang trước
desk-next = Trang sau
desk-file = Tệp
desk-live = Bản đang đăng
desk-live-at = đăng { $at }, { $by }
desk-your-steps = Việc bạn có thể làm
desk-ground-label = Căn cứ từ chối (Điều 12.3)
desk-reason-label = Lý do { $step }
desk-no-steps = Bài này hiện không chờ bước nào của bạn.
desk-content = Nội dung
desk-preview-link = Xem như bạn đọc sẽ thấy (mở thẻ mới)
desk-preview-building = Bản xem trước đang được dựng; tải lại trang sau ít giây.
desk-preview-failed = Bản xem trước chưa dựng được: { $error }
desk-diff = Khác với bản đang đăng
desk-diff-help = Dòng bắt đầu bằng − là của bản đang đăng, + là của bản sửa.
desk-sender = Người gửi
desk-sender-name = Họ tên
desk-sender-title = Chức vụ
desk-sender-organisation = Cơ quan, đơn vị
desk-sender-email = Thư điện tử
desk-sender-phone = Điện thoại
desk-sender-address = Địa chỉ
desk-received = Nhận lúc
desk-sender-stated = (thư ký ghi thông tin người gửi)
desk-sources = Tệp gốc
desk-flag = Cần xem
desk-trail = Các bước đã ký
desk-trail-ground = , căn cứ điểm { $ground } khoản 3 Điều 12
desk-trail-empty = Chưa có bước nào được ký.
desk-trail-adopted = ghi nhận bài đăng trước khi có stp
desk-trail-voided = nội dung đổi sau bước “{ $state }”: phải gửi lại
desk-trail-invalid = bước không hợp lệ
desk-nothing-changed = Không có gì thay đổi.
desk-signed-by = Đã ký bằng khóa của { $name } trong commit
desk-remote-heading = Kho chung
desk-send-failed = Chưa gửi được lên kho chung: { $error }
desk-sync-counts = Nhận { $received } commit, gửi { $sent } commit lên { $remote }
desk-sync-redone = , ký lại { $n } commit của bạn sau các commit của người khác
desk-sync-parked = { $n } commit của bạn chưa gửi được vì người khác đã gửi trước những thay đổi trùng với chúng; chúng được giữ trên nhánh { $branch }. Hãy xem lại bài rồi làm lại bước đó.
desk-taken = đã ký gửi bài trong commit
desk-not-taken = không nhận
desk-back-article = Về trang của bài
desk-intake-intro = Chọn các thư đã lưu (.eml), tệp Word (.docx) hoặc OpenOffice (.odt) và ảnh kèm theo. Mỗi thư, hoặc các tệp chọn cùng nhau, thành một bài chờ biên tập, được ký gửi bằng khóa của Thư ký.
desk-section = Chuyên mục
desk-section-auto = để stp nhận biết từ bài gửi
desk-files = Các tệp bài gửi
desk-sender-legend = Người gửi (khi bài nhận trên giấy, trực tiếp hoặc qua ứng dụng nhắn tin; thư điện tử tự ghi người gửi)
desk-intake-only-secretary = Chỉ Thư ký Ban Biên tập nhận bài gửi đến (Điều 11 khoản 1).
desk-report-title = Báo cáo tháng { $month }
desk-month = Tháng (năm-tháng)
desk-show = Xem
desk-no-figures = Không có số liệu.
desk-done = Đã { $step }
desk-sync-heading = Đồng bộ với kho chung
desk-refused = Bước này không thực hiện được
desk-wrong-host = Địa chỉ không đúng
desk-wrong-host-why = Bàn làm việc chỉ trả lời khi được gọi đúng địa chỉ của nó (127.0.0.1). Hãy mở đường dẫn mà lệnh stp desk đã in ra.
desk-cross-site = Yêu cầu từ trang khác bị từ chối
desk-cross-site-why = Chỉ các nút trên chính bàn làm việc mới được thay đổi bài. Không có gì thay đổi.
desk-no-session = Chưa mở phiên làm việc
desk-no-session-why = Hãy mở bàn làm việc bằng đường dẫn đầy đủ mà lệnh stp desk đã in ra (có phần ?khoa=…). Mỗi lần chạy stp desk có một đường dẫn mới.
desk-bad-token = Yêu cầu không có mã của bàn làm việc
desk-bad-token-why = Yêu cầu này không đến từ một nút của bàn làm việc đang chạy, nên không có gì thay đổi.
desk-bad-token-hint = Hãy tải lại trang rồi bấm nút một lần nữa.
desk-no-step = Không có bước này
desk-no-step-why = “{ $step }” không phải là một bước của quy chế.
desk-use-buttons = Hãy dùng các nút trên trang của bài.
desk-no-article = Không có bài này
desk-no-article-why = “{ $path }” không phải là một bài trong thư mục content/ của trang.
desk-no-article-hint = Hãy chọn bài từ trang “Việc của tôi” hoặc “Bảng trạng thái”.
desk-no-files = Chưa chọn tệp nào
desk-no-files-why = Không có tệp nào được gửi lên.
desk-no-files-hint = Chọn hoặc kéo thả các tệp .eml, .docx hoặc .odt rồi bấm “Nhận bài”.
desk-bad-email = Địa chỉ thư điện tử không đúng
desk-bad-email-why = “{ $email }” không phải là địa chỉ thư điện tử.
desk-bad-email-hint = Viết dạng ten@co-quan.gov.vn, hoặc để trống và ghi số điện thoại.
desk-file-name = tên tệp có thư mục hoặc `..`; hãy đặt cho tệp một tên thường
desk-upload-broke = tệp gửi lên bị ngắt giữa chừng: { $error }
desk-unreadable = Không đọc được lịch sử của trang
desk-unreadable-hint = Chạy stp audit trong thư mục của trang để xem chi tiết, rồi tải lại trang này.
desk-bad-month = Tháng không đúng
desk-bad-month-why = “{ $month }” không phải là một tháng.
desk-bad-month-hint = Hãy chọn tháng dạng năm-tháng, ví dụ 2026-03.
desk-no-report = Chưa lập được báo cáo
desk-no-report-why = Chưa có quản trị viên nào ký workflow/, nên chưa có bảng thời hạn và lịch sử đã ký để báo cáo.
desk-no-report-hint = Người quản trị cần ký bộ người dùng và thời hạn (workflow/) trước.
desk-not-found = Không có trang này
desk-not-found-why = Bàn làm việc không có trang ở địa chỉ này.
desk-not-found-hint = Hãy quay về trang “Việc của tôi”.
desk-page-failed = Trang không tạo được
desk-page-failed-hint = Đây là lỗi của stp: hãy báo cho người quản trị, kèm dòng trên.
desk-state-draft = bản nháp
desk-state-submitted = đã gửi, chờ biên tập
desk-state-edited = đã biên tập, chờ kiểm tra
desk-state-verified = đã kiểm tra, chờ phê duyệt
desk-state-approved = đã phê duyệt, chờ đăng
desk-state-published = đã đăng
desk-state-returned = bị trả lại
desk-state-rejected = bị từ chối
desk-state-withdrawn = đã gỡ bỏ
desk-button-submit = Gửi bài
desk-button-review = Biên tập xong
desk-button-verify = Kiểm tra xong
desk-button-approve = Phê duyệt
desk-button-return = Trả lại
desk-button-reject = Từ chối
desk-button-publish = Đăng
desk-button-withdraw = Gỡ bỏ
desk-step-submit = gửi bài
desk-step-review = biên tập
desk-step-verify = kiểm tra
desk-step-approve = phê duyệt
desk-step-return = trả lại
desk-step-reject = từ chối
desk-step-publish = đăng
desk-step-withdraw = gỡ bỏ
desk-queue-submit = Bị trả lại, chờ tôi sửa và gửi lại
desk-queue-review = Chờ tôi biên tập
desk-queue-verify = Chờ tôi kiểm tra
desk-queue-approve = Chờ tôi phê duyệt
desk-queue-publish = Chờ tôi đăng
desk-role-contributor = cộng tác viên
desk-role-editor = biên tập viên
desk-role-verifier = người kiểm tra
desk-role-approver = Trưởng Ban (phê duyệt)
desk-role-secretary = Thư ký Ban Biên tập
desk-role-admin = quản trị
desk-role-site-admin = quản trị trang

## stp notify: thư báo chuyển bước
notify-unconfigured = Chưa cấu hình gửi thư báo chuyển bước: { $why }; không gửi thư nào. Quản trị thêm bảng [notify] đã ký vào workflow/workflow.toml (xem docs/cli.md).
notify-why-no-workflow = chưa có bản workflow/ nào được quản trị ký
notify-why-no-table = bản workflow/workflow.toml đã ký không có bảng [notify]
notify-no-email = { $name } ({ $id }) có { $count } tin, bài đang chờ nhưng không có địa chỉ thư (`email`) trong workflow/people.toml: không báo được
notify-nothing-new = Không có chuyển bước nào mới để báo.
notify-would-send = Sẽ gửi tới { $name } <{ $email }>: { $subject }
notify-sent = đã gửi: { $name } <{ $email }>, { $count } tin, bài
notify-send-failed = không gửi được thư cho { $name } ({ $id }) <{ $email }>: { $error }
notify-failed = không gửi được thư cho { $count } trong { $total } người: { $names }
notify-failed-hint = những người khác đã được báo; kiểm tra địa chỉ trong workflow/people.toml hoặc câu trả lời của máy chủ thư ở trên, rồi chạy lại `stp notify`: chỉ những người chưa được báo mới được báo
notify-log-unreadable-hint = không đọc được bản ghi những gì đã báo, { $path }; xóa tệp đó để bắt đầu lại
notify-log-unsaved-hint = thư đã gửi đi, nhưng không ghi được { $path }: lần chạy sau sẽ báo lại
notify-unreachable = không kết nối được máy chủ thư { $server }
notify-sending = gửi thư báo chuyển bước: { $error }
notify-hint-no-password = đặt mật khẩu của máy chủ thư trong biến môi trường { $var } (mật khẩu không bao giờ được lưu trong kho)
notify-hint-login-without-tls = đặt security = "starttls" hoặc "tls" trong bảng [notify] của workflow/workflow.toml (quản trị ký)
notify-hint-bad-address = sửa địa chỉ `from` trong bảng [notify] của workflow/workflow.toml (quản trị ký)
notify-hint-certificate = chứng chỉ TLS của máy chủ thư không được tin cậy: smtp_host phải là tên ghi trong chứng chỉ, do một tổ chức cấp chứng chỉ công khai cấp
notify-hint-unreachable = kiểm tra smtp_host, smtp_port và security trong bảng [notify] của workflow/workflow.toml và đường mạng tới máy chủ thư; `stp notify --dry-run` cho xem thư mà không gửi
notify-hint-refused = kiểm tra bảng [notify] và câu trả lời của máy chủ thư
