// yaml::quote: UTF-8 validation shared by the emitter and the generators.
#include <gtest/gtest.h>

#include <string>

#include "yaml/quote.h"

using berth::yaml::quote::is_utf8;

TEST(Quote, IsUtf8AcceptsWellFormedText) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("plain ascii\n"));
  EXPECT_TRUE(is_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")); // é € 😀
  EXPECT_TRUE(is_utf8(std::string("nul \0 is valid UTF-8", 20)));
}

TEST(Quote, IsUtf8RejectsMalformedSequences) {
  EXPECT_FALSE(is_utf8("\x80"));                 // lone continuation byte
  EXPECT_FALSE(is_utf8("\xC3"));                 // truncated
  EXPECT_FALSE(is_utf8("\xC3("));                // bad continuation
  EXPECT_FALSE(is_utf8("\xC0\xAF"));             // overlong '/'
  EXPECT_FALSE(is_utf8("\xED\xA0\x80"));         // surrogate U+D800
  EXPECT_FALSE(is_utf8("\xF4\x90\x80\x80"));     // past U+10FFFF
  EXPECT_FALSE(is_utf8("\xF8\x88\x80\x80\x80")); // 5-byte form
  EXPECT_FALSE(is_utf8("ok then \xFF"));
}
