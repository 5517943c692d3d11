# Reference values from R's `survey` package for tsunagari's estimates and evaluation.
#
#   Rscript tests/surveys/r/reference.R      (Debian: apt-get install r-cran-survey)
#
# Reads the inputs in tests/surveys/fixtures/ (made by make_inputs.py) and writes
#   reference_estimates.csv   every indicator, overall and by age_group and sex, for each
#                             design and each lonely-PSU rule: estimate, SE, n, degf, and the
#                             intervals of svyciprop(method = "logit"), svyciprop(method =
#                             "beta") and confint(svymean, df = degf)
#   reference_failures.csv    what R says when a single-PSU stratum meets lonely.psu "fail"
#   reference_evaluation.csv  paired t-test, Wilcoxon signed-rank, Cohen's dz and its interval
#                             (noncentral t) for the before/after programme files
# Numbers are written with 17 significant digits.

suppressMessages(library(survey))

script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg)))
})
fixtures <- file.path(script_dir, "..", "fixtures")

direct_labels <- c("しばしばある・常にある" = 1, "時々ある" = 2, "たまにある" = 3,
                   "ほとんどない" = 4, "決してない" = 5)
ucla_labels <- c("決してない" = 1, "ほとんどない" = 2, "時々ある" = 3, "常にある" = 4)

to_code <- function(x, labels) {
  x <- trimws(x)
  code <- suppressWarnings(as.integer(x))
  named <- x %in% names(labels)
  code[named] <- labels[x[named]]
  code[x == ""] <- NA
  code
}

read_answers <- function(file) {
  d <- read.csv(file, colClasses = "character", fileEncoding = "UTF-8-BOM",
                check.names = FALSE, na.strings = character(0))
  d$direct <- to_code(d$q_direct, direct_labels)
  d$ucla <- to_code(d$ucla_1, ucla_labels) + to_code(d$ucla_2, ucla_labels) +
    to_code(d$ucla_3, ucla_labels)
  d
}

read_survey <- function(file) {
  d <- read_answers(file)
  d$direct_often_always <- as.numeric(d$direct == 1)
  d$direct_any <- as.numeric(d$direct <= 3)
  d$ucla3_mean <- d$ucla
  d$ucla3_high <- as.numeric(d$ucla >= 10)
  for (by in c("age_group", "sex")) d[[by]][d[[by]] == ""] <- NA
  if ("weight" %in% names(d)) d$weight <- as.numeric(d$weight)
  d
}

make_design <- function(d) {
  ids <- if ("psu" %in% names(d)) ~psu else ~1
  strata <- if ("stratum" %in% names(d)) ~stratum else NULL
  weights <- if ("weight" %in% names(d)) ~weight else NULL
  svydesign(ids = ids, strata = strata, weights = weights, data = d, nest = TRUE)
}

indicators <- c(direct_often_always = TRUE, direct_any = TRUE,
                ucla3_mean = FALSE, ucla3_high = TRUE)

ci_or_na <- function(expr) {
  tryCatch(suppressWarnings(as.numeric(attr(expr, "ci"))), error = function(e) c(NA, NA))
}

cell <- function(dd, var, proportion) {
  formula <- as.formula(paste0("~", var))
  m <- svymean(formula, dd)
  est <- unname(coef(m))
  se <- unname(SE(m))
  df <- degf(dd)
  n <- nrow(dd)
  row <- data.frame(estimate = est, se = se, n = n, df = df,
                    logit_low = NA, logit_high = NA, beta_low = NA, beta_high = NA,
                    mean_low = NA, mean_high = NA, kg_at_n_low = NA, kg_at_n_high = NA)
  if (proportion) {
    logit <- ci_or_na(svyciprop(formula, dd, method = "logit"))
    beta <- ci_or_na(svyciprop(formula, dd, method = "beta"))
    row[c("logit_low", "logit_high")] <- logit
    row[c("beta_low", "beta_high")] <- beta
    # Korn-Graubard at the unweighted n (design effect 1): tsunagari's interval where the
    # estimate is 0 or 1 and svyciprop returns NaN.
    n_eff <- n * (qt(0.025, n - 1) / qt(0.025, df))^2
    row$kg_at_n_low <- if (est == 0) 0 else qbeta(0.025, n_eff * est, n_eff * (1 - est) + 1)
    row$kg_at_n_high <- if (est == 1) 1 else qbeta(0.975, n_eff * est + 1, n_eff * (1 - est))
  } else {
    row[c("mean_low", "mean_high")] <- as.numeric(confint(m, df = df))
  }
  row
}

