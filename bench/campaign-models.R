# The campaign findings' models in R, for bench/campaign-vs-r.js: reads the rows the analyses read
# (rows.csv) and the plan made from our result (plan.json) in <folder>, fits every comparison the way
# the tests' R references do (tests/fixtures/cluster, ordinal, rake), and writes r-results.json
# there. Every stratum's rows are selected once; a survey design is built once per stratum and
# reused for every attribute whose shown groups cover all its rows (our group means count the
# donors of the compared rows only, so a comparison that drops rows needs its own design).
# Usage: Rscript bench/campaign-models.R <folder>
started <- proc.time()[["elapsed"]]
suppressPackageStartupMessages({ library(survey); library(sandwich); library(lmtest); library(MASS); library(jsonlite) })
loaded <- proc.time()[["elapsed"]]
# Factor levels in code-point order, as ours sort them (the default reference of a text factor).
invisible(Sys.setlocale("LC_COLLATE", "C"))
folder <- commandArgs(trailingOnly = TRUE)[1]
plan <- fromJSON(file.path(folder, "plan.json"), simplifyVector = FALSE)
types <- unlist(plan$columns)
d <- read.csv(file.path(folder, "rows.csv"), na.strings = "", colClasses = ifelse(types == "text", "character", "numeric"))
names(d) <- names(types)

# Our "no answer" levels name no group (group-selection.ts); answers are compared trimmed.
no_answer <- unlist(plan$noAnswer)
group_of <- function(x) ifelse(is.na(x) | trimws(x) %in% c("", no_answer), NA, trimws(x))
# One-stage design clustered by donor, equal weights (stated, so survey does not warn each time).
by_donor <- function(rows) svydesign(ids = ~donor, data = rows, weights = ~1)
halves <- function(ci) unname((ci[, 2] - ci[, 1]) / 2)

# Each shown group's mean (svyby) with its interval on G - 1 df, and each group's difference from
# the reference: the contrast of svyby's covariance, as svyglm(y ~ attribute) gives it, on G - k df.
group_means <- function(design, y, attribute, reference) {
  by <- svyby(as.formula(paste0("~", y)), as.formula(paste0("~", attribute)), design, svymean, covmat = TRUE)
  levels <- as.character(by[[attribute]])
  ci <- confint(by, df = degf(design))
  v <- vcov(by)
  r <- match(reference, levels)
  se <- sqrt(diag(v) + v[r, r] - 2 * v[, r])
  q <- qt(0.975, degf(design) - (length(levels) - 1))
  list(levels = levels, estimate = unname(coef(by)), half = halves(ci),
       difference = unname(coef(by) - coef(by)[r]), differenceHalf = unname(q * se))
}

# A model on the rows that answer each of its columns (as na.omit), errors clustered by donor
# (HC1): the attribute's groups' coefficients as coeftest and coefci give them.
clustered <- function(fit_on, rows, y, attribute, terms, pooled, levels) {
  columns <- c(y, attribute, terms, if (pooled) "stratum_")
  used <- rows[complete.cases(rows[columns]), , drop = FALSE]
  # A fit that fails (polr on a small stratum, an aliased factor) gives no numbers, as ours leaves a
  # note; warnings (separation, no convergence) are ours' notes too, and are not printed.
  tryCatch(suppressWarnings({
    fit <- fit_on(as.formula(paste(y, "~", paste(columns[-1], collapse = " + "))), used)
    vc <- vcovCL(fit, cluster = used$donor, type = "HC1")
    ct <- coeftest(fit, vcov. = vc)
    ci <- coefci(fit, vcov. = vc)
    names <- paste0(attribute, levels)
    found <- names %in% rownames(ct)
    list(levels = levels[found], estimate = unname(ct[names[found], 1]), stdError = unname(ct[names[found], 2]), half = halves(ci[names[found], , drop = FALSE]))
  }), error = function(e) NULL)
}
ols <- function(formula, data) lm(formula, data = data)
logit <- function(formula, data) glm(formula, family = binomial, data = data)
# polr stops at its default reltol (1e-8 of the deviance: with a hundred postcode regions its
# estimates stay up to 1e-2 of a standard error from the optimum) and takes its Hessian by
# differences of 1e-3. With the plan's polrPrecise (bench option --polr-precise on) it
# is restarted from its own optimum as tests/fixtures/ordinal/polr-cluster-reference.R does, to
# check agreement to more digits; the timed run keeps polr's defaults.
ordered_logit <- function(formula, data) {
  fit <- polr(formula, data = data, method = "logistic", Hess = TRUE)
  if (!isTRUE(plan$polrPrecise)) return(fit)
  k <- length(coef(fit)) + length(fit$zeta)
  for (restart in 1:2) fit <- polr(formula, data = data, method = "logistic", Hess = TRUE, start = c(coef(fit), fit$zeta),
                                   control = list(reltol = 1e-16, maxit = 10000, ndeps = rep(1e-5, k)))
  fit
}

