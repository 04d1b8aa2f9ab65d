// Standard base64: RFC 4648 vectors, every length round trip, strict rejection.
#include <gtest/gtest.h>

#include "seal/base64.h"

using namespace berth::seal;

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (auto [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    auto back = base64_decode(encoded);
    ASSERT_TRUE(back) << encoded;
    EXPECT_EQ(as_view(*back), plain);
  }
}

TEST(Base64, AllBytesEveryLength) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    std::string s = bytes.substr(256 - n);
    auto back = base64_decode(base64_encode(s));
    ASSERT_TRUE(back) << n;
    EXPECT_EQ(as_view(*back), s) << n;
  }
  EXPECT_EQ(base64_encode("\xfb\xff"), "+/8="); // standard alphabet, not URL-safe
}

TEST(Base64, SkipsLineBreaksLikeGo) {
  auto back = base64_decode("Zm9v\nYmFy\r\n");
  ASSERT_TRUE(back);
  EXPECT_EQ(as_view(*back), "foobar");
}

TEST(Base64, RejectsMalformed) {
  for (const char* bad : {"Zg", "Zm9", "Zg=", "Z===", "Zm9v!", "Zm 9v", "Zg==Zg==", "Zm8=x", "-_8="})
    EXPECT_FALSE(base64_decode(bad)) << bad;
}
