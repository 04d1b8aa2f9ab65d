// Traefik Middlewares (seed 004): security headers and compression on every route, rate limit
// and prefix stripping on API path routes, the HTTP → HTTPS redirect.
#include <string>

#include "fmt/format.h"
#include "generate/network.h"
#include "kube/object.h"

namespace berth::generate::net {

using yaml::Node;

namespace {

Node middleware(const Context& ctx, std::string name, std::string_view owner, std::string key,
                Node body) {
  Node mw = kube::make_object("traefik.io/v1alpha1", "Middleware", name);
  label(mw, ctx, owner);
  Node spec = Node::mapping();
  spec.set(key, std::move(body));
  mw.set("spec", std::move(spec));
  return mw;
}

} // namespace

std::string strip_middleware_name(const ServicePlan& s, std::size_t route_index) {
  return fmt::format("strip-{}-{}", s.name, route_index);
}

Node strip_prefix_middleware(const Context& ctx, const ServicePlan& s, std::size_t route_index) {
  Node prefixes = Node::sequence();
  prefixes.push(Node::str(s.routes.at(route_index).path));
  Node body = Node::mapping();
  body.set("prefixes", std::move(prefixes));
  return middleware(ctx, strip_middleware_name(s, route_index), s.name, "stripPrefix",
                    std::move(body));
}

Node security_headers_middleware(const Context& ctx) {
  Node h = Node::mapping();
  h.set("stsSeconds", Node::integer(31536000));
  h.set("stsIncludeSubdomains", Node::boolean(true));
  h.set("contentTypeNosniff", Node::boolean(true));
  h.set("browserXssFilter", Node::boolean(true));
  h.set("frameDeny", Node::boolean(true));
  h.set("referrerPolicy", Node::str("strict-origin-when-cross-origin"));
  return middleware(ctx, "security-headers", ctx.plan.app, "headers", std::move(h));
}

Node redirect_https_middleware(const Context& ctx) {
  Node r = Node::mapping();
  r.set("scheme", Node::str("https"));
  r.set("permanent", Node::boolean(true));
  return middleware(ctx, "redirect-https", ctx.plan.app, "redirectScheme", std::move(r));
}

Node compress_middleware(const Context& ctx) {
  return middleware(ctx, "compress", ctx.plan.app, "compress", Node::mapping());
}

Node rate_limit_middleware(const Context& ctx) {
  // Seed 004's API limit: 100 requests/s on average, bursts of 200.
  Node r = Node::mapping();
  r.set("average", Node::integer(100));
  r.set("burst", Node::integer(200));
  return middleware(ctx, "rate-limit", ctx.plan.app, "rateLimit", std::move(r));
}

void generate_middlewares(const Context& ctx, Output& out) {
  if (route_hosts(ctx.plan).empty()) return;
  bool ingressroute = uses_ingressroute(ctx);
  bool any_strip = false;
  if (ingressroute) {
    for (const ServicePlan& s : ctx.plan.services)
      for (std::size_t i = 0; i < s.routes.size(); ++i) {
        if (!s.routes[i].strip_prefix) continue;
        any_strip = true;
        out.add_base(fmt::format("base/{}/middleware-strip-{}.yaml", s.name, i),
                     strip_prefix_middleware(ctx, s, i));
      }
  }
  out.add_base("base/_app/middleware-security-headers.yaml", security_headers_middleware(ctx));
  out.add_base("base/_app/middleware-compress.yaml", compress_middleware(ctx));
  if (ingressroute) {
    out.add_base("base/_app/middleware-redirect-https.yaml", redirect_https_middleware(ctx));
    if (any_strip) {
      out.add_base("base/_app/middleware-rate-limit.yaml", rate_limit_middleware(ctx));
      out.report.add("", "ingress.rate-limit", Disposition::Inferred,
                     "path routes that strip a prefix (APIs) are rate limited to 100 req/s "
                     "(burst 200) per client by Middleware rate-limit; tune it there");
    }
  }
}

} // namespace berth::generate::net
