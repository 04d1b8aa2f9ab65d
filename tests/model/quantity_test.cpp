// Exact quantity parsing shared by the generator (LimitRange defaults, volume sizes) and the
// capacity rules of `berth check`.
#include <gtest/gtest.h>

#include "model/quantity.h"

namespace berth::model {
namespace {

TEST(QuantityMillis, ParsesEveryForm) {
  EXPECT_EQ(quantity_millis("250m"), 250);
  EXPECT_EQ(quantity_millis("2"), 2000);
  EXPECT_EQ(quantity_millis("0.5"), 500);
  EXPECT_EQ(quantity_millis(".5"), 500);
  EXPECT_EQ(quantity_millis("0.1"), 100); // exact decimal, no 101 from floating point
  EXPECT_EQ(quantity_millis("+1.5k"), 1'500'000);
  EXPECT_EQ(quantity_millis("1Ki"), 1'024'000);
  EXPECT_EQ(quantity_millis("1e3"), 1'000'000);
  EXPECT_EQ(quantity_millis("5E-3"), 5);
  EXPECT_EQ(quantity_millis("1.0001"), 1001); // rounds up like MilliValue
  EXPECT_EQ(quantity_millis("0.0001"), 1);
  EXPECT_EQ(quantity_millis("0"), 0);
}

TEST(QuantityMillis, RejectsWhatTheApiServerRejects) {
  for (const char* bad : {"", "-1", "m", "1.2.3", "1x", "1 m", "1e", "1e1234", "abc", "1Kii",
                          "99999999999999999999999", "9Ei"})
    EXPECT_FALSE(quantity_millis(bad).has_value()) << bad;
}

TEST(QuantityBytes, ExactAndRoundedUp) {
  EXPECT_EQ(quantity_bytes("150Gi"), 150LL << 30);
  EXPECT_EQ(quantity_bytes("1.5Gi"), 3LL << 29);
  EXPECT_EQ(quantity_bytes("0.1Ki"), 103); // 102.4 rounds up
  EXPECT_EQ(quantity_bytes("100m"), 1);    // like Quantity.Value()
  EXPECT_EQ(quantity_bytes("8Ei"), std::nullopt); // beyond int64
  EXPECT_EQ(quantity_scaled("1.5", 1), 15);
}

} // namespace
} // namespace berth::model
