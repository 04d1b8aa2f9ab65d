// POSIX-shell word splitting (no expansion) for Compose command strings, and its inverse.
#include "compose/shell_split.h"

namespace berth::compose {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_operator(char c) {
  return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}
bool is_safe(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '@' || c == '%' || c == '+' || c == '=' || c == ':' || c == ',' ||
         c == '.' || c == '/' || c == '-';
}

} // namespace

std::vector<std::string> shell_split(std::string_view text, const Location& where) {
  std::vector<std::string> args;
  std::string word;
  bool in_word = false; // distinguishes "" (an empty argument) from no argument at all
  std::size_t i = 0;
  auto fail = [&](const std::string& message) {
    throw Error(where, message + " in command \"" + std::string(text) + "\"");
  };
  while (i < text.size()) {
    char c = text[i];
    if (is_blank(c)) {
      if (in_word) args.push_back(std::move(word));
      word.clear();
      in_word = false;
      ++i;
    } else if (c == '\'') {
      std::size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos) fail("unterminated single quote");
      word.append(text.substr(i + 1, close - i - 1));
      in_word = true;
      i = close + 1;
    } else if (c == '"') {
      std::size_t j = i + 1;
      for (;; ++j) {
        if (j >= text.size()) fail("unterminated double quote");
        char d = text[j];
        if (d == '"') break;
        if (d == '\\' && j + 1 < text.size()) {
          char e = text[j + 1];
          if (e == '"' || e == '\\' || e == '$' || e == '`') {
            word += e;
            ++j;
            continue;
          }
          if (e == '\n') { // line continuation
            ++j;
            continue;
          }
        }
        word += d;
      }
      in_word = true;
      i = j + 1;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) fail("trailing backslash");
      if (text[i + 1] != '\n') {
        word += text[i + 1];
        in_word = true;
      }
      i += 2;
    } else if (is_operator(c)) {
      fail(std::string("unquoted shell operator '") + c +
           "' (docker compose would drop the rest of the line; write the command as "
           "[\"sh\", \"-c\", \"...\"])");
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  if (in_word) args.push_back(std::move(word));
  return args;
}

std::string shell_join(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& arg : args) {
    if (!out.empty()) out += ' ';
    bool safe = !arg.empty();
    for (char c : arg) safe = safe && is_safe(c);
    if (safe) {
      out += arg;
      continue;
    }
    out += '\'';
    for (char c : arg) {
      if (c == '\'') out += "'\\''";
      else out += c;
    }
    out += '\'';
  }
  return out;
}

} // namespace berth::compose
