// Round trip: what `berth convert` deploys, exported the way a cluster returns it, then imported,
// deploys the same objects again; and `berth check` finds no errors in imported trees.
//
// "The same" precisely: the objects `kubectl kustomize overlays/production` yields from the
// convert tree (O) and from the import tree (I) have the same kinds and names, and every field
// of every object is equal, except fields of O that are absent from I where O's value is the
// one the API server fills in when the field is missing (protocol TCP, type ClusterIP,
// imagePullPolicy IfNotPresent for a tagged image, probe periodSeconds 10, ...: `api_default`
// below lists them). I has no field O lacks. Production is the environment an export comes
// from; staging differs by design (the export's production settings become the base).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "support/test_support.h"
#include "yaml/json.h"
#include "yaml/parse.h"

namespace fs = std::filesystem;
using berth::test::run;
using json = nlohmann::ordered_json;

namespace {

std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}
std::string berth_cmd() {
  return quote(berth::test::berth_binary());
}

json to_json_array(const std::string& yaml_text, const std::string& name) {
  json all = json::array();
  for (const berth::yaml::Node& doc : berth::yaml::parse_stream(yaml_text, name))
    if (!doc.is_null()) all.push_back(berth::yaml::to_json(doc));
  return all;
}

json kustomize(const fs::path& overlay) {
  auto r = run("kubectl kustomize " + quote(overlay));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return to_json_array(r.out, overlay.string());
}

bool tagged(const std::string& image) {
  auto slash = image.rfind('/'), colon = image.rfind(':');
  bool has_tag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
  return image.find('@') != std::string::npos || (has_tag && image.substr(colon + 1) != "latest");
}

// --- what a cluster adds when it stores and returns an object (kubectl get -o json) -----------

void set_default(json& o, const char* key, json value) {
  if (!o.contains(key)) o[key] = std::move(value);
}

void export_pod_spec(json& spec, bool job) {
  set_default(spec, "dnsPolicy", "ClusterFirst");
  if (!job) set_default(spec, "restartPolicy", "Always");
  set_default(spec, "schedulerName", "default-scheduler");
  set_default(spec, "securityContext", json::object());
  set_default(spec, "terminationGracePeriodSeconds", 30);
  set_default(spec, "enableServiceLinks", true);
  if (spec.contains("serviceAccountName")) spec["serviceAccount"] = spec["serviceAccountName"];
  for (const char* list : {"initContainers", "containers"}) {
    if (!spec.contains(list)) continue;
    for (json& c : spec[list]) {
      set_default(c, "terminationMessagePath", "/dev/termination-log");
      set_default(c, "terminationMessagePolicy", "File");
      set_default(c, "imagePullPolicy", tagged(c.value("image", "")) ? "IfNotPresent" : "Always");
      set_default(c, "resources", json::object());
      if (c.contains("ports"))
        for (json& p : c["ports"])
          set_default(p, "protocol", "TCP");
      for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
        if (!c.contains(probe)) continue;
        json& p = c[probe];
        set_default(p, "timeoutSeconds", 1);
        set_default(p, "periodSeconds", 10);
        set_default(p, "successThreshold", 1);
        set_default(p, "failureThreshold", 3);
        if (p.contains("httpGet")) set_default(p["httpGet"], "scheme", "HTTP");
      }
    }
  }
  if (spec.contains("volumes"))
    for (json& v : spec["volumes"])
      for (const char* source : {"configMap", "secret"})
        if (v.contains(source)) set_default(v[source], "defaultMode", 420);
}

void export_template(json& holder, bool job) {
  holder["metadata"]["creationTimestamp"] = nullptr;
  export_pod_spec(holder["spec"], job);
}

