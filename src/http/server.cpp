#include "http/server.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sys/resource.h>

#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "base/strings.h"
#include "http/request_head.h"
#include "http/url.h"

namespace arkiv::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Which handler slot the current worker thread owns.
thread_local std::size_t t_worker = 0;

// A log field value in double quotes, with quotes, backslashes and control bytes escaped, so a
// hostile path cannot forge log lines.
std::string log_quote(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s.substr(0, 1024)) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

using RequestParser = bhttp::request_parser<bhttp::string_body>;

HeadLimits head_limits(const ServerOptions& opt) { return {opt.target_limit, opt.header_limit}; }

void configure(RequestParser& parser, const ServerOptions& opt, std::size_t body_limit) {
  // The head has passed check_request_head already; Beast's own limit is only a backstop.
  parser.header_limit(static_cast<std::uint32_t>(opt.target_limit + opt.header_limit + 1024));
  parser.body_limit(body_limit);
}

// The status a Beast parse error is answered with; 0 when it is not the client's malformed
// request (a timeout, a reset, the end of the stream).
int status_for(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return 400;
  return 0;
}

std::string message_for(int status, const ServerOptions& opt) {
  if (status == 413) return "The request body is larger than this address takes.";
  if (status == 431) return "The request header is larger than " + std::to_string(opt.header_limit / 1024) + " KiB.";
  return "The request is not valid HTTP.";
}

Request to_request(const bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  req.remote = remote;
  for (const auto& field : msg) req.headers.emplace_back(to_lower_ascii(std::string_view(field.name_string().data(), field.name_string().size())), std::string(field.value()));
  req.body = msg.body();
  return req;
}

// Fills req.path and req.query from req.target; on failure req.path is the raw path, so the
// error is still answered in the form the address calls for.
Status decode_target(Request& req) {
  auto target = parse_target(req.target);
  if (!target) {
    req.path = req.target.substr(0, req.target.find('?'));
    return target.error();
  }
  req.path = std::move(target->path);
  req.query = std::move(target->query);
  return {};
}

class Session;

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, std::shared_ptr<RequestHandler> h);
  void accept();
  void shutdown();  // on the acceptor's strand
  Response respond(Request& req);
  void add(const std::shared_ptr<Session>& s);
  void remove(Session* s);

  ServerOptions opt;
  std::shared_ptr<RequestHandler> handler;
  std::shared_ptr<spdlog::logger> log;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  // Declared last so pending handlers (which hold sessions) go before what they refer to.
  net::io_context ioc;
  net::strand<net::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer retry;
};

namespace {

// One connection: reads requests one after another (keep-alive), answers each in turn.
// Runs on its own strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }
  ~Session() { server_.remove(this); }

