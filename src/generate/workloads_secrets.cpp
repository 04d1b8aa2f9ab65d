// Keeps secret values out of commands and probes: a literal secret value (an env value the
// plan classified as secret) becomes a reference to the variable the container already has
// from its Secret — $(NAME) in command/args (expanded by the kubelet), ${NAME} in shell
// scripts (probes and hooks are not expanded by the kubelet, so they go through sh -c).
#include <algorithm>

#include "compose/shell_split.h"
#include "generate/workloads.h"

namespace berth::generate::workloads {

namespace {

// Secret env values worth matching: very short values would match ordinary text.
std::vector<const EnvPlan*> secret_values(const ServicePlan& plan) {
  std::vector<const EnvPlan*> out;
  for (const auto& e : plan.env)
    if (e.secret && e.value.size() >= 4) out.push_back(&e);
  // Longest first, so a value containing another is replaced whole.
  std::stable_sort(out.begin(), out.end(), [](const EnvPlan* a, const EnvPlan* b) {
    return a->value.size() > b->value.size();
  });
  return out;
}

bool replace_all(std::string& text, const std::string& from, const std::string& to) {
  bool any = false;
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
    any = true;
  }
  return any;
}

// One argument as a double-quoted shell word in which ${NAME} references expand.
std::string quoted_with_vars(const std::string& arg, const std::vector<const EnvPlan*>& secrets) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < arg.size()) {
    const EnvPlan* hit = nullptr;
    for (const EnvPlan* s : secrets)
      if (arg.compare(i, s->value.size(), s->value) == 0) {
        hit = s;
        break;
      }
    if (hit) {
      out += "${" + hit->name + "}";
      i += hit->value.size();
      continue;
    }
    char c = arg[i++];
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

bool redact_args(const ServicePlan& plan, std::vector<std::string>& argv) {
  bool any = false;
  for (auto& arg : argv)
    for (const EnvPlan* s : secret_values(plan))
      any |= replace_all(arg, s->value, "$(" + s->name + ")");
  return any;
}

bool redact_exec(const ServicePlan& plan, std::vector<std::string>& argv) {
  auto secrets = secret_values(plan);
  auto contains = [&](const std::string& a) {
    return std::any_of(secrets.begin(), secrets.end(),
                       [&](const EnvPlan* s) { return a.find(s->value) != std::string::npos; });
  };
  if (std::none_of(argv.begin(), argv.end(), contains)) return false;
  bool shell = argv.size() == 3 && (argv[0] == "sh" || argv[0] == "/bin/sh") && argv[1] == "-c";
  if (shell) {
    for (const EnvPlan* s : secrets) replace_all(argv[2], s->value, "${" + s->name + "}");
    return true;
  }
  std::string script;
  for (const auto& a : argv) {
    if (!script.empty()) script += ' ';
    script += contains(a) ? quoted_with_vars(a, secrets) : compose::shell_join({a});
  }
  argv = {"sh", "-c", script};
  return true;
}

} // namespace berth::generate::workloads
