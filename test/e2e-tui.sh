#!/usr/bin/env bash
# End to end in a real terminal: the built app in an 80×24 tmux pane (TERM=xterm), contacts
# logged by keystrokes only, then the datastore and `overdue --json` checked from outside; a college's
# 催办 copied with `y` reaches tmux's buffer through OSC 52 (set-clipboard on); a new class seen in 网格
# and paired after 设置 › 新学年.
# Keys go in bursts too (several keys in one send-keys, as one read over SSH): each must count.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null; then
  echo "e2e-tui: tmux is required (.ci/run installs it)" >&2
  exit 1
fi

AS_OF=2026-11-25
TMP=$(mktemp -d)
SESSION="slx-e2e-$$"
# A tmux server of its own: its options and paste buffers are this test's alone.
tmux() { command tmux -L "$SESSION" "$@"; }
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$TMP"' EXIT
cp -r data/sanlianxi.json data/sanlianxi.contacts "$TMP"/
DATA="$TMP/sanlianxi.json"
cli() { node dist/cli/main.js "$@" --data "$DATA"; }
# The roster as the main file names it (sanlianxi.contacts/roster.r<N>.json): everything but contacts.
ROSTER="$TMP/sanlianxi.contacts/$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).roster.file)' "$DATA")"

# A cadre holding a class today who still owes its term contact, named by 工号 so the search has one match.
read -r CADRE_ID EMPLOYEE_NO CLASS_NAME < <(
  cli overdue --json --as-of "$AS_OF" | node -e '
    const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const holding = (id) => data.assignments.some((a) => a.cadreId === id && (a.end === null || a.end >= process.argv[2]));
    const row = rows.find((r) => r.duty === "class" && holding(r.cadreId) && data.cadres.find((c) => c.id === r.cadreId)?.employeeNo);
    if (!row) { console.error("no class row with a 工号 in the demo data"); process.exit(1); }
    console.log(row.cadreId, data.cadres.find((c) => c.id === row.cadreId).employeeNo, row.target);
  ' "$ROSTER" "$AS_OF"
)
echo "e2e-tui: logging the class contact of 工号 $EMPLOYEE_NO for $CLASS_NAME"

screen() { tmux capture-pane -p -t "$SESSION"; }
wait_for() {
  for _ in $(seq 1 100); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "e2e-tui: the screen never showed '$1':" >&2
  screen >&2
  exit 1
}
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.2; }

# CI=true as CI runners set it: ink would then draw nothing until exit, so the app must clear it.
tmux new-session -d -s "$SESSION" -x 80 -y 24 \
  "env CI=true TERM=xterm NO_COLOR=1 node dist/cli/main.js --data '$DATA' --as-of $AS_OF; echo EXITED; sleep 30"
tmux set -s set-clipboard on
wait_for '1 记录联系'
CADRES=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).cadres.length)' "$ROSTER")
keys 3
wait_for "干部（$CADRES/$CADRES）"
# Bursts in a list: jjjj moves four rows, Down×3 three more, kk two back.
keys j j j j
wait_for "第 5/$CADRES 行"
keys Down Down Down
wait_for "第 8/$CADRES 行"
keys k k
wait_for "第 6/$CADRES 行"
keys Escape
wait_for '1 记录联系'
keys 1
wait_for '干部：姓名'
keys -l "$EMPLOYEE_NO"
wait_for "（$EMPLOYEE_NO）"
keys Enter
wait_for "$CLASS_NAME"
# From 类型, in one send: Tab×3 and Enter move four fields, past 对象, 日期 (today) and
# 形式, which keep their defaults, to 备注.
keys Tab Tab Tab Enter
wait_for '> 备注'
keys -l 'e2eXXXX'
wait_for 'e2eXXXX'
keys BSpace BSpace BSpace BSpace
wait_for '备注：e2e '
keys Enter
wait_for '已记录：'
# Two more records of the same class in one send, as a paste or fast typing delivers them: the keys
# after the Enter that saves the first wait for that save and fill the fresh form, so both are saved.
keys "$EMPLOYEE_NO" Enter Enter Enter -1 Enter Enter e2e-a Enter "$EMPLOYEE_NO" Enter Enter Enter -2 Enter Enter e2e-b Enter
wait_for "$CLASS_NAME 2026-11-23"
keys Escape
wait_for '最新联系'
# 催办 from 逾期: y sends the selected college's message as OSC 52, which tmux keeps as a paste buffer.
keys 2
wait_for '逾期 · 共'
keys m
wait_for '催办 · '
keys y
wait_for '已复制'
if ! tmux show-buffer | grep -qF '【三联系催办】'; then
  echo "e2e-tui: after y, tmux's buffer does not hold the 催办 message:" >&2
  tmux show-buffer >&2 || true
  exit 1