json exported(const json& original, int n) {
  json o = original;
  json& meta = o["metadata"];
  meta["uid"] = "5c7e0a1b-0000-4000-8000-" + std::to_string(100000000000 + n);
  meta["resourceVersion"] = std::to_string(4711 + n);
  meta["creationTimestamp"] = "2024-05-02T08:00:00Z";
  meta["generation"] = 1;
  meta["managedFields"] = json::array({{{"manager", "argocd-controller"},
                                        {"operation", "Apply"},
                                        {"fieldsType", "FieldsV1"},
                                        {"fieldsV1", json::object()}}});
  meta["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] = original.dump();
  const std::string kind = o.value("kind", "");
  json& spec = o["spec"];
  if (kind == "Deployment") {
    set_default(spec, "revisionHistoryLimit", 10);
    set_default(spec, "progressDeadlineSeconds", 600);
    set_default(spec, "strategy", json{{"type", "RollingUpdate"}});
    if (spec["strategy"]["type"] == "RollingUpdate")
      set_default(spec["strategy"], "rollingUpdate",
                  json{{"maxSurge", "25%"}, {"maxUnavailable", "25%"}});
    meta["annotations"]["deployment.kubernetes.io/revision"] = "3";
    export_template(spec["template"], false);
    o["status"] = {{"replicas", spec.value("replicas", 1)}, {"readyReplicas", 1}};
  } else if (kind == "StatefulSet") {
    set_default(spec, "revisionHistoryLimit", 10);
    set_default(spec, "podManagementPolicy", "OrderedReady");
    set_default(spec, "updateStrategy", json{{"type", "RollingUpdate"}});
    set_default(spec["updateStrategy"], "rollingUpdate", json{{"partition", 0}});
    set_default(spec, "persistentVolumeClaimRetentionPolicy",
                json{{"whenDeleted", "Retain"}, {"whenScaled", "Retain"}});
    if (spec.contains("volumeClaimTemplates"))
      for (json& t : spec["volumeClaimTemplates"]) {
        t["apiVersion"] = "v1";
        t["kind"] = "PersistentVolumeClaim";
        t["status"] = {{"phase", "Pending"}};
        set_default(t["spec"], "volumeMode", "Filesystem");
      }
    export_template(spec["template"], false);
    o["status"] = {{"replicas", 1}, {"currentRevision", "x-6b7f8c9d5"}};
  } else if (kind == "CronJob") {
    set_default(spec, "concurrencyPolicy", "Allow");
    set_default(spec, "suspend", false);
    set_default(spec, "successfulJobsHistoryLimit", 3);
    set_default(spec, "failedJobsHistoryLimit", 1);
    spec["jobTemplate"]["metadata"]["creationTimestamp"] = nullptr;
    set_default(spec["jobTemplate"]["spec"], "backoffLimit", 6);
    export_template(spec["jobTemplate"]["spec"]["template"], true);
    o["status"] = {{"lastScheduleTime", "2024-05-02T02:00:00Z"}};
  } else if (kind == "Service") {
    if (spec.value("clusterIP", "") != "None") {
      spec["clusterIP"] = "10.43.7." + std::to_string(n % 250);
      spec["clusterIPs"] = json::array({spec["clusterIP"]});
    }
    spec["ipFamilies"] = json::array({"IPv4"});
    spec["ipFamilyPolicy"] = "SingleStack";
    spec["internalTrafficPolicy"] = "Cluster";
    set_default(spec, "sessionAffinity", "None");
    set_default(spec, "type", "ClusterIP");
    for (json& p : spec["ports"]) {
      set_default(p, "protocol", "TCP");
      set_default(p, "targetPort", p["port"]);
    }
    o["status"] = {{"loadBalancer", json::object()}};
  } else if (kind == "PersistentVolumeClaim") {
    spec["volumeName"] = "pvc-" + meta.value("name", "");
    set_default(spec, "volumeMode", "Filesystem");
    meta["annotations"]["pv.kubernetes.io/bind-completed"] = "yes";
    meta["annotations"]["volume.kubernetes.io/storage-provisioner"] = "rancher.io/local-path";
    meta["finalizers"] = json::array({"kubernetes.io/pvc-protection"});
    o["status"] = {{"phase", "Bound"}};
  } else if (kind == "HorizontalPodAutoscaler") {
    set_default(
        spec, "behavior",
        json{{"scaleDown",
              {{"stabilizationWindowSeconds", 300},
               {"selectPolicy", "Max"},
               {"policies",
                json::array({{{"type", "Percent"}, {"value", 100}, {"periodSeconds", 15}}})}}},
             {"scaleUp",
              {{"stabilizationWindowSeconds", 0},
               {"selectPolicy", "Max"},
               {"policies",
                json::array({{{"type", "Pods"}, {"value", 4}, {"periodSeconds", 15}},
                             {{"type", "Percent"}, {"value", 100}, {"periodSeconds", 15}}})}}}});
  }
  if (o["spec"].is_null()) o.erase("spec");
  return o;
}

// What else `kubectl get all,cm,secret,...` returns: controller-made and cluster-made objects.
void add_cluster_objects(json& items, const json& originals, const std::string& ns) {
  for (const json& o : originals) {
    const std::string name = o["metadata"].value("name", "");
    if (o.value("kind", "") == "Deployment") {
      json rs = {{"apiVersion", "apps/v1"},
                 {"kind", "ReplicaSet"},
                 {"metadata",
                  {{"name", name + "-7d9f8b6c5"},
                   {"namespace", ns},
                   {"ownerReferences", json::array({{{"apiVersion", "apps/v1"},
                                                     {"kind", "Deployment"},
                                                     {"name", name},
                                                     {"uid", "u-" + name},
                                                     {"controller", true}}})}}},
                 {"spec", {{"replicas", 1}, {"template", o["spec"]["template"]}}}};
      json pod = {{"apiVersion", "v1"},
                  {"kind", "Pod"},
                  {"metadata",
                   {{"name", name + "-7d9f8b6c5-x2x7k"},
                    {"namespace", ns},
                    {"ownerReferences", json::array({{{"apiVersion", "apps/v1"},
                                                      {"kind", "ReplicaSet"},
                                                      {"name", name + "-7d9f8b6c5"},
                                                      {"uid", "u-rs"},
                                                      {"controller", true}}})}}},
                  {"spec", o["spec"]["template"]["spec"]}};
      pod["spec"]["nodeName"] = "k3s-node-1";
      pod["spec"]["volumes"].push_back(
          {{"name", "kube-api-access-x2x7k"},
           {"projected",
            {{"sources", json::array({{{"serviceAccountToken", {{"path", "token"}}}}})}}}});
      items.push_back(rs);
      items.push_back(pod);
    }
    if (o.value("kind", "") == "Service")
      items.push_back({{"apiVersion", "v1"},
                       {"kind", "Endpoints"},
                       {"metadata", {{"name", name}, {"namespace", ns}}}});
  }
  items.push_back({{"apiVersion", "v1"},
                   {"kind", "ConfigMap"},
                   {"metadata", {{"name", "kube-root-ca.crt"}, {"namespace", ns}}},
                   {"data", {{"ca.crt", "-----BEGIN CERTIFICATE-----"}}}});
  items.push_back({{"apiVersion", "v1"},
                   {"kind", "ServiceAccount"},
                   {"metadata", {{"name", "default"}, {"namespace", ns}}}});
  items.push_back({{"apiVersion", "v1"},
                   {"kind", "Secret"},
                   {"type", "kubernetes.io/service-account-token"},
                   {"metadata", {{"name", "default-token-8tq2w"}, {"namespace", ns}}},
                   {"data", {{"token", "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZS5z"}}}});
}

// --- equality up to API defaults ------------------------------------------------------------

// True when `value` at `key` is what the API server fills in when `key` is missing.
bool api_default(const std::string& key, const json& value, const json& parent) {
  static const std::map<std::string, json> kDefaults = {
      {"protocol", "TCP"},
      {"podManagementPolicy", "OrderedReady"},
      {"revisionHistoryLimit", 10},
      {"progressDeadlineSeconds", 600},
      {"terminationGracePeriodSeconds", 30},
      {"dnsPolicy", "ClusterFirst"},
      {"restartPolicy", "Always"},
      {"schedulerName", "default-scheduler"},
      {"enableServiceLinks", true},
      {"timeoutSeconds", 1},
      {"periodSeconds", 10},
      {"successThreshold", 1},
      {"failureThreshold", 3},
      {"scheme", "HTTP"},
      {"sessionAffinity", "None"},
      {"volumeMode", "Filesystem"},
      {"defaultMode", 420},
      {"concurrencyPolicy", "Allow"},
      {"suspend", false},
      {"successfulJobsHistoryLimit", 3},
      {"failedJobsHistoryLimit", 1},
      {"backoffLimit", 6},
      {"serviceAccountName", "default"},
      {"securityContext", json::object()},
      {"strategy", {{"type", "RollingUpdate"}}},
      {"updateStrategy", {{"type", "RollingUpdate"}}},
  };
  if (key == "type" && parent.contains("ports") && value == "ClusterIP") return true;
  if (key == "imagePullPolicy")
    return value == (tagged(parent.value("image", "")) ? "IfNotPresent" : "Always");
  if (key == "targetPort") return parent.contains("port") && value == parent["port"];
  auto it = kDefaults.find(key);
  return it != kDefaults.end() && value == it->second;
}

void differences(const json& o, const json& i, const std::string& path,
                 std::vector<std::string>& out) {
  if (o.is_object() && i.is_object()) {
    for (const auto& [key, value] : o.items()) {
      if (i.contains(key))
        differences(value, i[key], path + "." + key, out);
      else if (!api_default(key, value, o))
        out.push_back(path + "." + key + " missing (" + value.dump() + ")");
    }
    for (const auto& [key, value] : i.items())
      if (!o.contains(key)) out.push_back(path + "." + key + " added (" + value.dump() + ")");
    return;
  }
  if (o.is_array() && i.is_array()) {
    if (o.size() != i.size()) {
      out.push_back(path + ": " + std::to_string(o.size()) + " items, imported " +
                    std::to_string(i.size()));
      return;
    }
    for (std::size_t k = 0; k < o.size(); ++k)
      differences(o[k], i[k], path + "[" + std::to_string(k) + "]", out);
    return;
  }
  if (o != i) out.push_back(path + ": " + o.dump() + " → " + i.dump());
}

std::map<std::string, json> by_ref(const json& objects) {
  std::map<std::string, json> m;
  for (const json& o : objects)
    m[o.value("kind", "") + "/" + o["metadata"].value("name", "")] = o;
  return m;
}

class ImportRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(ImportRoundTrip, ConvertOutputExportedAndImportedIsTheSame) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  const std::string name = GetParam();
  fs::path dir = berth::test::temp_dir("import-roundtrip") / name;
  auto c = run(berth_cmd() + " convert -f " +
               quote(berth::test::source_dir() / "examples" / name / "compose.yaml") + " -o " +
               quote(dir / "convert"));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  json original = kustomize(dir / "convert/overlays/production");
  ASSERT_GT(original.size(), 5u);
  const std::string ns =
      original[0]["metadata"].value("namespace", original[0]["metadata"].value("name", ""));

  json items = json::array();
  int n = 0;
  for (const json& o : original)
    items.push_back(exported(o, ++n));
  add_cluster_objects(items, original, ns);
  json list = {{"apiVersion", "v1"},
               {"kind", "List"},
               {"items", items},
               {"metadata", {{"resourceVersion", ""}}}};
  berth::test::write_file(dir / "export.json", list.dump(2));

  auto r =
      run(berth_cmd() + " import " + quote(dir / "export.json") + " -o " + quote(dir / "import"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // What the cluster added is gone from the tree (the comparison below would allow none of it).
  std::string written;
  for (const auto& e : fs::recursive_directory_iterator(dir / "import"))
    if (e.is_regular_file() && e.path().extension() == ".yaml")
      written += berth::test::read_file(e.path());
  for (const char* server : {"managedFields", "resourceVersion", "uid:", "clusterIP: 10.43.",
                             "kube-api-access", "last-applied-configuration", "status:", "nodeName",
                             "ReplicaSet", "kube-root-ca.crt", "default-token"})
    EXPECT_EQ(written.find(server), std::string::npos) << server;
  std::map<std::string, json> before = by_ref(original),
                              after = by_ref(kustomize(dir / "import/overlays/production"));
  for (const auto& [ref, o] : before) {
    auto it = after.find(ref);
    if (it == after.end()) {
      ADD_FAILURE() << ref << " missing after the round trip";
      continue;
    }
    std::vector<std::string> diffs;
    differences(o, it->second, "", diffs);
    for (const std::string& d : diffs)
      ADD_FAILURE() << ref << d;
  }
  for (const auto& [ref, o] : after)
    if (!before.count(ref)) ADD_FAILURE() << ref << " added by the round trip";
}

INSTANTIATE_TEST_SUITE_P(Examples, ImportRoundTrip,
                         ::testing::Values("vault-drive", "queue-workers", "wordpress-blue"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

} // namespace

// `berth check` on what import wrote: no errors (the rendered overlays, as the cluster sees them).
TEST(ImportCheck, ImportedTreesHaveNoErrors) {
  if (!berth::test::have_program("kubectl")) GTEST_SKIP() << "SKIPPED: kubectl not installed";
  const fs::path examples = berth::test::source_dir() / "examples/import";
  for (const char* input : {"vaultwarden/export.yaml", "storefront"}) {
    SCOPED_TRACE(input);
    fs::path out = berth::test::temp_dir("import-check") / "t";
    auto r = run(berth_cmd() + " import " + quote(examples / input) + " -o " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* env : {"staging", "production"}) {
      auto built = run("kubectl kustomize " + quote(out / "overlays" / env));
      ASSERT_EQ(built.exit_code, 0) << built.err;
      auto check = run(berth_cmd() + " check - --fail-on error", built.out);
      EXPECT_EQ(check.exit_code, 0) << env << ":\n" << check.out << check.err;
    }
  }
}
