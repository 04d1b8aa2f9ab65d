# Thin convenience wrapper; the real entry point is scripts/dev.sh.
.PHONY: demo test build asan fuzz bench
demo:
	scripts/dev.sh demo
test:
	scripts/dev.sh test
build:
	scripts/dev.sh build
asan:
	cmake --preset asan && cmake --build --preset asan -j2 && ctest --preset asan -j2
fuzz:
	cmake --preset fuzz && cmake --build --preset fuzz -j2
bench:
	bench/run_yaml_bench.sh
