// Tests for Compose value units: Go durations, go-units byte sizes, cpus.
#include "compose/units.h"

#include <gtest/gtest.h>

namespace berth::compose {
namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kS = 1'000 * kMs;

TEST(Duration, SingleUnits) {
  EXPECT_EQ(parse_duration_ns("10ns"), 10);
  EXPECT_EQ(parse_duration_ns("10us"), 10'000);
  EXPECT_EQ(parse_duration_ns("10\xC2\xB5s"), 10'000); // µs, micro sign
  EXPECT_EQ(parse_duration_ns("10\xCE\xBCs"), 10'000); // μs, Greek mu
  EXPECT_EQ(parse_duration_ns("300ms"), 300 * kMs);
  EXPECT_EQ(parse_duration_ns("30s"), 30 * kS);
  EXPECT_EQ(parse_duration_ns("2m"), 120 * kS);
  EXPECT_EQ(parse_duration_ns("1h"), 3600 * kS);
}

TEST(Duration, CombinedAndFractional) {
  EXPECT_EQ(parse_duration_ns("1h2m3.5s"), 3723 * kS + 500 * kMs);
  EXPECT_EQ(parse_duration_ns("1m30s"), 90 * kS);
  EXPECT_EQ(parse_duration_ns("1.5h"), 5400 * kS);
  EXPECT_EQ(parse_duration_ns(".5s"), 500 * kMs);
  EXPECT_EQ(parse_duration_ns("1.s"), kS);
  EXPECT_EQ(parse_duration_ns("+5s"), 5 * kS);
  EXPECT_EQ(parse_duration_ns("-2s"), -2 * kS);
}

TEST(Duration, ZeroNeedsNoUnit) {
  EXPECT_EQ(parse_duration_ns("0"), 0);
  EXPECT_EQ(parse_duration_ns("-0"), 0);
  EXPECT_EQ(parse_duration_ns("0s"), 0);
}

TEST(Duration, BareIntegerIsRejectedLikeCompose) {
  // compose-go decodes durations with time.ParseDuration: "10" is "missing unit in duration".
  EXPECT_EQ(parse_duration_ns("10"), std::nullopt);
}

TEST(Duration, Malformed) {
  for (const char* bad : {"", "s", ".", ".s", "1x", "1 s", "1s ", "-", "1h-2m", "1e3s"})
    EXPECT_EQ(parse_duration_ns(bad), std::nullopt) << bad;
}

TEST(Duration, Overflow) {
  EXPECT_EQ(parse_duration_ns("9223372036854775807ns"), INT64_MAX);
  EXPECT_EQ(parse_duration_ns("9223372036854775808ns"), std::nullopt);
  EXPECT_EQ(parse_duration_ns("3000000h"), std::nullopt);
}

TEST(Duration, FormatLikeGo) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(1), "1ns");
  EXPECT_EQ(format_duration(1'500), "1.5\xC2\xB5s");
  EXPECT_EQ(format_duration(500 * kMs), "500ms");
  EXPECT_EQ(format_duration(1'500 * kMs), "1.5s");
  EXPECT_EQ(format_duration(10 * kS), "10s");
  EXPECT_EQ(format_duration(90 * kS), "1m30s");
  EXPECT_EQ(format_duration(3600 * kS), "1h0m0s");
  EXPECT_EQ(format_duration(3723 * kS + 500 * kMs), "1h2m3.5s");
  EXPECT_EQ(format_duration(-90 * kS), "-1m30s");
  EXPECT_EQ(format_duration(INT64_MIN), "-2562047h47m16.854775808s");
}

TEST(Duration, FormatParsesBack) {
  for (std::int64_t ns : {std::int64_t{1}, 1'234'567 * std::int64_t{1}, 61 * kS, 7 * 3600 * kS + 1})
    EXPECT_EQ(parse_duration_ns(format_duration(ns)), ns);
}

TEST(Bytes, PlainAndUnits) {
  EXPECT_EQ(parse_bytes("100"), 100);
  EXPECT_EQ(parse_bytes("32b"), 32);
  EXPECT_EQ(parse_bytes("32B"), 32);
  EXPECT_EQ(parse_bytes("32k"), 32 * 1024);
  EXPECT_EQ(parse_bytes("2kb"), 2048);
  EXPECT_EQ(parse_bytes("32Kib"), 32 * 1024);
  EXPECT_EQ(parse_bytes("32KIB"), 32 * 1024);
  EXPECT_EQ(parse_bytes("512m"), 512LL << 20);
  EXPECT_EQ(parse_bytes("512MiB"), 512LL << 20);
  EXPECT_EQ(parse_bytes("1g"), 1LL << 30);
  EXPECT_EQ(parse_bytes("32Tb"), 32LL << 40);
  EXPECT_EQ(parse_bytes("32P"), 32LL << 50);
  EXPECT_EQ(parse_bytes("32 m"), 32LL << 20);
  EXPECT_EQ(parse_bytes("32 "), 32); // go-units' optional space may be followed by no unit
}

TEST(Bytes, FractionsTruncateLikeGoUnits) {
  EXPECT_EQ(parse_bytes("1.5g"), 3LL << 29);
  EXPECT_EQ(parse_bytes("32.3"), 32);
  EXPECT_EQ(parse_bytes("32.3 mb"), static_cast<std::int64_t>(32.3 * 1048576));
  EXPECT_EQ(parse_bytes("0.3MB"), static_cast<std::int64_t>(0.3 * 1048576));
}

TEST(Bytes, Malformed) {
  for (const char* bad : {"", "hello", "-32", " 32", "32  ", "32m b", "32bm", ".3k", "1.k",
                          "1.2.3m", "32x", "99999999999p"})
    EXPECT_EQ(parse_bytes(bad), std::nullopt) << bad;
}

TEST(Bytes, ToQuantity) {
  EXPECT_EQ(bytes_to_quantity(512LL << 20), "512Mi");
  EXPECT_EQ(bytes_to_quantity(3LL << 29), "1536Mi");
  EXPECT_EQ(bytes_to_quantity(1LL << 30), "1Gi");
  EXPECT_EQ(bytes_to_quantity(2048), "2Ki");
  EXPECT_EQ(bytes_to_quantity(1000), "1000");
  EXPECT_EQ(bytes_to_quantity(0), "0");
  EXPECT_EQ(bytes_to_quantity(1LL << 60), "1Ei");
}

TEST(Cpus, Millicores) {
  EXPECT_EQ(parse_cpus_milli("0.5"), 500);
  EXPECT_EQ(parse_cpus_milli("2"), 2000);
  EXPECT_EQ(parse_cpus_milli("1.25"), 1250);
  EXPECT_EQ(parse_cpus_milli(".5"), 500);
  EXPECT_EQ(parse_cpus_milli("0.001"), 1);
  EXPECT_EQ(parse_cpus_milli("0"), 0);
  EXPECT_EQ(parse_cpus_milli("0.000"), 0);
}

TEST(Cpus, RoundsHalfUpAndNeverToZero) {
  EXPECT_EQ(parse_cpus_milli("0.0015"), 2);
  EXPECT_EQ(parse_cpus_milli("0.0014"), 1);
  EXPECT_EQ(parse_cpus_milli("0.0004"), 1); // positive stays positive
  EXPECT_EQ(parse_cpus_milli("1.9999"), 2000);
}

TEST(Cpus, Malformed) {
  for (const char* bad : {"", "-1", "abc", "1.2.3", ".", "1 ", "0.5cpu"})
    EXPECT_EQ(parse_cpus_milli(bad), std::nullopt) << bad;
}

TEST(Cpus, ToQuantity) {
  EXPECT_EQ(millicores_to_quantity(500), "500m");
  EXPECT_EQ(millicores_to_quantity(2000), "2");
  EXPECT_EQ(millicores_to_quantity(1250), "1250m");
  EXPECT_EQ(millicores_to_quantity(0), "0");
}

} // namespace
} // namespace berth::compose
