// Container image references: name, tag and digest, and whether the registry can move a tag.
#pragma once

#include <string_view>

namespace berth::kube {

struct ImageRef {
  std::string_view name; // without tag and digest: what a kustomize `images:` entry matches
  std::string_view tag;  // "" when none
  bool digest = false;   // @sha256:…
};

// Splits `image`; a registry port (localhost:5000/app) is before the last '/', a tag after it.
ImageRef parse_image(std::string_view image);

// What Kubernetes defaults imagePullPolicy to Always for: no digest, and no tag or :latest.
bool defaults_to_always(const ImageRef& ref);

// Whether the registry can move the image under the same reference. Releases carry a number,
// so a tag without any digit (latest, alpine, bookworm, mainline, nonroot) is a channel; so is
// a channel word followed only by variants (latest-alpine3.19), while one followed by a version
// or build id (stable-1.25, main-3f2a9c1, nightly-20240101) is as pinned as 17-alpine is taken
// to be. Version-series tags (postgres:17) count as pinned: they move only within a release
// line, which is what their users ask for. Misjudging a pinned tag as moving costs a registry
// round trip per pod start; the converse lets replicas run different builds.
bool tag_moves(const ImageRef& ref);

} // namespace berth::kube
