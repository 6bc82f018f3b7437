# The README's commands. `make demo` runs the main job on a shipped data set; `make test` runs the tests.
SWIFT ?= swift
BIN = .build/release/cvkit

.PHONY: demo test deps build check-foundation bench reports

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product cvkit

demo: build
	$(BIN) kfold --k 10 datasets/iris.csv

test: deps
	$(SWIFT) test

# A model file read into PyTorch gives cvkit's probabilities (bench/torch_interop.py), and 100 training steps
# from identical weights and batches give PyTorch's parameters (bench/torch_steps.py). Installs the pinned
# reference packages as bench-reference does; needs ../shared/bench.
.PHONY: check-torch
check-torch: build
	bash ../shared/bench/setup.sh
	python3 bench/torch_interop.py $(BIN)
	$(SWIFT) build -c release --product cvkit-bench
	OPENBLAS_NUM_THREADS=1 .build/release/cvkit-bench datasets/penguins.csv --label species --trace-out /tmp/cvkit-trace-penguins --trace-steps 30 --epochs 20 --runs 1
	python3 bench/torch_steps.py /tmp/cvkit-trace-penguins
	OPENBLAS_NUM_THREADS=1 .build/release/cvkit-bench datasets/digits.csv --trace-out /tmp/cvkit-trace-digits --trace-steps 100 --epochs 20 --runs 1
	python3 bench/torch_steps.py /tmp/cvkit-trace-digits

# The empirical coverage of the accuracy intervals (plain t, corrected resampled t, pooled Wilson) on a
# synthetic problem with a known answer, 1000 replications per setting: writes docs/coverage.md (~3 min here).
.PHONY: coverage
coverage: deps
	$(SWIFT) build -c release --product cvkit-coverage
	.build/release/cvkit-coverage --replications 1000 --out docs/coverage.md

# Another package depends on CVKit by version, with the README's "Use from Swift" block as its main.swift.
.PHONY: check-consumer
check-consumer: deps
	scripts/check-consumer

# The acceptance script of the foundation issue (needs ../shared).
check-foundation: deps
	bash ../shared/checks/foundation.sh

# Release-mode speed (bench/README.md): loading (MB/s, peak RSS) and one-thread training throughput
# (samples/s, GFLOP/s, share of peak) with cvkit-bench; then the issue's whole jobs with `cvkit kfold`
# (median wall, throughput, GFLOP/s, accuracy, peak RSS) on digits and on the 100000 x 100 synthetic
# set (made with ../shared/bench/make_synthetic.py when missing), and scaling with --jobs, rows and k.
# `make bench-reference` runs the PyTorch and pandas references for the figures beside them.
SYNTHETIC ?= /tmp/synthetic_100000x100_c10_i30_s0.csv
# A real-world-shaped table (id, numbers with gaps, categories): loading speed of the preprocessing paths.
MIXED ?= /tmp/mixed_100000.csv
bench: deps
	$(SWIFT) build -c release --product cvkit-bench
	OPENBLAS_NUM_THREADS=1 .build/release/cvkit-bench datasets/digits.csv --epochs 20 --runs 5 --peak $$(python3 bench/core_peak.py)
	@[ -f $(SYNTHETIC) ] || python3 ../shared/bench/make_synthetic.py --out $(SYNTHETIC)
	OPENBLAS_NUM_THREADS=1 .build/release/cvkit-bench $(SYNTHETIC) --epochs 5 --runs 3 --peak $$(python3 bench/core_peak.py)
	@[ -f $(MIXED) ] || python3 bench/make_mixed.py --out $(MIXED)
	OPENBLAS_NUM_THREADS=1 .build/release/cvkit-bench $(MIXED) --load-only --runs 9
	$(SWIFT) build -c release --product cvkit
	python3 bench/cv_jobs.py $(BIN) datasets/digits.csv --k 10 --epochs 20 --runs 5
	python3 bench/cv_jobs.py $(BIN) $(SYNTHETIC) --k 5 --epochs 5 --runs 5
	python3 bench/cv_jobs.py $(BIN) $(SYNTHETIC) --k 5 --epochs 5 --runs 3 --init torch
	python3 bench/scaling.py $(BIN) $(SYNTHETIC) datasets/digits.csv --runs 3
	python3 bench/race_and_memory.py $(BIN) --runs 3

