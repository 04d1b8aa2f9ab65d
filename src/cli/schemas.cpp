// `berth schemas pull` runner: kubectl does the talking to the cluster (contexts, auth plugins,
// proxies all work as the user configured them); berth only validates and stores the answer.
#include "cli/schemas.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/atomic_file.h"
#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "common/error.h"

extern char** environ;

namespace berth::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCommand = "kubectl get --raw /openapi/v2";

// Runs kubectl with stdout captured; stdin is /dev/null so it never waits for input.
std::string run_kubectl() {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0)
    throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  char arg0[] = "kubectl", arg1[] = "get", arg2[] = "--raw", arg3[] = "/openapi/v2";
  char* argv[] = {arg0, arg1, arg2, arg3, nullptr};
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, "kubectl", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    if (rc == ENOENT)
      throw Error("kubectl was not found on PATH; install it (and point it at the cluster), or "
                  "save `" +
                  std::string(kCommand) + "` yourself and pass it to --openapi");
    throw Error("cannot run kubectl: " + std::string(std::strerror(rc)));
  }
  std::string text;
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    throw Error("kubectl could not be started (exit 127); is it installed on PATH?");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw Error("`" + std::string(kCommand) + "` failed (" +
                (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                   : std::string("killed by a signal")) +
                "); its error is above. Check the current context with `kubectl config "
                "current-context`");
  return text;
}

void check_document(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw Error("`" + std::string(kCommand) + "` did not print a JSON object");
  if (!doc.contains("swagger") || !doc.contains("definitions"))
    throw Error("`" + std::string(kCommand) +
                "` printed JSON that is not an OpenAPI v2 document (no swagger/definitions)");
}


} // namespace

int run_schemas_pull(const SchemasPullOptions& o, std::ostream& out, std::ostream& err) {
  try {
    std::string text = run_kubectl();
    check_document(text);
    if (o.output.empty() || o.output == "-") {
      out << text;
      out.flush();
      return kExitOk;
    }
    write_file_atomically(o.output, text, "the file");
    err << "berth: wrote " << o.output << " (" << text.size() << " bytes); use it with "
        << "`berth check --openapi " << o.output << "`\n";
    return kExitOk;
  } catch (const Error& e) {
    print_error(err, e);
    return kExitInput;
  }
}

} // namespace berth::cli
