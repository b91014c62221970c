#!/usr/bin/env bash
# Times crowdaudit error-rates, calibration and survival against the same jobs in R (read.csv,
# then the functions analysis/README.md names as each command's R equivalent) on one generated
# 1,000,000-row file in the same run, and prints time and peak-memory ratios.
# Each job runs REPEAT times (default 3), ours and R's alternating, and the medians are compared:
# on a shared machine one run of each can land in very different load. Prints the machine's cores
# and load average before and after.
# Needs GNU time (Debian package `time`); R with r-cran-proc and r-cran-survival for the reference.
# Usage: [REPEAT=3] bash bench/auditor-vs-r.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
repeat="${REPEAT:-3}"
data="bench/out/audit-${rows}.csv"
mkdir -p bench/out
[ -f "$data" ] || node bench/make-audit-csv.js "$data" "$rows"
npm run build --silent

# shellcheck source=bench/lib/timing.sh
source bench/lib/timing.sh

report() {
  local name=$1 ours=$2 theirs=$3
  read -r our_seconds our_kb <<< "$ours"
  if [ -z "$theirs" ]; then
    printf '%-12s crowdaudit %6.2f s %7.0f MB   (R not installed: no ratio)\n' "$name" "$our_seconds" "$((our_kb / 1024))"
    return
  fi
  read -r r_seconds r_kb <<< "$theirs"
  awk -v n="$name" -v os="$our_seconds" -v ok="$our_kb" -v rs="$r_seconds" -v rk="$r_kb" 'BEGIN {
    printf "%-12s crowdaudit %6.2f s %6.0f MB | R %6.2f s %6.0f MB | time ratio %.2f, memory ratio %.2f\n",
      n, os, ok / 1024, rs, rk / 1024, os / rs, ok / rk }'
}

ours_error_rates=(node bin/crowdaudit.js error-rates --csv "$data" --truth two_year_recid --score decile_score --threshold 5 --group race --reference Caucasian --format json)
ours_calibration=(node bin/crowdaudit.js calibration --csv "$data" --truth two_year_recid --score score --group race --reference Caucasian --format json)
ours_survival=(node bin/crowdaudit.js survival --csv "$data" --time days --event event --group race --reference Caucasian --predictors priors,age --format json)

r_error_rates_script="
    d <- read.csv('$data'); p <- as.integer(d\$decile_score >= 5); t <- d\$two_year_recid; g <- d\$race
    counts <- function(l) c(tp = sum(t[g == l] == 1 & p[g == l] == 1), fp = sum(t[g == l] == 0 & p[g == l] == 1), tn = sum(t[g == l] == 0 & p[g == l] == 0), fn = sum(t[g == l] == 1 & p[g == l] == 0))
    k <- lapply(sort(unique(g)), counts); names(k) <- sort(unique(g)); r <- k[['Caucasian']]; ps <- c()
    for (l in setdiff(names(k), 'Caucasian')) { x <- k[[l]]
      for (m in list(c('fp', 'tn'), c('fn', 'tp'), c('tp', 'fp'), c('tn', 'fn'))) {
        prop.test(c(x[[m[1]]], r[[m[1]]]), c(x[[m[1]]] + x[[m[2]]], r[[m[1]]] + r[[m[2]]]), correct = FALSE)
        ps <- c(ps, fisher.test(matrix(c(x[[m[1]]], x[[m[2]]], r[[m[1]]], r[[m[2]]]), 2))\$p.value) } }
    print(p.adjust(ps, 'holm')); print(chisq.test(table(g[t == 0], p[t == 0]), correct = FALSE)); print(chisq.test(table(g[t == 1], p[t == 1]), correct = FALSE))"
r_calibration_script="
    suppressMessages(library(pROC)); d <- read.csv('$data'); d\$race <- relevel(factor(d\$race), ref = 'Caucasian')
    bin <- cut(d\$score, unique(quantile(d\$score, 0:10 / 10)), include.lowest = TRUE)
    print(aggregate(two_year_recid ~ bin + race, data = d, FUN = mean))
    full <- glm(two_year_recid ~ score * race, data = d, family = binomial())
    print(anova(glm(two_year_recid ~ score + race, data = d, family = binomial()), full, test = 'LRT'))
    print(anova(glm(two_year_recid ~ score, data = d, family = binomial()), full, test = 'LRT'))
    for (l in levels(d\$race)) { r <- roc(d\$two_year_recid[d\$race == l], d\$score[d\$race == l], levels = c(0, 1), direction = '<', quiet = TRUE); print(ci.auc(r, method = 'delong')); print(var(r, method = 'delong')) }"
r_survival_script="
    suppressMessages(library(survival)); d <- read.csv('$data'); d\$race <- relevel(factor(d\$race), ref = 'Caucasian')
    km <- survfit(Surv(days, event) ~ race, data = d); print(summary(km)\$table)
    print(survdiff(Surv(days, event) ~ race, data = d))
    fit <- coxph(Surv(days, event) ~ race + priors + age, data = d); print(summary(fit)); print(cox.zph(fit))"

have_r=""
command -v Rscript > /dev/null && have_r=1
machine before
declare -A ours theirs
for job in error_rates calibration survival; do
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
echo "auditor commands on $rows rows (medians of $repeat runs each):"
report error-rates "${ours[error_rates]}" "${theirs[error_rates]}"
report calibration "${ours[calibration]}" "${theirs[calibration]}"
report survival "${ours[survival]}" "${theirs[survival]}"