fit_comparison <- function(comparison, rows, design, outcome, raked) {
  a <- comparison$attribute
  kept <- unlist(comparison$kept)
  selected <- !is.na(rows$group_) & rows$group_ %in% kept
  rows <- rows[selected, , drop = FALSE]
  rows[[a]] <- relevel(factor(rows$group_), ref = comparison$reference)
  pooled <- is.null(comparison$stratum)
  y <- outcome$name
  # An ordered outcome's groups show their mean position in the order.
  shown <- if (outcome$kind == "ordinal") "position_" else y
  factors <- unlist(comparison$adjustedFor)
  others <- setdiff(kept, comparison$reference)
  # Pooled rates: each record against its own stratum's rate (y - stratum rate + overall rate).
  if (pooled && outcome$kind == "rate") {
    shown <- "within_"
    rows$within_ <- rows[[y]] - ave(rows[[y]], rows$stratum_) + mean(rows[[y]])
  }
  if (!all(selected) || is.null(design)) design <- by_donor(rows)
  out <- list(id = comparison$id, groups = group_means(design, shown, a, comparison$reference))
  if (outcome$kind == "ordinal") {
    out$rawOdds <- clustered(ordered_logit, rows, "y_", a, character(0), pooled, others)
    out$adjusted <- if (length(factors) == 0) out$rawOdds else clustered(ordered_logit, rows, "y_", a, factors, pooled, others)
  } else {
    out$adjusted <- clustered(if (outcome$kind == "rate") logit else ols, rows, y, a, factors, pooled, others)
  }
  if (!is.null(raked)) {
    # Every group of the attribute is a domain of the stratum's one raked design; the shown ones are kept.
    by <- svyby(as.formula(paste0("~", shown)), as.formula(paste0("~", a)), raked, svymean, na.rm.by = TRUE)
    pick <- as.character(by[[a]]) %in% kept
    out$raked <- list(levels = as.character(by[[a]])[pick], estimate = unname(coef(by)[pick]), stdError = unname(SE(by)[pick]))
  }
  out
}

margins <- plan$margins
rake_rows <- function(rows) {
  within <- Reduce(`&`, lapply(margins, function(m) !is.na(rows[[m$column]]) & trimws(rows[[m$column]]) %in% unlist(m$levels)), TRUE)
  design <- by_donor(rows[within, , drop = FALSE])
  totals <- lapply(margins, function(m) setNames(data.frame(unlist(m$levels), unlist(m$totals)), c(m$column, "Freq")))
  rake(design, lapply(margins, function(m) as.formula(paste0("~", m$column))), totals, control = list(maxit = 100, epsilon = 1e-10))
}