estimates <- function(dataset, rule) {
  options(survey.lonely.psu = rule)
  d <- read_survey(file.path(fixtures, paste0(dataset, ".csv")))
  design <- make_design(d)
  out <- list()
  for (var in names(indicators)) {
    answered <- design[!is.na(design$variables[[var]]), ]
    out[[length(out) + 1]] <- cbind(
      data.frame(dataset = dataset, lonely_psu = rule, indicator = var,
                 breakdown = "", level = ""),
      cell(answered, var, indicators[[var]]))
    for (by in c("age_group", "sex")) {
      levels <- sort(unique(na.omit(answered$variables[[by]])))
      # Domains the way svyby does them must agree with the explicit subsets below.
      by_r <- svyby(as.formula(paste0("~", var)), as.formula(paste0("~", by)), answered,
                    svymean)
      for (level in levels) {
        domain <- answered[answered$variables[[by]] %in% level, ]
        row <- cell(domain, var, indicators[[var]])
        at <- match(level, as.character(by_r[[by]]))
        stopifnot(isTRUE(all.equal(row$estimate, unname(coef(by_r))[at], tolerance = 1e-12)))
        stopifnot(isTRUE(all.equal(row$se, unname(SE(by_r))[at], tolerance = 1e-12)))
        out[[length(out) + 1]] <- cbind(
          data.frame(dataset = dataset, lonely_psu = rule, indicator = var,
                     breakdown = by, level = level),
          row)
      }
    }
  }
  do.call(rbind, out)
}

runs <- list(
  c("design_full", "fail"),
  c("design_srs", "fail"),
  c("design_strata_only", "fail"),
  c("design_lonely", "adjust"),
  c("design_lonely", "average"),
  c("design_lonely", "certainty"),
  c("design_lonely", "remove")
)
table <- do.call(rbind, lapply(runs, function(r) estimates(r[1], r[2])))

failure <- tryCatch({
  options(survey.lonely.psu = "fail")
  d <- read_survey(file.path(fixtures, "design_lonely.csv"))
  svymean(~direct_often_always, make_design(d), na.rm = TRUE)
  "no error"
}, error = function(e) conditionMessage(e))
options(survey.lonely.psu = "fail")

paired <- function(pre, post, measure) {
  both <- merge(pre, post, by = "id", suffixes = c("_pre", "_post"))
  before <- both[[paste0(measure, "_pre")]]
  after <- both[[paste0(measure, "_post")]]
  keep <- !is.na(before) & !is.na(after)
  before <- before[keep]
  after <- after[keep]
  change <- after - before
  n <- length(change)
  t <- t.test(after, before, paired = TRUE)
  w <- suppressWarnings(wilcox.test(after, before, paired = TRUE))
  exact <- n < 50 && !any(change == 0) && !any(duplicated(abs(change)))
  dz <- mean(change) / sd(change)
  t_obs <- dz * sqrt(n)
  # The noncentral t interval for dz: the noncentrality parameters that put t_obs at the
  # 97.5th and 2.5th percentiles, divided by sqrt(n).
  bound <- function(p) {
    uniroot(function(ncp) pt(t_obs, n - 1, ncp) - p, c(t_obs - 40, t_obs + 40),
            tol = 1e-13)$root / sqrt(n)
  }
  data.frame(measure = measure, n_pre = nrow(pre), n_post = nrow(post), n_paired = n,
             mean_pre = mean(before), mean_post = mean(after), mean_change = mean(change),
             sd_change = sd(change), change_low = t$conf.int[1], change_high = t$conf.int[2],
             t = unname(t$statistic), t_df = unname(t$parameter), t_p = t$p.value,
             wilcoxon_v = unname(w$statistic), wilcoxon_p = w$p.value, wilcoxon_exact = exact,
             dz = dz, dz_low = bound(0.975), dz_high = bound(0.025))
}

evaluation <- function(name) {
  pre <- read_answers(file.path(fixtures, paste0(name, "_pre.csv")))
  post <- read_answers(file.path(fixtures, paste0(name, "_post.csv")))
  # The direct question on a "higher = lonelier" frequency scale: 6 - code.
  pre$direct_frequency <- 6 - pre$direct
  post$direct_frequency <- 6 - post$direct
  keep <- c("id", "ucla", "direct_frequency")
  rows <- rbind(paired(pre[keep], post[keep], "ucla"),
                paired(pre[keep], post[keep], "direct_frequency"))
  cbind(data.frame(dataset = name), rows)
}
evaluations <- rbind(evaluation("programme"), evaluation("programme_small"))

write_numbers <- function(frame, file) {
  for (column in names(frame)) {
    if (is.double(frame[[column]])) {
      frame[[column]] <- ifelse(is.na(frame[[column]]), "NA",
                                sprintf("%.17g", frame[[column]]))
    }
  }
  write.csv(frame, file.path(fixtures, file), row.names = FALSE, fileEncoding = "UTF-8")
}
write_numbers(table, "reference_estimates.csv")
write_numbers(evaluations, "reference_evaluation.csv")
write.csv(data.frame(dataset = "design_lonely", lonely_psu = "fail", message = failure),
          file.path(fixtures, "reference_failures.csv"), row.names = FALSE,
          fileEncoding = "UTF-8")
cat("R", R.version$major, R.version$minor, "survey", format(packageVersion("survey")), "\n")
cat("wrote", nrow(table), "estimates and", nrow(evaluations), "evaluation rows\n")
