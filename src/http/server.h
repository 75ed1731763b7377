// The HTTP server adapter: the only code that includes Boost.Beast and Asio. Asynchronous
// keep-alive connections on one io_context run by `threads` workers; bounded requests and
// timeouts for slow clients; one log line per request on stderr; graceful shutdown on
// SIGTERM/SIGINT or stop() (stop accepting, finish requests in flight, return).
// The Server owns its threads; stop() may be called from any thread. What a request means is
// the RequestHandler's business (app/ wires the archive's routes in): this module knows no
// archive, page or API.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::http {

// Answers requests. Called from the server's worker threads, `worker` in [0, threads): a
// handler may keep per-worker state in slot `worker` without locking. Exceptions become a 500.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual Response handle(Request& req, std::size_t worker) = 0;
  // The answer to a request the server refuses before handling it (400, 413, 431, 500...),
  // in the form its path calls for (HTML page, JSON under /api/).
  virtual Response error(const Request& req, int status, const std::string& message) = 0;
  // The largest body the request may carry, decided from its method and raw target before the
  // body is read (edit forms and the write API take whole records); `usual` is the server's.
  virtual std::size_t body_limit(std::string_view method, std::string_view target, std::size_t usual) const {
    (void)method;
    (void)target;
    return usual;
  }
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  int threads = 2;
  // The public address ("https://archive.example.org") for permalinks, citations and cookies'
  // Secure flag; empty: "http://host:port" of the listening socket, known after listen().
  std::string base_url;
  std::chrono::milliseconds read_timeout{15000};  // to receive one whole request
  std::chrono::milliseconds idle_timeout{60000};  // between requests on a kept-alive connection
  std::size_t target_limit = 8 * 1024;  // longer request targets get 414
  std::size_t header_limit = 8 * 1024;  // larger header fields get 431
  std::size_t body_limit = 64 * 1024;   // larger bodies get 413
  bool handle_signals = true;  // stop on SIGTERM and SIGINT
};

class Server {
 public:
  Server(ServerOptions options, std::shared_ptr<RequestHandler> handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Returns the port (useful with port 0); kIo when the address is taken.
  Result<unsigned short> listen();
  // Serves until stopped; returns when every connection has finished.
  void run();
  // Stops accepting, closes idle connections, lets requests in flight finish.
  void stop();

  struct Impl;  // defined in server.cpp; public only so its connections can name it

 private:
  std::unique_ptr<Impl> impl_;
};

// What a connection makes of raw request bytes, without a socket: the head checks, Beast's
// parser (limits from `options`) and the decoding of the target, in the server's order.
// For the HTTP fuzz target and its regression tests.
struct ParsedRequest {
  int status = 0;        // 0: a whole request was read; else the error status it is answered with
  bool incomplete = false;  // the bytes end before the request does (status 0)
  std::string message;   // for an error status
  Request request;       // method and target always (as far as read); the rest when status is 0
};
ParsedRequest parse_request_bytes(std::string_view raw, const ServerOptions& options);

}  // namespace arkiv::http
