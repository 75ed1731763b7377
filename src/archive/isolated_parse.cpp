#include "archive/isolated_parse.h"

#include "model/authority.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "model/record_json.h"

namespace arkiv::archive {

namespace {

bool write_all(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// Child side: one JSON line per record ({"r": record}) or error ({"e": [code, message]}).
[[noreturn]] void run_child(const ingest::Importer& importer, const ingest::SourceFile& file, int fd) {
  ingest::ParseOutput out = importer.parse(file);
  std::string buf;
  for (const auto& d : out.records) {
    buf += nlohmann::json{{"r", model::to_json(d)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
    if (buf.size() > (1 << 20)) {
      if (!write_all(fd, buf)) ::_exit(3);
      buf.clear();
    }
  }
  // Authorities, units and redirects the source defines ({"a": ...}, {"u": ...}, {"m": ...}),
  // then errors and warnings.
  for (const auto& a : out.authorities) {
    buf += nlohmann::json{{"a", model::to_json(a)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
  }
  for (const auto& u : out.units) {
    buf += nlohmann::json{{"u", model::to_json(u)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
  }
  for (const auto& r : out.redirects) {
    buf += nlohmann::json{{"m", model::to_json(r)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
  }
  for (const auto& e : out.errors) {
    buf += nlohmann::json{{"e", {static_cast<int>(e.code()), e.message()}}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
  }
  for (const auto& w : out.warnings) {
    buf += nlohmann::json{{"w", w}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buf += '\n';
  }
  ::_exit(write_all(fd, buf) ? 0 : 3);
}

}  // namespace

ingest::ParseOutput parse_isolated(const ingest::Importer& importer, const ingest::SourceFile& file,
                                   std::chrono::milliseconds timeout) {
  ingest::ParseOutput out;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    out.errors.push_back(Error::io(std::string("cannot start the parser process: ") + std::strerror(errno)));
    return out;
  }
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    out.errors.push_back(Error::io(std::string("cannot start the parser process: ") + std::strerror(errno)));
    return out;
  }
  if (pid == 0) {
    // The child must never outlive the import nor keep its descriptors: an flock belongs to the
    // open file description, so a child holding the lock's descriptor would keep the data
    // directory locked after its parent was killed. Keep only stdio and the pipe.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(4);  // the parent died before prctl took effect
    ::close(fds[0]);
    if (fds[1] > 3) ::close_range(3, static_cast<unsigned>(fds[1]) - 1, 0);
    ::close_range(static_cast<unsigned>(fds[1]) + 1, ~0U, 0);
    run_child(importer, file, fds[1]);
  }
  ::close(fds[1]);
  std::string data;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  char buf[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    out.errors.push_back(Error::invalid("the " + std::string(importer.format()) + " parser did not finish within " +
                                        std::to_string(timeout.count()) + " ms; the file was skipped"));
    return out;
  }
  if (WIFSIGNALED(status)) {
    out.errors.push_back(Error::invalid("the " + std::string(importer.format()) + " parser crashed (signal " +
                                        std::to_string(WTERMSIG(status)) + ") on this file; it was skipped"));
    return out;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    out.errors.push_back(Error::internal("the " + std::string(importer.format()) + " parser process failed (exit " +
                                         std::to_string(WEXITSTATUS(status)) + ")"));
    return out;
  }
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    auto j = nlohmann::json::parse(std::string_view(data).substr(start, end - start), nullptr, false);
    start = end + 1;
    if (j.is_discarded()) continue;
    if (j.contains("r")) {
      auto doc = model::from_json(j["r"]);
      if (doc) out.records.push_back(std::move(doc).value());
      else out.errors.push_back(doc.error());
    } else if (j.contains("e") && j["e"].is_array() && j["e"].size() == 2) {
      out.errors.emplace_back(static_cast<ErrorCode>(j["e"][0].get<int>()), j["e"][1].get<std::string>());
    } else if (j.contains("a")) {
      auto a = model::authority_from_json(j["a"], /*check=*/false);
      if (a) out.authorities.push_back(std::move(a).value());
      else out.errors.push_back(a.error());
    } else if (j.contains("u")) {
      auto u = model::unit_from_json(j["u"]);
      if (u) out.units.push_back(std::move(u).value());
      else out.errors.push_back(u.error());
    } else if (j.contains("m")) {
      auto r = model::redirect_from_json(j["m"]);
      if (r) out.redirects.push_back(std::move(r).value());
      else out.errors.push_back(r.error());
    } else if (j.contains("w") && j["w"].is_string()) {
      out.warnings.push_back(j["w"].get<std::string>());
    }
  }
  return out;
}

}  // namespace arkiv::archive
