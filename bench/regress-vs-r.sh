#!/usr/bin/env bash
# Times `crowdaudit regress` (OLS and logistic) against R's read.csv + lm/glm on the same
# 1,000,000-row file in the same run, and prints time and peak-memory ratios (goal: ≤ 0.5 each).
# Needs GNU time (Debian package `time`); R (r-base-core) for the reference, else only our numbers.
# Usage: bash bench/regress-vs-r.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
data="bench/out/regression-${rows}.csv"
mkdir -p bench/out
[ -f "$data" ] || node bench/make-regression-csv.js "$data" "$rows"
npm run build --silent

predictors="x1,x2,x3,x4,x5,x6,region,segment"
formula="~ x1 + x2 + x3 + x4 + x5 + x6 + region + segment"

# Prints "seconds kilobytes" for a command, from GNU time.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" > /dev/null
  cat "$log"
  rm -f "$log"
}

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

ols=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome y --predictors "$predictors" --format json)
logit=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome refused --predictors "$predictors" --model logistic --format json)
r_ols=""
r_logit=""
if command -v Rscript > /dev/null; then
  r_ols=$(measure Rscript -e "d <- read.csv('$data'); m <- lm(y $formula, data = d); print(summary(m)\$coefficients[1:3, ])")
  r_logit=$(measure Rscript -e "d <- read.csv('$data'); m <- glm(refused $formula, data = d, family = binomial()); print(summary(m)\$coefficients[1:3, ])")
fi
echo "regress on $rows rows x 8 predictors (2 categorical):"
report OLS "$ols" "$r_ols"
report logistic "$logit" "$r_logit"
