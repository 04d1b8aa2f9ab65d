// File reading and format sniffing for schema sources.
#include "check/schema/source_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/schema/json_reader.h"
#include "common/error.h"
#include "yaml/parse.h"

namespace berth::check::schema {

std::string read_source_file(const std::string& path) {
  Location where{intern(path), 0, 0};
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(where, "no such file");
  if (std::filesystem::is_directory(path, ec))
    throw Error(where, "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(where, std::string("cannot read file: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(where, "cannot read file");
  return std::move(text).str();
}

std::vector<yaml::Node> parse_source(std::string_view text, const std::string& name) {
  std::size_t i = text.find_first_not_of(" \t\r\n");
  if (i != std::string_view::npos && (text[i] == '{' || text[i] == '[')) {
    std::vector<yaml::Node> docs;
    try {
      docs.push_back(read_json(text, name));
      return docs;
    } catch (const Error& json_error) {
      try { // YAML flow style also starts with '{' or '['
        return yaml::parse_stream(text, name);
      } catch (const Error&) {
        throw json_error;
      }
    }
  }
  return yaml::parse_stream(text, name);
}

} // namespace berth::check::schema
