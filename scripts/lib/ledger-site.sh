# A site repository of ARTICLES articles, each taken through five signed steps by
# gen_ledger (real commits, real ed25519 keys), kept in BASE and made once: sourced by
# scripts/bench-ledger and scripts/bench-desk. Needs $STP and $GEN (release builds) and a
# HOME with git configured.
ledger_site() { # BASE ARTICLES SECTIONS
  local BASE=$1 ARTICLES=$2 SECTIONS=$3
  if [ ! -f "$BASE/done" ]; then
    echo "generating $ARTICLES articles × 5 signed steps in $BASE …" >&2
    rm -rf "$BASE"
    mkdir -p "$BASE/keys"
    for k in head editor contributor secretary; do
      ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$BASE/keys/$k"
    done
    site=$BASE/site
    "$STP" init "$site" --admin-key "$BASE/keys/head.pub" --admin-name "Trưởng Ban" >/dev/null
    people() { (cd "$site" && "$STP" people add "$@" --signing-key "$BASE/keys/head" >/dev/null); }
    people truong-ban --name "Trưởng Ban" --role admin --role verifier --role approver --key "$BASE/keys/head.pub"
    people bien-tap-vien --name "Biên Tập Viên" --role editor --key "$BASE/keys/editor.pub"
    people cong-tac-vien --name "Cộng Tác Viên" --role contributor --key "$BASE/keys/contributor.pub"
    people thu-ky --name "Thư Ký" --role secretary --key "$BASE/keys/secretary.pub"
    start=$(date +%s.%N)
    "$GEN" "$site" "$BASE/keys" "$ARTICLES" "$SECTIONS" >&2
    echo "generated in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s; packing …" >&2
    git -C "$site" reset -q --hard
    git -C "$site" repack -a -d -q
    git -C "$site" prune
    rm -rf "$site/.git/stp"
    touch "$BASE/done"
  fi
}