  void start() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_request, shared_from_this())); }

  // Graceful shutdown: a connection waiting for a request closes now; one answering a
  // request closes once the answer is written.
  void shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->close();
    });
  }

 private:
  // Keep-alive: wait up to the idle timeout for the next request's first bytes, then give the
  // request itself the (shorter) read timeout.
  void wait_for_request() {
    if (server_.stopping) return close();
    if (buffer_.size() > 0) return read_request();
    stream_.expires_after(server_.opt.idle_timeout);
    stream_.async_read_some(buffer_.prepare(2048), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_request();
    });
  }

  void read_request() {
    if (server_.stopping) return close();
    // One deadline for the whole request: a client trickling bytes does not extend it.
    stream_.expires_after(server_.opt.read_timeout);
    scanned_ = 0;
    read_head();
  }

  // Reads until the head can be checked (scanning each byte once), checks it, then lets Beast's
  // parser read the head again from the buffer, and the body.
  void read_head() {
    std::string_view bytes(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    HeadLimits limits = head_limits(server_.opt);
    if (!head_decidable(bytes, scanned_, limits)) {
      scanned_ = bytes.size();
      stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        if (ec) return self->close();
        self->buffer_.commit(n);
        self->read_head();
      });
      return;
    }
    HeadCheck check = check_request_head(bytes, limits);
    if (check.state == HeadCheck::State::kRejected) return reject(check.status, check.message, check.method, check.target);
    parser_.emplace();
    configure(*parser_, server_.opt, server_.handler->body_limit(check.method, check.target, server_.opt.body_limit));
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return close();
    if (int status = status_for(ec)) {
      return reject(status, message_for(status, server_.opt), std::string(parser_->get().method_string()),
                    std::string(parser_->get().target()));
    }
    if (ec) return close();  // timeout, reset, shutdown
    handle();
  }

  // Answers a request that could not be read, then closes the connection: what follows on it
  // is never read as a next request.
  void reject(int status, const std::string& message, std::string method, std::string target) {
    started_ = std::chrono::steady_clock::now();
    busy_ = true;
    Request req;
    req.remote = remote_;
    req.base_url = server_.opt.base_url;
    req.method = std::move(method);
    req.target = std::move(target);
    req.path = req.target.substr(0, req.target.find('?'));
    send(req, server_.handler->error(req, status, message), false);
  }

  void handle() {
    busy_ = true;
    auto& msg = parser_->get();
    Request req = to_request(msg, remote_);
    req.base_url = server_.opt.base_url;
    bool keep_alive = msg.keep_alive();
    Response res;
    if (Status target = decode_target(req); target) {
      res = server_.respond(req);
    } else {
      res = server_.handler->error(req, 400, "The address is not valid: " + target.error().message() + ".");
    }
    send(req, std::move(res), keep_alive && !server_.stopping);
  }

  void send(const Request& req, Response res, bool keep_alive) {
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(res.status), 11);
    out->set(bhttp::field::server, "arkiv");
    if (!res.content_type.empty()) out->set(bhttp::field::content_type, res.content_type);
    for (const auto& [name, value] : res.headers) out->set(name, value);
    out->body() = std::move(res.body);
    out->keep_alive(keep_alive);
    out->prepare_payload();
    if (req.method == "HEAD") {
      // Same header as GET, Content-Length included; no body.
      std::string length(out->at(bhttp::field::content_length));
      out->body().clear();
      out->set(bhttp::field::content_length, length);
    }
    std::string line = "method=" + log_quote(req.method) + " path=" + log_quote(req.target) +
                       " status=" + std::to_string(res.status) + " bytes=" + std::to_string(out->body().size());
    std::string tail = " remote=" + log_quote(remote_);
    if (!res.log_detail.empty()) tail += " error=" + log_quote(res.log_detail);
    stream_.expires_after(server_.opt.read_timeout);  // a client that does not read its answer
    bhttp::async_write(stream_, *out,
                       [self = shared_from_this(), out, keep_alive, line = std::move(line), tail = std::move(tail)](
                           beast::error_code ec, std::size_t) {
                         double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - self->started_).count();
                         char dur[32];
                         std::snprintf(dur, sizeof dur, " duration_ms=%.2f", ms);
                         self->server_.log->info("{}{}{}", line, dur, tail);
                         self->busy_ = false;
                         if (ec || !keep_alive || self->server_.stopping) return self->close();
                         self->wait_for_request();
                       });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string remote_;
  std::chrono::steady_clock::time_point started_;
  std::size_t scanned_ = 0;  // bytes of buffer_ already searched for the end of the head
  bool busy_ = false;
  bool closed_ = false;
};

}  // namespace

Server::Impl::Impl(ServerOptions o, std::shared_ptr<RequestHandler> h)
    : opt(std::move(o)),
      handler(std::move(h)),
      ioc(std::max(1, opt.threads)),
      strand(net::make_strand(ioc)),
      acceptor(strand),
      signals(strand),
      retry(strand) {
  log = std::make_shared<spdlog::logger>("arkiv.http", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  log->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  log->flush_on(spdlog::level::info);
}

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping || !acceptor.is_open()) return;
    if (ec) {
      // Out of descriptors and the like: try again shortly rather than spin.
      retry.expires_after(std::chrono::milliseconds(100));
      retry.async_wait([this](beast::error_code e) {
        if (!e && !stopping) accept();
      });
      return;
    }
    auto session = std::make_shared<Session>(std::move(socket), *this);
    add(session);
    session->start();
    accept();
  });
}

void Server::Impl::add(const std::shared_ptr<Session>& s) {
  std::lock_guard<std::mutex> lock(mu);
  sessions[s.get()] = s;
}

