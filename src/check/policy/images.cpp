// Images: a pinned tag or digest, and a pull policy that fits it.
#include "check/policy/topics.h"

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
     "Pin a version tag or digest; in a kustomize base whose overlays set the tag with "
     "`images:`, check the rendered output (`kubectl kustomize overlays/ENV | berth check -`).",
     "An untagged image resolves to :latest, with the same problems (see image-tag-latest). "
     "The peers treat it like :latest; berth warns instead because kustomize bases commonly "
     "leave the tag to the overlays' `images:` transformer (berth's own trees do: the CI "
     "workflow sets it), which a per-file check cannot see."},
    {kPullMutable, Family::Policy, Area::Delivery, Severity::Warning, true,
     "imagePullPolicy IfNotPresent/Never on an image with a mutable tag (latest or none).",
     "Pin the image (then IfNotPresent is right), or drop imagePullPolicy so Kubernetes uses "
     "Always for :latest.",
     "With a mutable tag, IfNotPresent runs whatever copy each node happened to pull first: "
     "pods of one Deployment run different builds and a new push is never picked up. This is "
     "the combination kube-score's pull-policy check exists for."},
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

struct ImageRef {
  std::string_view tag; // "" when none
  bool digest = false;  // @sha256:…
};

ImageRef parse(std::string_view image) {
  ImageRef ref;
  std::size_t at = image.find('@');
  ref.digest = at != std::string_view::npos;
  std::string_view name = image.substr(0, at);
  // A registry port (localhost:5000/app) is before the last '/', a tag after it.
  std::size_t slash = name.rfind('/');
  std::string_view last = slash == std::string_view::npos ? name : name.substr(slash + 1);
  std::size_t colon = last.rfind(':');
  if (colon != std::string_view::npos) ref.tag = last.substr(colon + 1);
  return ref;
}

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
    ImageRef ref = parse(image);
    bool mutable_tag = !ref.digest && (ref.tag.empty() || ref.tag == "latest");
    if (!ref.digest && ref.tag == "latest" && ctx.enabled(kLatest))
      ctx.report(kLatest, info, image_node->loc(),
                 describe(c) + " uses image " + std::string(image) + " (mutable :latest tag)");
    if (!ref.digest && ref.tag.empty() && ctx.enabled(kNoTag))
      ctx.report(kNoTag, info, image_node->loc(),
                 describe(c) + " uses image " + std::string(image) +
                     " without a tag or digest, which means :latest");

    const yaml::Node* policy_node = get(c.node, "imagePullPolicy");
    std::string_view policy = text(policy_node);
    if (mutable_tag && (policy == "IfNotPresent" || policy == "Never") && ctx.enabled(kPullMutable))
      ctx.report(kPullMutable, info, policy_node->loc(),
                 describe(c) + " pulls " + std::string(image) + " with imagePullPolicy " +
                     std::string(policy) + ": each node keeps running the copy it pulled first");
    if (ref.digest && policy == "Always" && ctx.enabled(kPullDigest))
      ctx.report(kPullDigest, info, policy_node->loc(),
                 describe(c) + " pins its image by digest but pulls it Always");
    // Kubernetes defaults the policy to Always only for :latest or untagged images.
    bool always = policy == "Always" || (policy.empty() && mutable_tag);
    if (!always && ctx.enabled(kPullAlways))
      ctx.report(kPullAlways, info, policy_node ? policy_node->loc() : image_node->loc(),
                 describe(c) + " has imagePullPolicy " +
                     (policy.empty() ? std::string("IfNotPresent (the default for a pinned tag)")
                                     : std::string(policy)));
  });
}

} // namespace berth::check::policy
