// Environment variables of a service, with where each value came from.
#pragma once

#include <optional>
#include <string>

#include "model/origin.h"

namespace berth::model {

enum class EnvSource {
  Inline,  // `environment:` with a value
  EnvFile, // read from an `env_file`
  Host,    // `environment: {KEY: null}` / `- KEY`, value taken from berth's environment
  Unset,   // `- KEY` with no value anywhere: the container gets no such variable
};
const char* to_string(EnvSource s);

struct EnvVar {
  std::string name;
  std::optional<std::string> value; // nullopt only for Unset
  EnvSource source = EnvSource::Inline;
  std::string file; // the env_file path for EnvFile
  Origin at;
  friend bool operator==(const EnvVar&, const EnvVar&) = default;
};

// One `env_file` entry (long syntax).
struct EnvFileRef {
  std::string path;
  bool required = true;
  std::string format; // empty: dotenv
  Origin at;
  friend bool operator==(const EnvFileRef&, const EnvFileRef&) = default;
};

} // namespace berth::model
