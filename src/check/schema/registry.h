// Compiled schemas by apiVersion/kind (placeholder until the schema family lands).
#pragma once

namespace berth::check::schema {

class Registry {};

} // namespace berth::check::schema