fi
keys Escape Escape
wait_for '最新联系'
# 九月的例行工作: a freshman class added in 班级 shows in 网格; 设置 › n starts 2027-2028 (ending the
# June graduates' assignments) and 配对 pairs the class with a free cadre of its college in one y/n.
keys 4
wait_for '班级（'
keys a
wait_for '新增班级'
keys Tab
keys -l 'e2e新生271班'
keys Tab
keys -l 2027
keys Tab
keys -l 2030-06-30
keys Enter Enter Enter Enter Enter
wait_for '已新增班级 e2e新生271班'
keys Escape
wait_for '最新联系'
keys 0
wait_for '无人联系：班级 1'
wait_for 'e2e新生271班'
keys Escape
wait_for '最新联系'
keys 9
wait_for 'n 新学年'
keys n
wait_for '默认 2027-09-01'
keys Enter Enter Enter Enter Enter
wait_for '（y/n）'
keys y
wait_for '配对 · 自 2027-09-01 起 · 已选 0/1'
keys Enter
wait_for '为 e2e新生271班 选择干部'
keys Enter
wait_for '已选 1/1'
keys s
wait_for '保存这 1 个配对'
keys y
wait_for '已保存 1 个配对'
keys Escape
wait_for '学期与考核规则'
keys Escape
wait_for '最新联系'
keys q
wait_for 'EXITED'

# The year's terms and the pairing are saved, one journal entry each: 2027-09-01 has no class without a cadre.
cli coverage --json --as-of 2027-09-01 | node -e '
  const holes = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (holes.classes.length > 0) { console.error("e2e-tui: classes still without a cadre on 2027-09-01:", holes.classes); process.exit(1); }
  if (!holes.freeCadres.some((c) => c.since?.reason === "班级毕业")) { console.error("e2e-tui: no cadre freed by the June graduations"); process.exit(1); }
'
cli history | grep -qF '新学年（界面）' && cli history | grep -qF '配对（界面）' || { echo "e2e-tui: the journal lacks 新学年 or 配对" >&2; exit 1; }

# The contact is in the datastore, and its overdue row is gone.
cli contacts --json | node -e '
  const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const has = (date, note) => rows.some((c) => c.type === "班级" && c.target === process.argv[1] && c.date === date && c.note === note);
  if (!has(process.argv[2], "e2e")) { console.error("e2e-tui: the contact is not in the datastore"); process.exit(1); }
  if (!has("2026-11-24", "e2e-a") || !has("2026-11-23", "e2e-b")) { console.error("e2e-tui: a record of the two sent at once is not in the datastore"); process.exit(1); }
' "$CLASS_NAME" "$AS_OF"
cli overdue --json --as-of "$AS_OF" | node -e '
  const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (rows.some((r) => r.cadreId === process.argv[1] && r.duty === "class")) { console.error("e2e-tui: the overdue class row is still there"); process.exit(1); }
' "$CADRE_ID"
echo "e2e-tui: ok"
