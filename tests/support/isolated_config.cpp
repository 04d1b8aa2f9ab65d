// Points XDG_CONFIG_HOME at a temp dir in every test binary, so sealing (in-process or in a
// berth child, which inherits it) never creates the real ~/.config/berth/seal-key of whoever
// runs the tests. Linked into each test_* executable by berth_tests (CMakeLists.txt).
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
