#!/usr/bin/env bash
# Times `crowdaudit regress` (OLS and logistic) against R's read.csv + lm/glm on the same
# 1,000,000-row file in the same run, and prints time and peak-memory ratios (goal: ≤ 0.5 each).
# Each job runs REPEAT times (default 3), ours and R's alternating, and the medians are compared:
# on a shared machine one run of each can land in very different load. Prints the machine's cores
# and load average before and after.
# Needs GNU time (Debian package `time`); R (r-base-core) for the reference, else only our numbers.
# Usage: [REPEAT=3] bash bench/regress-vs-r.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
repeat="${REPEAT:-3}"
data="bench/out/regression-${rows}.csv"
mkdir -p bench/out
[ -f "$data" ] || node bench/make-regression-csv.js "$data" "$rows"
npm run build --silent

predictors="x1,x2,x3,x4,x5,x6,region,segment"
formula="~ x1 + x2 + x3 + x4 + x5 + x6 + region + segment"

# shellcheck source=bench/lib/timing.sh
source bench/lib/timing.sh

report() {
  local name=$1 ours=$2 theirs=$3
  read -r our_seconds our_kb <<< "$ours"
  if [ -z "$theirs" ]; then
    printf '%-9s crowdaudit %6.2f s %7.0f MB   (R not installed: no ratio)\n' "$name" "$our_seconds" "$((our_kb / 1024))"
    return
  fi
  read -r r_seconds r_kb <<< "$theirs"
  awk -v n="$name" -v os="$our_seconds" -v ok="$our_kb" -v rs="$r_seconds" -v rk="$r_kb" 'BEGIN {
    printf "%-9s crowdaudit %6.2f s %6.0f MB | R %6.2f s %6.0f MB | time ratio %.2f, memory ratio %.2f (goal <= 0.5)\n",
      n, os, ok / 1024, rs, rk / 1024, os / rs, ok / rk }'
}

ours_ols=(node bin/crowdaudit.js regress --csv "$data" --outcome y --predictors "$predictors" --format json)
ours_logit=(node bin/crowdaudit.js regress --csv "$data" --outcome refused --predictors "$predictors" --model logistic --format json)
r_ols_script="d <- read.csv('$data'); m <- lm(y $formula, data = d); print(summary(m)\$coefficients[1:3, ])"
r_logit_script="d <- read.csv('$data'); m <- glm(refused $formula, data = d, family = binomial()); print(summary(m)\$coefficients[1:3, ])"

have_r=""
command -v Rscript > /dev/null && have_r=1
machine before
declare -A ours theirs
for job in ols logit; do
  ours_runs=""
  r_runs=""
  for _ in $(seq "$repeat"); do
    declare -n job_command="ours_$job"
    ours_runs+="$(measure "${job_command[@]}")"$'\n'
    unset -n job_command
    if [ -n "$have_r" ]; then
      script_var="r_${job}_script"
      r_runs+="$(measure Rscript -e "${!script_var}")"$'\n'
    fi
  done
  ours[$job]=$(printf '%s' "$ours_runs" | median)
  theirs[$job]=""
  [ -n "$have_r" ] && theirs[$job]=$(printf '%s' "$r_runs" | median)
done
machine after
echo "regress on $rows rows x 8 predictors (2 categorical), medians of $repeat runs each:"
report OLS "${ours[ols]}" "${theirs[ols]}"
report logistic "${ours[logit]}" "${theirs[logit]}"
