#!/usr/bin/env bash
# Times `crowdaudit regress --cluster donor` (OLS and logistic, errors clustered by donor) against
# R's read.csv + lm/glm + sandwich::vcovCL(type = "HC1") + lmtest::coeftest on the same file in the
# same run, and the cost of clustering against the same fit without it. The file is the regression
# benchmark's (bench/make-regression-csv.js) with a `donor` column: 4 consecutive rows per donor.
# Needs GNU time (Debian package `time`); R with r-cran-sandwich and r-cran-lmtest for the reference.
# Usage: bash bench/regress-clustered-vs-r.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
plain="bench/out/regression-${rows}.csv"
data="bench/out/regression-clustered-${rows}.csv"
mkdir -p bench/out
[ -f "$plain" ] || node bench/make-regression-csv.js "$plain" "$rows"
[ -f "$data" ] || awk -F, -v OFS=, 'NR == 1 { print $0, "donor"; next } { print $0, "d" int((NR - 2) / 4) }' "$plain" > "$data"
npm run build --silent

predictors="x1,x2,x3,x4,x5,x6,region,segment"
formula="~ x1 + x2 + x3 + x4 + x5 + x6 + region + segment"

# shellcheck source=bench/lib/timing.sh
source bench/lib/timing.sh

ratio() {
  local label=$1 ours=$2 theirs=$3 against=$4
  read -r our_seconds our_kb <<< "$ours"
  read -r their_seconds their_kb <<< "$theirs"
  awk -v l="$label" -v os="$our_seconds" -v ok="$our_kb" -v ts="$their_seconds" -v tk="$their_kb" -v a="$against" 'BEGIN {
    printf "%-38s %6.2f s %6.0f MB | %-22s %6.2f s %6.0f MB | time ratio %.2f, memory ratio %.2f\n", l, os, ok / 1024, a, ts, tk / 1024, os / ts, ok / tk }'
}

ols=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome y --predictors "$predictors" --format json)
ols_clustered=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome y --predictors "$predictors" --cluster donor --format json)
logit=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome refused --predictors "$predictors" --model logistic --format json)
logit_clustered=$(measure node bin/crowdaudit.js regress --csv "$data" --outcome refused --predictors "$predictors" --model logistic --cluster donor --format json)
echo "regress --cluster donor on $rows rows x 8 predictors, $((rows / 4)) donors:"
ratio "OLS clustered" "$ols_clustered" "$ols" "OLS unclustered"
ratio "logistic clustered" "$logit_clustered" "$logit" "logistic unclustered"
if command -v Rscript > /dev/null && Rscript -e 'library(sandwich); library(lmtest)' > /dev/null 2>&1; then
  r_ols=$(measure Rscript -e "suppressPackageStartupMessages({ library(sandwich); library(lmtest) }); d <- read.csv('$data'); m <- lm(y $formula, data = d); print(coeftest(m, vcov. = vcovCL(m, cluster = ~donor, type = 'HC1'))[1:3, ])")
  r_logit=$(measure Rscript -e "suppressPackageStartupMessages({ library(sandwich); library(lmtest) }); d <- read.csv('$data'); m <- glm(refused $formula, data = d, family = binomial()); print(coeftest(m, vcov. = vcovCL(m, cluster = ~donor, type = 'HC1'))[1:3, ])")
  ratio "OLS clustered" "$ols_clustered" "$r_ols" "R lm + vcovCL"
  ratio "logistic clustered" "$logit_clustered" "$r_logit" "R glm + vcovCL"
else
  echo "(R with sandwich and lmtest not installed: no ratio against R)"
fi
