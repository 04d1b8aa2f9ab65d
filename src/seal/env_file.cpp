// Env-file and literal parsing; values go straight into wiped buffers.
#include "seal/env_file.h"

namespace berth::seal {

std::vector<SecretValue> parse_env_file(std::string_view text, const std::string& path) {
  const std::string* file = intern(path);
  std::vector<SecretValue> out;
  unsigned line_no = 0;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3; // UTF-8 BOM
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    std::size_t next = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos && line[indent] != '#') {
      line.remove_prefix(indent);
      Location where{file, line_no, static_cast<unsigned>(indent + 1)};
      std::size_t eq = line.find('=');
      if (eq == std::string_view::npos)
        // The line is not echoed: it may be a secret value.
        throw Error(where, "expected KEY=VALUE, found a line without '='");
      std::string key(line.substr(0, eq));
      check_data_key(key, where);
      out.push_back(SecretValue{key, secret_bytes(line.substr(eq + 1)), where});
    }
    if (end == text.size()) break;
    pos = next;
  }
  return out;
}

SecretValue parse_literal(std::string_view text, const std::string& where) {
  std::size_t eq = text.find('=');
  Location loc{intern(where), 0, 0};
  if (eq == std::string_view::npos)
    throw Error(loc, "expected KEY=VALUE, found no '='"); // not echoed: it may be the secret
  std::string key(text.substr(0, eq));
  check_data_key(key, loc);
  return SecretValue{key, secret_bytes(text.substr(eq + 1)), loc};
}

} // namespace berth::seal
