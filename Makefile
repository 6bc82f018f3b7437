# The README's commands. `make demo` runs the main job on a shipped data set; `make test` runs the tests.
SWIFT ?= swift
BIN = .build/release/cvkit

.PHONY: demo test deps build check-foundation

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product cvkit

demo: build
	$(BIN) info datasets/iris.csv
	@echo
	$(BIN) folds datasets/iris.csv --k 5 --seed 0 | head -6

test: deps
	$(SWIFT) test

# The acceptance script of the foundation issue (needs ../shared).
check-foundation: deps
	bash ../shared/checks/foundation.sh
