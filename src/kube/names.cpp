// DNS-1123 and port-name rules, with deterministic rewriting of names that do not fit.
#include "kube/names.h"

#include <cstdint>
#include <cstdio>

namespace berth::kube {

namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// FNV-1a: a stable, dependency-free hash; only used to keep shortened names distinct.
std::string short_hash(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return std::string(buf, 6);
}

std::string squash(std::string_view text) {
  std::string out;
  for (char c : text) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower_alnum(l)) out += l;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

} // namespace

bool is_dns1123_label(std::string_view name, std::size_t max) {
  if (name.empty() || name.size() > max) return false;
  if (!lower_alnum(name.front()) || !lower_alnum(name.back())) return false;
  for (char c : name)
    if (!lower_alnum(c) && c != '-') return false;
  return true;
}

std::string dns1123_label(std::string_view text, std::size_t max) {
  std::string out = squash(text);
  if (out.empty()) out = "x";
  if (out.size() > max) {
    std::string suffix = "-" + short_hash(text);
    out = out.substr(0, max > suffix.size() ? max - suffix.size() : 0);
    while (!out.empty() && out.back() == '-') out.pop_back();
    out += suffix;
    if (out.front() == '-') out.erase(0, 1);
  }
  return out;
}

std::string port_name(std::string_view hint, int port) {
  std::string name = squash(hint);
  // "--" is not allowed in IANA service names; squash() already collapses runs.
  if (name.size() > 15) name.resize(15);
  while (!name.empty() && name.back() == '-') name.pop_back();
  bool has_letter = false;
  for (char c : name) has_letter |= (c >= 'a' && c <= 'z');
  if (name.empty() || !has_letter) return "p" + std::to_string(port);
  return name;
}

} // namespace berth::kube