void Server::Impl::remove(Session* s) {
  std::lock_guard<std::mutex> lock(mu);
  sessions.erase(s);
}

void Server::Impl::shutdown() {
  if (stopping.exchange(true)) return;
  log->info("shutting down: finishing requests in flight");
  beast::error_code ec;
  signals.cancel(ec);
  retry.cancel();
  acceptor.close(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->shutdown();
}

Response Server::Impl::respond(Request& req) {
  try {
    return handler->handle(req, t_worker);
  } catch (const std::exception& e) {
    try {
      Response r = handler->error(req, 500, "Something went wrong on our side.");
      r.log_detail = e.what();
      return r;
    } catch (const std::exception&) {
      Response r = Response::text("Internal error\n");
      r.status = 500;
      r.log_detail = e.what();
      return r;
    }
  }
}

ParsedRequest parse_request_bytes(std::string_view raw, const ServerOptions& options) {
  ParsedRequest out;
  HeadCheck check = check_request_head(raw, head_limits(options));
  out.request.method = check.method;
  out.request.target = check.target;
  if (check.state == HeadCheck::State::kIncomplete) {
    out.incomplete = true;
    return out;
  }
  if (check.state == HeadCheck::State::kRejected) {
    out.status = check.status;
    out.message = check.message;
    return out;
  }
  RequestParser parser;
  configure(parser, options, options.body_limit);
  parser.eager(true);
  beast::error_code ec;
  std::string_view rest = raw;
  while (!parser.is_done() && !ec && !rest.empty()) {
    std::size_t used = parser.put(net::buffer(rest.data(), rest.size()), ec);
    rest.remove_prefix(used);
    if (used == 0 && ec == bhttp::error::need_more) break;
  }
  if (ec == bhttp::error::need_more || (!ec && !parser.is_done())) {
    out.incomplete = true;
    return out;
  }
  if (ec) {
    out.status = status_for(ec);
    if (out.status == 0) out.status = 400;
    out.message = message_for(out.status, options);
    return out;
  }
  out.request = to_request(parser.get(), "");
  if (Status target = decode_target(out.request); !target) {
    out.status = 400;
    out.message = target.error().message();
  }
  return out;
}

Server::Server(ServerOptions options, std::shared_ptr<RequestHandler> handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Result<unsigned short> Server::listen() {
  auto& I = *impl_;
  // Each connection is a descriptor: take all the process may have (the hard limit), so that
  // thousands of idle clients do not starve the others of accept().
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  beast::error_code ec;
  tcp::resolver resolver(I.ioc);
  auto results = resolver.resolve(I.opt.host, std::to_string(I.opt.port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) return Error::invalid("--host '" + I.opt.host + "': not an address this machine has");
  tcp::endpoint ep = results.begin()->endpoint();
  I.acceptor.open(ep.protocol(), ec);
  if (!ec) I.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) I.acceptor.bind(ep, ec);
  if (!ec) I.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Error::io("cannot listen on " + I.opt.host + ":" + std::to_string(I.opt.port) + ": " + ec.message());
  unsigned short port = I.acceptor.local_endpoint().port();
  if (I.opt.base_url.empty()) {
    // Never the request's Host header: links and citations must not name whatever a client sent.
    std::string host = I.opt.host.find(':') != std::string::npos ? "[" + I.opt.host + "]" : I.opt.host;
    I.opt.base_url = "http://" + host + ":" + std::to_string(port);
  }
  return port;
}

void Server::run() {
  auto& I = *impl_;
  if (I.opt.handle_signals) {
    I.signals.add(SIGINT);
    I.signals.add(SIGTERM);
    I.signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->shutdown();
    });
  }
  net::dispatch(I.strand, [this] { impl_->accept(); });
  int n = std::max(1, I.opt.threads);
  std::vector<std::thread> workers;
  for (int i = 1; i < n; ++i) {
    workers.emplace_back([this, i] {
      t_worker = static_cast<std::size_t>(i);
      impl_->ioc.run();
    });
  }
  t_worker = 0;
  I.ioc.run();
  for (auto& t : workers) t.join();
  I.log->info("stopped");
}

void Server::stop() {
  net::post(impl_->strand, [this] { impl_->shutdown(); });
}

}  // namespace arkiv::http
