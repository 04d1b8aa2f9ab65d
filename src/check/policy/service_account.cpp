// Service account token: pods that run under the default service account (they never asked for
// an API identity) should not get its token mounted.
#include "check/policy/topics.h"

namespace berth::check::policy {

namespace {

constexpr std::string_view kAutomount = "service-account-token-automount";

const RuleInfo kRules[] = {
    {kAutomount, Family::Policy, Area::Security, Severity::Info, true,
     "A pod on the default service account gets an API token mounted "
     "(automountServiceAccountToken is not false).",
     "Set automountServiceAccountToken: false in the pod spec (or on the namespace's default "
     "ServiceAccount); pods that call the API get their own ServiceAccount.",
     "Every pod gets a token for its service account at /var/run/secrets/kubernetes.io/"
     "serviceaccount unless told otherwise; an intruder in the container can use it against "
     "the API server. Polaris (automountServiceAccountToken) warns. berth reports info only "
     "when the pod uses the default service account: that account has no RBAC bindings unless "
     "someone adds them, so the token opens little, and a pod with its own serviceAccountName "
     "presumably needs the API. Setting the field to false on the default ServiceAccount "
     "object instead is not visible per pod; ignore the rule then."},
};

} // namespace

void service_account_rules(std::vector<RuleInfo>& out) {
  out.insert(out.end(), std::begin(kRules), std::end(kRules));
}

void check_service_account(const Pod& pod, Context& ctx) {
  if (get(pod.spec, "automountServiceAccountToken")) return; // a decision was written down
  std::string_view account = text_at(&pod.spec, "serviceAccountName");
  if (account.empty()) account = text_at(&pod.spec, "serviceAccount"); // deprecated alias
  if (!account.empty() && account != "default") return;
  if (ctx.enabled(kAutomount))
    ctx.report(kAutomount, &pod.object.info, pod.spec.loc(),
               "the pod runs on the default service account with its API token mounted; set "
               "automountServiceAccountToken: false");
}

} // namespace berth::check::policy
