// Points XDG_CONFIG_HOME at a temp dir for every CLI test, so a berth run that seals never
// creates the real ~/.config/berth/seal-key of whoever runs the tests (children inherit it).
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/test_support.h"

namespace {

class IsolatedConfig : public ::testing::Environment {
public:
  void SetUp() override {
    ::setenv("XDG_CONFIG_HOME", berth::test::temp_dir("berth-xdg").c_str(), 1);
    ::unsetenv("BERTH_SEAL_KEY");
  }
};

[[maybe_unused]] const auto* registered = ::testing::AddGlobalTestEnvironment(new IsolatedConfig);

} // namespace
