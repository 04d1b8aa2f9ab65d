// EXPECT_YAML_EQ: compares a node tree with YAML text semantically, printing both on failure.
#pragma once

#include <gtest/gtest.h>

#include "yaml/emit.h"
#include "yaml/parse.h"

#define EXPECT_YAML_EQ(actual, expected_text)                                                  \
  do {                                                                                         \
    ::berth::yaml::Node expected_ =                                                            \
        ::berth::yaml::parse_document(expected_text, "expected.yaml");                         \
    ::berth::yaml::Node actual_ = (actual);                                                    \
    EXPECT_TRUE(actual_ == expected_) << "got:\n"                                              \
                                      << ::berth::yaml::emit(actual_) << "expected:\n"         \
                                      << ::berth::yaml::emit(expected_);                       \
  } while (0)
