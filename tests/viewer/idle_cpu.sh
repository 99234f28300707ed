#!/usr/bin/env bash
# Measures how much CPU the viewer uses while it shows a finished simulation and nothing happens:
# starts it on its own Xvfb screen with a small scenario, waits for the simulation to end, reads
# utime + stime from /proc/PID/stat over a few seconds and fails above a limit.
#
#   idle_cpu.sh VIEWER [MAX_PERCENT_OF_A_CORE=20] [MEASURE_SECONDS=10] [SCENARIO.toml]
#
# A viewer that slept through everything would pass that, so when xdotool is installed it then
# presses Escape, which the sleeping viewer must answer by quitting within 5 s (with SCREENSHOT
# set in the environment it saves its last frame there as it quits).
#
# The simulation ends when no thread named "dermasim-run" (SimulationWorker names its threads
# so) has been seen for 3 s. A viewer older than that names none; then it waits MIN_SETTLE seconds (env, 20
# unless set) before measuring. Prints "idle CPU: P % of a core over S s".
set -euo pipefail

viewer=${1:?usage: idle_cpu.sh VIEWER [MAX_PERCENT] [MEASURE_SECONDS] [SCENARIO]}
max_percent=${2:-20}
measure_seconds=${3:-10}
scenario=${4:-}
min_settle=${MIN_SETTLE:-20}
# Seconds the small scenario (preview, then full run) may take: ~5 s in a Release build, ~10x
# under the sanitizers beside other tests.
run_timeout=180

work=$(mktemp -d)
xvfb_pid=""
viewer_pid=""
cleanup() {
  set +e  # a killed child's status must not stop the cleanup half way
  if [[ -n $viewer_pid ]]; then
    kill "$viewer_pid" 2>/dev/null
    wait "$viewer_pid" 2>/dev/null
  fi
  if [[ -n $xvfb_pid ]]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z $scenario ]]; then
  scenario=$(dirname "${BASH_SOURCE[0]}")/one_week.toml
fi

# Xvfb picks a free display and writes its number to fd 3, so parallel runs do not collide.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do
  [[ -s $work/display ]] && break
  sleep 0.1
done
display=$(tr -d '\n' <"$work/display")
[[ -n $display ]] || { echo "Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }

shot=()
[[ -n ${SCREENSHOT:-} ]] && shot=(--screenshot "$SCREENSHOT")
DISPLAY=:$display LIBGL_ALWAYS_SOFTWARE=1 "$viewer" "$scenario" "${shot[@]}" >"$work/viewer.log" 2>&1 &
viewer_pid=$!

cpu_ticks() {  # utime + stime of the whole process; fields after the ")" that ends the name
  local stat
  stat=$(<"/proc/$viewer_pid/stat")
  stat=${stat##*) }
  read -r -a fields <<<"$stat"
  echo $((fields[11] + fields[12]))
}
alive() {  # an exited child stays a zombie ("Z") until waited for, and kill -0 still finds it
  local stat
  stat=$(cat "/proc/$viewer_pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}
running_simulation() {
  grep -qx dermasim-run /proc/"$viewer_pid"/task/*/comm 2>/dev/null
}

# A preview run is followed by the full run on a new thread a frame later, so the simulation has
# ended only when no run thread has been seen for a while (quiet_polls x 0.2 s).
quiet_polls=15
start=$SECONDS
seen_run=false
quiet=0
while ((SECONDS - start < run_timeout)); do
  alive || { echo "the viewer exited"; cat "$work/viewer.log"; exit 1; }
  if running_simulation; then
    seen_run=true
    quiet=0
  else
    quiet=$((quiet + 1))
    if $seen_run; then
      ((quiet >= quiet_polls)) && break
    elif ((SECONDS - start >= min_settle)); then
      break
    fi
  fi
  sleep 0.2
done
if running_simulation; then
  echo "the simulation did not finish within ${run_timeout} s"
  exit 1
fi
echo "simulated in $((SECONDS - start)) s (a run thread was seen: $seen_run)"
sleep 1  # the frames that show the result

hz=$(getconf CLK_TCK)
before=$(cpu_ticks)
t0=$(date +%s.%N)
sleep "$measure_seconds"
after=$(cpu_ticks)
t1=$(date +%s.%N)
percent=$(awk -v d=$((after - before)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
  'BEGIN { printf "%.1f", 100 * d / hz / (t1 - t0) }')
echo "idle CPU: $percent % of a core over $measure_seconds s (limit $max_percent %)"
awk -v p="$percent" -v m="$max_percent" 'BEGIN { exit !(p <= m) }' || {
  echo "the idle viewer uses more than $max_percent % of a core"
  exit 1
}

if command -v xdotool >/dev/null; then
  # Without a window manager the key goes to the window under the pointer.
  DISPLAY=:$display xdotool mousemove 700 300 key Escape
  for _ in $(seq 50); do
    alive || break
    sleep 0.1
  done
  if alive; then
    echo "the idle viewer did not answer Escape within 5 s"
    exit 1
  fi
  code=0
  wait "$viewer_pid" || code=$?
  viewer_pid=""
  cat "$work/viewer.log"
  [[ $code == 0 ]] || { echo "the viewer exited with $code after Escape"; exit 1; }
  echo "the idle viewer answered Escape"
fi
