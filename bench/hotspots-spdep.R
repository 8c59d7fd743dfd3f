#!/usr/bin/env Rscript
# The peer of `mirador hotspots` in bench_hotspots: R spdep doing the same job as one process,
# from the files to a CSV: read the municipalities (00mun.shp) and build queen contiguity, read
# INEGI's homicide table and sum one year per municipality, then Gi* (localG_perm) and local
# Moran (localmoran_perm), each with 999 conditional permutations (their default is 499).
#   Rscript bench/hotspots-spdep.R DATA_DIR YEAR OUT.csv
suppressPackageStartupMessages({ library(sf); library(spdep) })
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; year <- as.integer(args[2]); out <- args[3]
mun <- st_read(file.path(data_dir, "mx/00mun.shp"), quiet = TRUE)
codes <- as.character(mun$CVEGEO)
queen <- poly2nb(mun, queen = TRUE)
hom <- read.csv(file.path(data_dir, "incidents/inegi_homicide_deaths_mun_month_1990_2015.csv"),
                colClasses = c("integer", "integer", "character", "character", "character", "character", "numeric"))
h <- hom[hom$YEAR_REG == year, ]
sums <- tapply(h$HOMICIDES, h$CVEGEO, sum)
count <- as.numeric(sums[codes]); count[is.na(count)] <- 0
set.seed(1)
gi <- localG_perm(count, nb2listw(include.self(queen), style = "B"), nsim = 999)
lm <- localmoran_perm(count, nb2listw(queen, style = "W"), nsim = 999)
write.csv(data.frame(cvegeo = codes, count = count, gistar_z = as.numeric(gi),
                     lisa_Ii = lm[, 1], lisa_z = lm[, 4], lisa_p_sim = lm[, 6]), out, row.names = FALSE)
