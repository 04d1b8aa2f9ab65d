// Image reference parsing and the moving-tag judgement shared by convert and check.
#include "kube/image_ref.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

namespace berth::kube {

namespace {

// Words that name a moving channel rather than a release ("latest", "stable-alpine").
constexpr std::string_view kChannels[] = {"latest",  "stable",   "edge",    "nightly",  "main",
                                          "master",  "dev",      "develop", "canary",   "beta",
                                          "alpha",   "next",     "lts",     "mainline", "trunk",
                                          "rolling", "unstable", "testing", "current",  "head"};

bool starts_with_number(std::string_view word) {
  if (!word.empty() && (word[0] == 'v' || word[0] == 'V')) word.remove_prefix(1);
  return !word.empty() && word[0] >= '0' && word[0] <= '9';
}

} // namespace

ImageRef parse_image(std::string_view image) {
  ImageRef ref;
  std::size_t at = image.find('@');
  ref.digest = at != std::string_view::npos;
  ref.name = image.substr(0, at);
  std::size_t slash = ref.name.rfind('/');
  std::size_t colon = ref.name.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = ref.name.substr(colon + 1);
    ref.name = ref.name.substr(0, colon);
  }
  return ref;
}

bool defaults_to_always(const ImageRef& ref) {
  return !ref.digest && (ref.tag.empty() || ref.tag == "latest");
}

bool tag_moves(const ImageRef& ref) {
  if (ref.digest) return false;
  if (ref.tag.empty()) return true; // no tag: latest
  std::string_view tag = ref.tag;
  if (tag.find_first_of("0123456789") == std::string_view::npos) return true;
  std::size_t end = tag.find_first_of("-_");
  std::string lower(tag.substr(0, end));
  for (char& ch : lower)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (std::find(std::begin(kChannels), std::end(kChannels), lower) == std::end(kChannels))
    return false;
  while (end != std::string_view::npos) {
    std::size_t next = tag.find_first_of("-_", end + 1);
    if (starts_with_number(
            tag.substr(end + 1, next == std::string_view::npos ? next : next - end - 1)))
      return false;
    end = next;
  }
  return true;
}

} // namespace berth::kube
