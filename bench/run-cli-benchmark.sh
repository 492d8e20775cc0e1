#!/usr/bin/env bash
# Times `outreach check FOLDER` on 1,000 generated drafts as a whole cold process (target: <= 1 s
# wall time on a 2-core machine), in several builds of the CLI:
#   build    the Release build output (plain JIT, tiered compilation, as `dotnet build` leaves it)
#   r2r      `dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true`
#   r2r+...  the same with runtime knobs set through DOTNET_* environment variables
# plus the floor: the R2R build checking a folder with a single draft (process start + rule pack load).
#
# Uses hyperfine when installed (apt-get install -y hyperfine), else a bash loop with date +%s%N.
# Environment: RUNS (default 10), COUNT (default 1000), SEED (default 2026),
#              OUTREACH_BENCH_ARTIFACTS (build output, default /tmp/outreach-bench-artifacts),
#              KEEP=1 keeps the generated folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ART=${OUTREACH_BENCH_ARTIFACTS:-/tmp/outreach-bench-artifacts}
RUNS=${RUNS:-10}
COUNT=${COUNT:-1000}
SEED=${SEED:-2026}
WORK=$(mktemp -d /tmp/outreach-cli-bench.XXXXXX)
cleanup() { if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

log() { printf '\n== %s\n' "$*"; }

log "machine"
echo "cores: $(nproc)"
lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print "cpu: " $2}' || true
free -g | awk 'NR==2 {print "memory: " $2 " GiB"}'
echo ".NET SDK: $(dotnet --version)"
dotnet --list-runtimes | grep Microsoft.NETCore.App | tail -1 | sed 's/^/runtime: /'
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

log "build (Release)"
dotnet build "$ROOT/server/OutreachLsp.Cli/OutreachLsp.Cli.csproj" -c Release --artifacts-path "$ART/build" -nologo -v quiet
dotnet build "$ROOT/bench/OutreachLsp.DraftGenerator/OutreachLsp.DraftGenerator.csproj" -c Release --artifacts-path "$ART/build" -nologo -v quiet
BUILD_EXE="$ART/build/bin/OutreachLsp.Cli/release/outreach"
GEN_EXE="$ART/build/bin/OutreachLsp.DraftGenerator/release/OutreachLsp.DraftGenerator"

log "publish (ReadyToRun, framework-dependent, linux-x64)"
dotnet publish "$ROOT/server/OutreachLsp.Cli/OutreachLsp.Cli.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true --artifacts-path "$ART/publish" -o "$WORK/r2r" -nologo -v quiet
R2R_EXE="$WORK/r2r/outreach"

log "generate $COUNT drafts (seed $SEED)"
"$GEN_EXE" --out "$WORK/drafts" --count "$COUNT" --seed "$SEED"
"$GEN_EXE" --out "$WORK/one" --count 1 --seed "$SEED" >/dev/null
du -sh "$WORK/drafts" | awk '{print "size on disk: " $1}'

log "sanity: one run of each build (exit 1 means error-level findings, as expected here)"
for exe in "$BUILD_EXE" "$R2R_EXE"; do
  code=0
  "$exe" check "$WORK/drafts" --no-color >"$WORK/out.txt" 2>"$WORK/err.txt" || code=$?
  echo "$exe: exit $code; $(wc -l <"$WORK/out.txt") lines; last: $(tail -1 "$WORK/out.txt")"
  if [[ $code -ge 2 ]]; then echo "unexpected exit code; stderr:"; cat "$WORK/err.txt"; exit 1; fi
done

# name|environment|command
variants=(
  "build (JIT)||$BUILD_EXE check $WORK/drafts"
  "r2r||$R2R_EXE check $WORK/drafts"
  "r2r + TieredPGO=0|DOTNET_TieredPGO=0|$R2R_EXE check $WORK/drafts"
  "r2r + TieredCompilation=0|DOTNET_TieredCompilation=0|$R2R_EXE check $WORK/drafts"
  "r2r + TC_QuickJitForLoops=0|DOTNET_TC_QuickJitForLoops=0|$R2R_EXE check $WORK/drafts"
  "r2r, 1 draft (floor)||$R2R_EXE check $WORK/one"
)

results="$WORK/results.txt"
: >"$results"
if command -v hyperfine >/dev/null 2>&1; then
  log "hyperfine: $RUNS runs each, 1 warm-up (page cache), exit codes ignored"
  for v in "${variants[@]}"; do
    IFS='|' read -r name envs cmd <<<"$v"
    json="$WORK/h.json"
    if [[ -n "$envs" ]]; then cmd="env $envs $cmd"; fi
    hyperfine --style basic --warmup 1 --runs "$RUNS" -i --export-json "$json" -n "$name" "$cmd" >/dev/null 2>&1
    python3 - "$json" "$name" >>"$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]:<32} mean {r['mean']*1000:7.0f} ms  ± {r['stddev']*1000:5.0f} ms  min {r['min']*1000:7.0f} ms  max {r['max']*1000:7.0f} ms  user {r['user']*1000:6.0f} ms  sys {r['system']*1000:5.0f} ms")
PY
    tail -1 "$results"
  done
else
  log "bash loop (hyperfine not installed): $RUNS runs each after 1 warm-up"
  for v in "${variants[@]}"; do
    IFS='|' read -r name envs cmd <<<"$v"
    # shellcheck disable=SC2086
    env $envs $cmd >/dev/null 2>&1 || true
    times=()
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s%N)
      # shellcheck disable=SC2086
      env $envs $cmd >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | awk -v n="$name" '{s+=$1; if(min==""||$1<min)min=$1; if($1>max)max=$1} END {printf "%-32s mean %7.0f ms  min %7d ms  max %7d ms\n", n, s/NR, min, max}' | tee -a "$results"
  done
fi

log "summary (wall time of a whole cold process; target <= 1000 ms for $COUNT drafts)"
cat "$results"