results <- list()
for (outcome in plan$outcomes) {
  y <- outcome$name
  rows <- d[!is.na(d[[y]]), , drop = FALSE]
  if (outcome$kind == "ordinal") {
    rows <- rows[trimws(rows[[y]]) %in% unlist(outcome$order), , drop = FALSE]
    rows$y_ <- factor(trimws(rows[[y]]), levels = unlist(outcome$order))
    rows$position_ <- as.integer(rows$y_)
  }
  within <- unlist(outcome$within)
  key <- if (length(within) == 0) rep("", nrow(rows)) else do.call(paste, c(unname(as.list(rows[within])), sep = " / "))
  strata <- list()
  for (stratum in outcome$strata) {
    part <- rows[key == stratum$key, , drop = FALSE]
    part$stratum_ <- stratum$key
    # Pooled numbers: the percentile rank within the stratum, turned so that higher is favourable.
    if (outcome$kind == "mean") part$rank_ <- 100 * (rank(part[[y]]) - 0.5) / nrow(part)
    if (outcome$kind == "mean" && stratum$lowerIsBetter) part$rank_ <- 100 - part$rank_
    strata[[paste0("stratum ", stratum$key)]] <- list(rows = part, raked = if (isTRUE(stratum$raked)) rake_rows(part) else NULL)
  }
  # The pooled rows (where two or more strata are shown): numbers as their ranks, the stratum a fixed effect.
  if (length(strata) >= 2) {
    pooled_rows <- do.call(rbind, lapply(strata, `[[`, "rows"))
    if (outcome$kind == "mean") pooled_rows[[y]] <- pooled_rows$rank_
  }
  for (comparison in outcome$comparisons) {
    a <- comparison$attribute
    if (is.null(comparison$stratum)) {
      part <- pooled_rows
      part$group_ <- group_of(part[[a]])
      results[[length(results) + 1]] <- fit_comparison(comparison, part, NULL, outcome, NULL)
    } else {
      name <- paste0("stratum ", comparison$stratum)
      stratum <- strata[[name]]
      part <- stratum$rows
      part$group_ <- group_of(part[[a]])
      # One design per stratum, built on first use and reused while its rows are all compared.
      if (is.null(stratum$design)) strata[[name]]$design <- stratum$design <- by_donor(part)
      results[[length(results) + 1]] <- fit_comparison(comparison, part, stratum$design, outcome, stratum$raked)
    }
  }
}

# The share table: one row per donor (their first record), raked to the margins; the raked shares.
shares <- list()
if (length(margins) > 0) {
  share_design <- rake_rows(d[!duplicated(d$donor), , drop = FALSE])
  shares <- lapply(margins, function(m) as.vector(prop.table(svytable(as.formula(paste0("~", m$column)), share_design))))
}

# The personal packs' statistics: per outcome, peer groups of at least k donors (mean, median,
# deciles of type 7) and the model on the legitimate factors with a percentile grid of its residuals.
pack <- lapply(plan$pack$outcomes, function(outcome) {
  y <- outcome$name
  rows <- d[!is.na(d[[y]]), , drop = FALSE]
  peers <- 0
  for (set in plan$pack$factorSets) {
    set <- unlist(set)
    ok <- Reduce(`&`, lapply(set, function(f) !is.na(rows[[f]]) & !(rows[[f]] %in% no_answer)))
    part <- rows[ok, , drop = FALSE]
    key <- do.call(paste, c(unname(as.list(part[set])), sep = "\r"))
    big <- tapply(part$donor, key, function(x) length(unique(x))) >= plan$k
    statistics <- lapply(split(part[[y]], key)[names(big)[big]], function(v) c(mean = mean(v), quantile(v, (1:9) / 10, type = 7)))
    peers <- peers + length(statistics)
  }
  formula <- as.formula(paste(y, "~", paste(unlist(plan$pack$legitimate), collapse = " + ")))
  fit <- if (outcome$binary) glm(formula, family = binomial, data = rows) else lm(formula, data = rows)
  list(outcome = y, peerGroups = peers, terms = names(coef(fit)), estimate = unname(coef(fit)),
       residualPercentiles = unname(quantile(residuals(fit, type = "response"), (1:99) / 100, type = 7)))
})

finished <- proc.time()[["elapsed"]]
out <- list(comparisons = results, shares = shares, pack = pack, seconds = list(loading = loaded - started, work = finished - loaded))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), file.path(folder, "r-results.json"))
