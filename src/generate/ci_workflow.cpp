// GitHub Actions workflow: build and push the built images, bump the staging tag, promote to
// production on demand.
#include <filesystem>

#include "generate/gitops.h"

namespace berth::generate {

using yaml::Node;
namespace fs = std::filesystem;

namespace {

Node step_uses(const std::string& name, const std::string& uses, Node with = Node()) {
  Node s = Node::mapping();
  s.set("name", Node::str(name));
  s.set("uses", Node::str(uses));
  if (with.is_mapping()) s.set("with", std::move(with));
  return s;
}

Node step_run(const std::string& name, const std::string& run) {
  Node s = Node::mapping();
  s.set("name", Node::str(name));
  s.set("run", Node::str(run));
  return s;
}

std::string registry_host(const std::string& url) {
  auto slash = url.find('/');
  return slash == std::string::npos ? url : url.substr(0, slash);
}

Node login_step(const Context& ctx) {
  const std::string host = registry_host(ctx.profile.registry.url);
  Node with = Node::mapping();
  with.set("registry", Node::str(host));
  if (host == "ghcr.io") { // the workflow's own token can push to GHCR
    with.set("username", Node::str("${{ github.actor }}"));
    with.set("password", Node::str("${{ secrets.GITHUB_TOKEN }}"));
  } else {
    with.set("username", Node::str("${{ secrets.REGISTRY_USERNAME }}"));
    with.set("password", Node::str("${{ secrets.REGISTRY_PASSWORD }}"));
  }
  return step_uses("Log in to " + host, "docker/login-action@v3", std::move(with));
}

std::string join_path(const std::string& dir, const std::string& file) {
  if (dir.empty() || dir == ".") return file;
  return dir + "/" + file;
}

Node build_step(const Context& ctx, const ServicePlan& s, const std::string& staging_prefix) {
  const model::Build& b = *s.service->build;
  const std::string context = repo_relative(b.context, ctx.app.project_directory);
  Node with = Node::mapping();
  with.set("context", Node::str(context));
  // build-push-action reads `file` from the workspace, not from the context.
  with.set("file", Node::str(join_path(context, b.dockerfile.empty() ? "Dockerfile" : b.dockerfile)));
  if (!b.target.empty()) with.set("target", Node::str(b.target));
  std::string args;
  for (const auto& [k, v] : b.args)
    if (v) args += k + "=" + *v + "\n";
  if (!args.empty()) with.set("build-args", Node::str(args));
  with.set("push", Node::boolean(true));
  with.set("tags", Node::str(s.image + ":${{ github.sha }}\n" + s.image + ":" + staging_prefix +
                             "${{ steps.sha.outputs.short }}\n"));
  return step_uses("Build and push " + s.name, "docker/build-push-action@v6", std::move(with));
}

std::string set_images(const Context& ctx, const std::string& env, const std::string& tag) {
  std::string cmd = "cd " + gitops_path(ctx, env) + "\n";
  for (const ServicePlan& s : ctx.plan.services)
    if (s.built) cmd += "kustomize edit set image " + s.image + "=" + s.image + ":" + tag + "\n";
  return cmd;
}

std::string commit_and_push(const std::string& message) {
  return "git config user.name \"github-actions[bot]\"\n"
         "git config user.email \"41898282+github-actions[bot]@users.noreply.github.com\"\n"
         "git commit -am \"" + message + "\"\n"
         "git push\n";
}

Node job(Node steps) {
  Node j = Node::mapping();
  j.set("runs-on", Node::str("ubuntu-latest"));
  j.set("steps", std::move(steps));
  return j;
}

} // namespace

std::string repo_relative(const std::string& path, const std::string& project_directory) {
  std::error_code ec;
  fs::path p = fs::path(path).lexically_normal();
  for (fs::path dir = fs::path(project_directory).lexically_normal(); !dir.empty();
       dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      fs::path rel = p.lexically_relative(dir);
      if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
      break;
    }
    if (dir == dir.parent_path()) break;
  }
  fs::path rel = p.lexically_relative(project_directory);
  return rel.empty() ? p.generic_string() : rel.generic_string();
}

