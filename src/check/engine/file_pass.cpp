// The per-file pass: documents are checked as they are parsed and dropped right after, so
// memory follows the largest document, not the input.
#include "check/engine/file_pass.h"

#include "check/apiversion/apiversion.h"
#include "check/policy/policy.h"
#include "check/schema/schema.h"
#include "yaml/parse.h"

namespace berth::check {

namespace {

// Thrown out of the parse callback to stop at a checker's failure (kept apart from syntax
// errors, which are berth::Error).
struct StopParse {};

bool is_list(const ObjectInfo& info, const yaml::Node& root) {
  if (info.kind == "List") return true;
  // kubectl's typed lists (PodList, DeploymentList…) carry the same `items`.
  return info.kind.size() > 4 && info.kind.ends_with("List") && root.find("items") &&
         !root.has("spec");
}

class FilePass {
public:
  FilePass(const InputFile& file, std::size_t file_number, Context& ctx, FileResult& out)
      : file_(file), file_number_(file_number), ctx_(ctx), out_(out) {}

  void document(yaml::Node&& doc) {
    if (doc.is_null()) return; // `---` with nothing after it, comments only
    ++out_.documents;
    if (!doc.is_mapping()) {
      if (file_.patch) return;         // a JSON 6902 patch is a list of operations
      if (file_.kustomization) return; // kustomize reports it; not an object either way
      ctx_.report_file(kRuleObjectNotMapping, file_.path, doc.loc(),
                       std::string("document is a ") + doc.kind_name() +
                           ", not a Kubernetes object (a mapping with apiVersion and kind)");
      return;
    }
    ObjectInfo info = object_info(doc, file_.path, 0, file_.patch);
    if (file_.kustomization) {
      // kustomize allows its build file without apiVersion/kind; name them for the index.
      if (info.api_version.empty()) info.api_version = "kustomize.config.k8s.io/v1beta1";
      if (info.kind.empty()) info.kind = "Kustomization";
    }
    if (!is_list(info, doc)) {
      object(doc, std::move(info));
      return;
    }
    const yaml::Node* items = doc.find("items");
    if (!items || items->is_null()) return; // an empty List
    if (!items->is_sequence()) {
      ctx_.report_file(kRuleListItemInvalid, file_.path, items->loc(),
                       std::string("`items` of ") + info.kind + " is a " + items->kind_name() +
                           ", expected a list of objects");
      return;
    }
    std::size_t n = 0;
    for (const yaml::Node& item : items->items()) {
      ++n;
      if (!item.is_mapping()) {
        ctx_.report_file(kRuleListItemInvalid, file_.path, item.loc(),
                         "item " + std::to_string(n) + " of " + info.kind + " is a " +
                             item.kind_name() + ", not an object");
        continue;
      }
      object(item, object_info(item, file_.path, 0, file_.patch));
    }
  }

private:
  void object(const yaml::Node& root, ObjectInfo info) {
    if (info.api_version.empty() || info.kind.empty()) {
      if (info.patch) return; // patches with a `target` may leave them out
      // Present but not a string: point at the field and say what it is.
      for (const char* key : {"apiVersion", "kind"}) {
        const yaml::Node* field = root.find(key);
        if (field && !(field->is_scalar() && !field->is_null())) {
          ctx_.report(kRuleObjectKindMissing, &info, field->loc(),
                      std::string(key) + " is " +
                          (field->is_scalar() ? std::string("null")
                                              : std::string("a ") + field->kind_name()) +
                          ", not a string, so the document is not a Kubernetes object");
          return;
        }
      }
      std::string what = info.api_version.empty() && info.kind.empty() ? "apiVersion and kind"
                         : info.api_version.empty()                    ? "apiVersion"
                                                                       : "kind";
      ctx_.report(kRuleObjectKindMissing, &info, root.loc(),
                  "document has no " + what + ", so it is not a Kubernetes object");
      return;
    }
    info.id = object_id(file_number_, out_.infos.size());
    const ObjectInfo& kept = out_.infos.emplace_back(std::move(info));
    Object o{kept, root};
    // kustomize's own kinds (Kustomization, Component) configure a build and are never applied:
    // only the index sees them (namespace and resources for the reference family).
    if (kept.api_version.starts_with("kustomize.config.k8s.io/")) {
      out_.index.add(o);
      return;
    }
    ++out_.objects;
    schema::check_object(o, ctx_);
    if (!kept.patch) {
      policy::check_object(o, ctx_);
      apiversion::check_object(o, ctx_);
    }
    out_.index.add(o); // the index marks patches itself (index.h)
  }

  const InputFile& file_;
  std::size_t file_number_;
  Context& ctx_;
  FileResult& out_;
};

void run_pass(const InputFile& file, const std::string& stdin_text, std::size_t file_number,
              Context& ctx, FileResult& out) {
  if (!file.error.empty()) {
    ctx.report_file(kRuleInputUnreadable, file.path, Location{intern(file.path), 0, 0}, file.error);
    out.unusable = true;
    return;
  }
  std::string own_text;
  if (!file.is_stdin) {
    std::string error;
    if (!read_text_file(file.path, own_text, error)) {
      ctx.report_file(kRuleInputUnreadable, file.path, Location{intern(file.path), 0, 0},
                      "cannot read the file: " + error);
      out.unusable = true;
      return;
    }
  }
  const std::string& text = file.is_stdin ? stdin_text : own_text;
  out.bytes = text.size();
  FilePass pass(file, file_number, ctx, out);
  try {
    yaml::parse_stream_each(text, file.path, [&](yaml::Node&& doc) {
      try {
        pass.document(std::move(doc));
      } catch (...) {
        out.failure = std::current_exception();
        throw StopParse{};
      }
    });
  } catch (const StopParse&) {
    return;
  } catch (const Error& e) {
    Location where = e.where();
    if (!where.file) where.file = intern(file.path);
    ctx.report_file(kRuleYamlSyntax, file.path, where, e.message());
    out.unusable = true;
  }
}

} // namespace

void check_file(const InputFile& file, const std::string& stdin_text, std::size_t file_number,
                Context& ctx, FileResult& out) {
  try {
    run_pass(file, stdin_text, file_number, ctx, out);
  } catch (...) {
    if (!out.failure) out.failure = std::current_exception();
  }
  out.findings = std::move(ctx.findings());
  ctx.findings().clear();
}

} // namespace berth::check
