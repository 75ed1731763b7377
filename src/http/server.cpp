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
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "base/strings.h"
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
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.opt.header_limit));
    parser_->body_limit(server_.opt.body_limit);
    stream_.expires_after(server_.opt.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return close();
    if (ec == bhttp::error::body_limit) return reject(413, "The request body is larger than " + std::to_string(server_.opt.body_limit / 1024) + " KiB.");
    if (ec == bhttp::error::header_limit) return reject(413, "The request header is larger than " + std::to_string(server_.opt.header_limit / 1024) + " KiB.");
    if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return reject(400, "The request is not valid HTTP.");
    if (ec) return close();  // timeout, reset, shutdown
    handle();
  }

  // Answers a request that could not be read, then closes the connection.
  void reject(int status, const std::string& message) {
    busy_ = true;
    Request req;
    req.remote = remote_;
    if (parser_) {
      // The start line is stored as soon as it is parsed, before the rest of the header.
      req.method = std::string(parser_->get().method_string());
      req.target = std::string(parser_->get().target());
    }
    req.path = req.target.substr(0, req.target.find('?'));
    send(req, server_.handler->error(req, status, message), false);
  }

  void handle() {
    busy_ = true;
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    req.remote = remote_;
    for (const auto& field : msg) req.headers.emplace_back(to_lower_ascii(std::string_view(field.name_string().data(), field.name_string().size())), std::string(field.value()));
    req.body = std::move(msg.body());
    bool keep_alive = msg.keep_alive();
    Response res;
    if (auto target = parse_target(req.target)) {
      req.path = std::move(target->path);
      req.query = std::move(target->query);
      res = server_.respond(req);
    } else {
      req.path = req.target.substr(0, req.target.find('?'));
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

Server::Server(ServerOptions options, std::shared_ptr<RequestHandler> handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Result<unsigned short> Server::listen() {
  auto& I = *impl_;
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
  return I.acceptor.local_endpoint().port();
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