# The references of bench/README.md, side by side with `make bench` (needs ../shared/bench and pip).
.PHONY: bench-reference
bench-reference:
	@[ -f $(SYNTHETIC) ] || python3 ../shared/bench/make_synthetic.py --out $(SYNTHETIC)
	bash ../shared/bench/setup.sh
	python3 ../shared/bench/parse_bench.py $(SYNTHETIC)
	@[ -f $(MIXED) ] || python3 bench/make_mixed.py --out $(MIXED)
	python3 -c "import polars" 2>/dev/null || python3 -m pip install -q polars
	python3 bench/load_reference.py $(SYNTHETIC) $(MIXED)
	python3 ../shared/bench/torch_cv.py datasets/digits.csv --threads 2 --repeats 3
	python3 ../shared/bench/torch_cv.py datasets/digits.csv --threads 2 --init he --repeats 3
	python3 ../shared/bench/torch_cv.py $(SYNTHETIC) --folds 5 --epochs 5 --threads 2 --repeats 3
	python3 ../shared/bench/torch_cv.py $(SYNTHETIC) --folds 5 --epochs 5 --threads 2 --init he --repeats 3

# Example reports for the shipped data sets, committed under reports/ (same seed, same machine: same bytes).
REPORT_RUNS = \
	"kfold --k 10 datasets/iris.csv --quiet" \
	"kfold --k 10 datasets/wine.csv --quiet" \
	"kfold --k 10 datasets/breast_cancer.csv --quiet" \
	"kfold --k 10 datasets/digits.csv --quiet" \
	"kfold --k 10 datasets/penguins.csv --label species --quiet" \
	"kfold --k 10 datasets/titanic.csv --label survived --metric roc-auc --quiet" \
	"loocv datasets/iris.csv --quiet" \
	"split datasets/wine.csv --val 0.15 --test 0.15 --epochs 100 --quiet" \
	"sanity datasets/wine.csv --quiet" \
	"sanity datasets/digits.csv --quiet" \
	"search datasets/wine.csv --method coarse-to-fine --trials 10 --rounds 3 --k 5 --quiet" \
	"search datasets/digits.csv --method coarse-to-fine --trials 8 --rounds 3 --k 5 --quiet" \
	"nested datasets/wine.csv --outer 5 --inner 3 --trials 20 --quiet" \
	"nested datasets/digits.csv --outer 5 --inner 3 --trials 12 --quiet" \
	"compare datasets/breast_cancer.csv --a '--hidden 128,64' --b '--hidden \"\"' --quiet"

reports: build
	rm -rf reports/*-kfold-* reports/*-loocv-* reports/*-split-* reports/*-sanity-* reports/*-search-* reports/*-nested-* reports/*-compare-*
	@for run in $(REPORT_RUNS); do echo "cvkit $$run"; eval "$(BIN) $$run --report-dir reports" || exit 1; done

# The committed reports against fresh ones by the rule the README states: on another CPU, numbers agree to their
# printed precision (scripts/compare-reports); on this machine they have the same bytes.
.PHONY: check-reports
check-reports: build
	rm -rf /tmp/cvkit-check-reports && mkdir -p /tmp/cvkit-check-reports
	@for run in $(REPORT_RUNS); do eval "$(BIN) $$run --report-dir /tmp/cvkit-check-reports" >/dev/null || exit 1; done
	scripts/compare-reports reports /tmp/cvkit-check-reports

# The README's example outputs against the binary's (scripts/readme-examples; --write rewrites them).
.PHONY: readme-examples
readme-examples: build
	scripts/readme-examples

# libFuzzer + AddressSanitizer run of the CSV loader for FUZZ_SECONDS (Tests/Fuzz/README.md); fails on
# any crash, leak or hang. Builds into .build-fuzz, not .build.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)
