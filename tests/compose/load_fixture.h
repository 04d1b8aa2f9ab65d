// Helpers for loader tests: fixture projects in temp dirs, expected trees from YAML text.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/error.h"
#include "compose/load.h"
#include "support/test_support.h"
#include "yaml/emit.h"
#include "yaml/parse.h"

namespace berth::compose::test_load {

namespace fs = std::filesystem;

// A canonical directory path (temp dirs may sit behind symlinks such as /tmp on macOS).
inline fs::path project(const std::string& prefix = "berth-load") {
  return fs::weakly_canonical(berth::test::temp_dir(prefix));
}

inline yaml::Node yaml_of(const std::string& text) {
  return yaml::parse_document(text, "expected");
}

inline LoadOptions options_in(const fs::path& dir) {
  LoadOptions o;
  o.working_dir = dir.string();
  o.process_env = {{"HOME", "/home/tester"}};
  return o;
}

// The loaded service `name`, or a failing test.
inline const yaml::Node& service(const LoadedProject& p, const std::string& name) {
  static const yaml::Node missing;
  const yaml::Node* services = p.tree.find("services");
  EXPECT_TRUE(services && services->find(name)) << "service " << name << " missing";
  if (!services || !services->find(name)) return missing;
  return *services->find(name);
}

// Runs `f`, expecting a berth::Error whose text contains `needle`; returns the error text.
template <class F> std::string error_of(F&& f, const std::string& needle) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected an Error containing: " << needle;
  return {};
}

} // namespace berth::compose::test_load

// Compares a loaded subtree with YAML text, printing both on mismatch.
#define EXPECT_TREE(actual, expected_text)                                                      \
  do {                                                                                          \
    const ::berth::yaml::Node& berth_actual_ = (actual);                                        \
    ::berth::yaml::Node berth_expected_ = ::berth::compose::test_load::yaml_of(expected_text);  \
    EXPECT_TRUE(berth_actual_ == berth_expected_)                                               \
        << "actual:\n" << ::berth::yaml::emit(berth_actual_) << "expected:\n"                   \
        << ::berth::yaml::emit(berth_expected_);                                                \
  } while (0)
