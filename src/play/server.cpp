// The HTTP side of gol play (server.h). Requests are read with Beast's parser (header and body
// size limits: too large is 413, malformed is 400), answered by the Api through an Exchange.
// Sockets get send and receive timeouts, so a client that stops reading or never finishes its
// request cannot hold a thread for long.
#include "server.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>

namespace gol::play {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr size_t kMaxBody = 256 * 1024;
constexpr size_t kMaxHeader = 16 * 1024;
constexpr int kMaxConnections = 512;
std::atomic<int> gConnections{0};

// Everything the page needs comes from this server: the policy makes the browser refuse
// anything else (the SVG timelines carry inline styles).
constexpr const char* kPolicy =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'";

template <class Message>
void commonHeaders(Message& m, std::string_view contentType) {
  m.set(http::field::server, "gol play");
  m.set(http::field::content_type, beast::string_view(contentType.data(), contentType.size()));
  m.set(http::field::cache_control, "no-store");
  m.set("Content-Security-Policy", kPolicy);
  m.set("X-Content-Type-Options", "nosniff");
}

class BeastExchange : public Exchange {
 public:
  BeastExchange(tcp::socket& sock, bool keepAlive, bool head) : sock_(sock), keepAlive_(keepAlive), head_(head) {}

  void reply(int status, std::string_view contentType, std::string_view body) override {
    http::response<http::string_body> res{static_cast<http::status>(status), 11};
    commonHeaders(res, contentType);
    res.keep_alive(keepAlive_ && status < 400);
    if (!head_) res.body() = std::string(body);
    res.prepare_payload();
    if (head_) res.content_length(body.size());
    beast::error_code ec;
    if (head_) {
      http::response_serializer<http::string_body> sr{res};
      http::write_header(sock_, sr, ec);
    } else {
      http::write(sock_, res, ec);
    }
    open_ = !ec && keepAlive_ && status < 400;
  }

  bool startStream(std::string_view contentType) override {
    http::response<http::empty_body> res{http::status::ok, 11};
    commonHeaders(res, contentType);
    res.keep_alive(false);  // the body ends when the connection closes
    http::response_serializer<http::empty_body> sr{res};
    beast::error_code ec;
    http::write_header(sock_, sr, ec);
    open_ = false;
    return !ec;
  }

  bool write(std::string_view piece) override {
    beast::error_code ec;
    net::write(sock_, net::buffer(piece.data(), piece.size()), ec);
    return !ec;
  }

  bool open() const { return open_; }  // another request may follow on this connection

 private:
  tcp::socket& sock_;
  bool keepAlive_, head_;
  bool open_ = false;
};

void setTimeouts(int fd) {
  timeval tv{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

void session(tcp::socket sock, Api& api) {
  setTimeouts(sock.native_handle());
  beast::flat_buffer buffer;
  beast::error_code ec;
  while (true) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxHeader);
    parser.body_limit(kMaxBody);
    http::read(sock, buffer, parser, ec);
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::connection_reset) break;
    if (ec) {
      bool tooLarge = ec == http::error::body_limit || ec == http::error::header_limit ||
                      ec == http::error::buffer_overflow;
      if (ec != net::error::would_block && ec != net::error::timed_out) {
        BeastExchange ex(sock, false, false);
        ex.reply(tooLarge ? 413 : 400, "application/json",
                 tooLarge ? R"({"error": "request too large"})" : R"({"error": "malformed request"})");
      }
      break;
    }
    auto& msg = parser.get();
    Request req{std::string(msg.method_string()), std::string(msg.target()), std::move(msg.body())};
    BeastExchange ex(sock, msg.keep_alive(), msg.method() == http::verb::head);
    api.handle(req, ex);
    if (!ex.open()) break;
  }
  sock.shutdown(tcp::socket::shutdown_both, ec);
  sock.close(ec);
  gConnections--;
}

}  // namespace

bool serve(const std::string& host, int port, Api& api, std::string* error, int* boundPort,
           void (*onListening)(int port)) {
  net::io_context ioc{1};
  beast::error_code ec;
  auto address = net::ip::make_address(host, ec);
  if (ec) {
    *error = "invalid address " + host;
    return false;
  }
  tcp::acceptor acceptor{ioc};
  tcp::endpoint ep{address, static_cast<unsigned short>(port)};
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = ec.message();
    return false;
  }
  *boundPort = acceptor.local_endpoint().port();
  onListening(*boundPort);
  while (true) {
    tcp::socket sock{ioc};
    acceptor.accept(sock, ec);
    if (ec) continue;
    if (gConnections.load() >= kMaxConnections) {
      BeastExchange ex(sock, false, false);
      ex.reply(503, "application/json", R"({"error": "too many connections"})");
      continue;
    }
    gConnections++;
    std::thread(session, std::move(sock), std::ref(api)).detach();
  }
}

}  // namespace gol::play