Node ci_workflow(const Context& ctx) {
  std::vector<const ServicePlan*> built;
  for (const ServicePlan& s : ctx.plan.services)
    if (s.built && s.service && s.service->build) built.push_back(&s);
  if (built.empty()) return Node();

  const profile::Environment* first = ctx.profile.environments.empty()
                                          ? nullptr : &ctx.profile.environments.front();
  const profile::Environment* last = ctx.profile.environments.empty()
                                         ? nullptr : &ctx.profile.environments.back();
  const std::string staging_prefix = first ? first->image_tag_prefix : "";

  Node wf = Node::mapping();
  wf.set("name", Node::str("build " + ctx.plan.app));
  Node on = Node::mapping();
  Node push = Node::mapping();
  Node branches = Node::sequence();
  branches.push(Node::str("main"));
  push.set("branches", std::move(branches));
  on.set("push", std::move(push));
  Node dispatch = Node::mapping();
  Node inputs = Node::mapping();
  Node sha = Node::mapping();
  sha.set("description", Node::str("Short commit SHA (7 characters) already deployed to " +
                                   std::string(first ? first->name : "the first environment")));
  sha.set("required", Node::boolean(true));
  sha.set("type", Node::str("string"));
  inputs.set("sha", std::move(sha));
  dispatch.set("inputs", std::move(inputs));
  on.set("workflow_dispatch", std::move(dispatch));
  wf.set("on", std::move(on));

  Node perms = Node::mapping();
  perms.set("contents", Node::str("write"));
  perms.set("packages", Node::str("write"));
  wf.set("permissions", std::move(perms));

  Node jobs = Node::mapping();
  {
    Node steps = Node::sequence();
    steps.push(step_uses("Check out", "actions/checkout@v4"));
    Node short_sha = step_run("Short SHA", "echo \"short=${GITHUB_SHA::7}\" >> \"$GITHUB_OUTPUT\"");
    short_sha.set("id", Node::str("sha"));
    steps.push(std::move(short_sha));
    steps.push(step_uses("Set up Buildx", "docker/setup-buildx-action@v3"));
    steps.push(login_step(ctx));
    for (const ServicePlan* s : built) steps.push(build_step(ctx, *s, staging_prefix));
    if (first) {
      steps.push(step_uses("Set up kustomize", "imranismail/setup-kustomize@v2"));
      steps.push(step_run("Deploy to " + first->name,
                          set_images(ctx, first->name, staging_prefix + "${GITHUB_SHA::7}") +
                              "cd \"$GITHUB_WORKSPACE\"\n" +
                              commit_and_push("deploy " + ctx.plan.app + " " + first->name +
                                              " ${GITHUB_SHA::7}")));
    }
    Node build = job(std::move(steps));
    build.set("if", Node::str("github.event_name == 'push'"));
    jobs.set("build", std::move(build));
  }
  if (last && last != first) {
    // Promotion re-tags the image that was tested, it never rebuilds.
    Node steps = Node::sequence();
    steps.push(step_uses("Check out", "actions/checkout@v4"));
    steps.push(step_uses("Set up Buildx", "docker/setup-buildx-action@v3"));
    steps.push(login_step(ctx));
    std::string retag;
    for (const ServicePlan* s : built)
      retag += "docker buildx imagetools create -t " + s->image + ":" + last->image_tag_prefix +
               "${{ inputs.sha }} " + s->image + ":" + staging_prefix + "${{ inputs.sha }}\n";
    steps.push(step_run("Re-tag images", retag));
    steps.push(step_uses("Set up kustomize", "imranismail/setup-kustomize@v2"));
    steps.push(step_run("Deploy to " + last->name,
                        set_images(ctx, last->name, last->image_tag_prefix + "${{ inputs.sha }}") +
                            "cd \"$GITHUB_WORKSPACE\"\n" +
                            commit_and_push("promote " + ctx.plan.app + " " + last->name +
                                            " ${{ inputs.sha }}")));
    Node promote = job(std::move(steps));
    promote.set("if", Node::str("github.event_name == 'workflow_dispatch'"));
    jobs.set("promote", std::move(promote));
  }
  wf.set("jobs", std::move(jobs));
  return wf;
}

} // namespace berth::generate
