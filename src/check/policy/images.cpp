// Images: a pinned tag or digest, and a pull policy that fits it.
#include <unordered_set>

#include "check/index_data.h"
#include "check/policy/topics.h"
#include "kube/image_ref.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kLatest = "image-tag-latest";
constexpr std::string_view kNoTag = "image-tag-missing";
constexpr std::string_view kPullMutable = "image-pull-policy-mutable";
constexpr std::string_view kPullDigest = "image-pull-policy-digest";
constexpr std::string_view kPullAlways = "image-pull-policy-not-always";

const RuleInfo kRules[] = {
    {kLatest, Family::Policy, Area::Delivery, Severity::Error, true,
     "A container image uses the :latest tag.",
     "Pin a version tag (postgres:17.2) or a digest (image@sha256:…); in a kustomize base, "
     "set the tag per overlay with `images:` / `kustomize edit set image`.",
     "`latest` names whatever was pushed last: two nodes can run different code under one "
     "spec, a restart silently upgrades, and a rollback has nothing to return to. kube-linter "
     "(latest-tag), kube-score (container-image-tag, critical) and Polaris (tagNotSpecified, "
     "danger) all flag it. An error because :latest is written on purpose and always wrong in "
     "a deployment."},
    {kNoTag, Family::Policy, Area::Delivery, Severity::Warning, true,
     "A container image has no tag and no digest (it means :latest).",
     "Pin a version tag or digest, or give the image its tag in the overlays' kustomization "
     "(`images: [{name: IMAGE, newTag: TAG}]`, `kustomize edit set image`).",
     "An untagged image resolves to :latest, with the same problems (see image-tag-latest). "
     "The peers treat it like :latest; berth warns instead because kustomize bases commonly "
     "leave the tag to the overlays' `images:` transformer (berth's own trees do: the CI "
     "workflow sets it). When a kustomization in the checked set pins the image's name with "
     "newTag or digest, the image is not reported."},
    {kPullMutable, Family::Policy, Area::Delivery, Severity::Warning, true,
     "imagePullPolicy IfNotPresent/Never on an image whose tag moves (none, latest, or a channel "
     "such as alpine, stable or latest-alpine).",
     "Pin a version tag or digest (then IfNotPresent is right), or set imagePullPolicy: Always.",
     "With a mutable tag, IfNotPresent runs whatever copy each node happened to pull first: "
     "pods of one Deployment run different builds and a new push is never picked up. This is "
     "the combination kube-score's pull-policy check exists for. An image a kustomization in "
     "the checked set pins (`images:` with newTag or digest) is not mutable. A tag moves when it "
     "has no digit (releases carry a number) or is a channel word followed only by variants; "
     "berth convert writes Always for exactly these (src/kube/image_ref)."},
    {kPullDigest, Family::Policy, Area::Delivery, Severity::Info, true,
     "imagePullPolicy Always on an image pinned by digest.",
     "Use IfNotPresent (or omit the policy) for digest-pinned images.",
     "A digest cannot change, so Always only adds a registry round trip to every pod start and "
     "makes starts fail while the registry is unreachable. Harmless otherwise, hence info. "
     "(Always does re-check pull credentials, which matters only on multi-tenant nodes; see "
     "image-pull-policy-not-always.)"},
    {kPullAlways, Family::Policy, Area::Delivery, Severity::Warning, false,
     "imagePullPolicy is not Always (kube-score's container-image-pull-policy).",
     "Set imagePullPolicy: Always.",
     "kube-score requires Always so that every pod start re-validates imagePullSecrets: on a "
     "shared node, a pod without credentials could otherwise run a private image another pod "
     "pulled. Off by default: on single-tenant clusters (the K3s clusters berth targets) it "
     "only adds registry dependency to every start. Enable it on multi-tenant clusters."},
};

} // namespace

void image_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_images(const Pod& pod, Context& ctx) {
  const ObjectInfo* info = &pod.object.info;
  for_each_container(pod, [&](const Container& c) {
    const yaml::Node* image_node = get(c.node, "image");
    std::string_view image = text(image_node);
    if (image.empty()) return; // the schema family reports a missing image
    kube::ImageRef ref = kube::parse_image(image);
    // :latest written in a manifest is a choice even when an overlay retags it: reported here.
    if (!ref.digest && ref.tag == "latest" && ctx.enabled(kLatest))
      ctx.report(kLatest, info, image_node->loc(),
                 describe(c) + " uses image " + std::string(image) + " (mutable :latest tag)");

    const yaml::Node* policy_node = get(c.node, "imagePullPolicy");
    std::string_view policy = text(policy_node);
    if (ref.digest && policy == "Always" && ctx.enabled(kPullDigest))
      ctx.report(kPullDigest, info, policy_node->loc(),
                 describe(c) + " pins its image by digest but pulls it Always");
    // Kubernetes defaults the policy to Always only for :latest or untagged images.
    bool always = policy == "Always" || (policy.empty() && kube::defaults_to_always(ref));
    if (!always && ctx.enabled(kPullAlways))
      ctx.report(kPullAlways, info, policy_node ? policy_node->loc() : image_node->loc(),
                 describe(c) + " has imagePullPolicy " +
                     (policy.empty() ? std::string("IfNotPresent (the default for a pinned tag)")
                                     : std::string(policy)));
  });
}

// A raw kustomize tree (base + overlays read from disk) leaves the tag of its own images to the
// overlays' `images:` entries; kustomize build writes it into the container. Any kustomization
// of the set pinning the name counts. The rendered output has no kustomization: there the tag
// must be on the container, where it then is.
void check_image_pins(const Index& index, Context& ctx) {
  if (!ctx.enabled(kNoTag) && !ctx.enabled(kPullMutable)) return;
  const IndexData& d = index.data();
  std::unordered_set<std::string_view> pinned;
  for (const KustomizationFacts& k : d.kustomizations)
    pinned.insert(k.pinned_images.begin(), k.pinned_images.end());
  for (const ImageFacts& f : d.images) {
    kube::ImageRef ref = kube::parse_image(f.image);
    if (!kube::tag_moves(ref) || pinned.count(ref.name)) continue;
    std::string who = describe(f.container, f.index, f.init);
    if (ref.tag.empty() && ctx.enabled(kNoTag))
      ctx.report(kNoTag, f.object, f.image_loc,
                 who + " uses image " + f.image + " without a tag or digest, which means :latest");
    if ((f.pull_policy == "IfNotPresent" || f.pull_policy == "Never") && ctx.enabled(kPullMutable))
      ctx.report(kPullMutable, f.object, f.pull_policy_loc,
                 who + " pulls " + f.image + " with imagePullPolicy " + f.pull_policy +
                     ": each node keeps running the copy it pulled first");
  }
}

} // namespace berth::check::policy
