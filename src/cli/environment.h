// The process environment as a Compose interpolation environment.
#pragma once

#include "compose/interpolate.h"

namespace berth::cli {

compose::Environment process_environment();

} // namespace berth::cli
